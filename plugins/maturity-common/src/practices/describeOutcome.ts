import { CaseOutcome } from './cases';

const number = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: 5 });

/** A figure, or a range of two: `3`, `3–5`. */
const figure = (low: number, high?: number) =>
  high === undefined ? number(low) : `${number(low)}–${number(high)}`;

/** A relative change in percent, or a range of them: `−43 %`, `+50–70 %`. */
function percent(low: number, high?: number): string {
  const a = Math.round(low * 100);
  const sign = a < 0 ? '−' : '+';
  const b = high === undefined ? undefined : Math.abs(Math.round(high * 100));
  return `${sign}${figure(Math.abs(a), b)} %`;
}

/**
 * An outcome in words, as the source states it: "cost −43 %", "QPS +50–70 %", "check-in time
 * 3–5 → 1–2 s", "votes: 1,000,000,000 or more", "off-peak utilisation: up to 5 ×",
 * "availability (of CloudBase): 0.9999 or more".
 * @public
 */
export function describeOutcome(outcome: CaseOutcome): string {
  const unit = outcome.unit ? ` ${outcome.unit}` : '';
  const metric = outcome.of
    ? `${outcome.metric} (of ${outcome.of})`
    : outcome.metric;
  // "up to 5 ×" before the figure; "−40 % or more" after it, which reads the same for a fall.
  const upTo = outcome.bound === 'upTo' ? 'up to ' : '';
  const orMore = outcome.bound === 'atLeast' ? ' or more' : '';
  let text: string | undefined;
  if (outcome.change !== undefined)
    text = `${metric} ${upTo}${percent(
      outcome.change,
      outcome.changeMax,
    )}${orMore}`;
  else if (outcome.from !== undefined && outcome.to !== undefined)
    text = `${metric} ${figure(outcome.from, outcome.fromMax)} → ${figure(
      outcome.to,
      outcome.toMax,
    )}${unit}`;
  else if (outcome.value !== undefined)
    text = `${metric}: ${upTo}${figure(
      outcome.value,
      outcome.valueMax,
    )}${unit}${orMore}`;
  if (text === undefined)
    return `${metric}: ${outcome.note ?? 'not quantified'}`;
  return outcome.note ? `${text} (${outcome.note})` : text;
}
