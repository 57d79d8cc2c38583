import { scaleTime } from 'd3-scale';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date, 2026-11-29. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A local date and time, 2026-11-29 14:00: a point of history, which runs may make hourly. */
export function formatMoment(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A tick's label: the date at midnight, the time of day otherwise, with seconds when a tick has
 * them (runs started by hand minutes apart).
 */
export function formatTick(ms: number): string {
  const d = new Date(ms);
  if (d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0)
    return formatDay(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getSeconds() === 0 ? time : `${time}:${pad(d.getSeconds())}`;
}

/**
 * Props for a recharts XAxis over points keyed `t` (ms). History is every run of the last days
 * and one point a day before (see maturity.history.runDays): on a category axis the last two days
 * of hourly points took a third of a 90-day chart, so points are placed by time, with d3's
 * calendar-aligned ticks (month starts, days, 6-hour marks as the range needs).
 */
export function timeAxisProps(times: number[], tickCount = 6) {
  const from = Math.min(...times);
  const to = Math.max(...times);
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [from, to],
    ticks: scaleTime()
      .domain([from, to])
      .ticks(tickCount)
      .map(d => d.getTime()),
    tickFormatter: formatTick,
  };
}
