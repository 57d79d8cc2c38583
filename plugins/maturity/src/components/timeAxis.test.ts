import { formatMoment, formatTick, timeAxisProps } from './timeAxis';

// Local times, as the axis shows them whatever the time zone the tests run in.
const at = (month: number, day: number, hour = 0) =>
  new Date(2026, month - 1, day, hour).getTime();

describe('timeAxisProps', () => {
  it('places 90 days of history by time, with a tick at each month start', () => {
    // 88 daily points, then every hour of the last two days.
    const times = [
      ...Array.from({ length: 88 }, (_, i) => at(9, 1, 12) + i * 86_400_000),
      ...Array.from({ length: 48 }, (_, h) => at(11, 28) + h * 3_600_000),
    ];
    const axis = timeAxisProps(times);
    expect(axis.domain).toEqual([at(9, 1, 12), at(11, 29, 23)]);
    // 89 days over 6 ticks is ~15 days a tick: d3 rounds to a month rather than a week.
    expect(axis.ticks).toEqual([at(10, 1), at(11, 1)]);
    expect(axis.ticks.map(axis.tickFormatter)).toEqual([
      '2026-10-01',
      '2026-11-01',
    ]);
  });

  it('ticks every 6 hours over two days of hourly runs, the date at midnight', () => {
    const times = Array.from(
      { length: 48 },
      (_, h) => at(11, 28) + h * 3_600_000,
    );
    const axis = timeAxisProps(times);
    expect(axis.ticks.map(axis.tickFormatter)).toEqual([
      '2026-11-28',
      '06:00',
      '12:00',
      '18:00',
      '2026-11-29',
      '06:00',
      '12:00',
      '18:00',
    ]);
  });
});

describe('time labels', () => {
  it('give a point its date and time, a tick its date or its time', () => {
    expect(formatMoment(at(11, 29, 14))).toBe('2026-11-29 14:00');
    expect(formatTick(at(11, 29))).toBe('2026-11-29');
    expect(formatTick(at(11, 29, 9))).toBe('09:00');
    expect(formatTick(at(11, 29, 9) + 30_000)).toBe('09:00:30');
  });
});
