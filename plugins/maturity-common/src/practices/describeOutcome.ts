import { CaseOutcome } from './cases';

const number = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: 5 });

/** An outcome in words: "cost −43 %", "availability 0.9995 → 0.99995", "votes 1,000,000,000". @public */
export function describeOutcome(outcome: CaseOutcome): string {
  const unit = outcome.unit ? ` ${outcome.unit}` : '';
  if (outcome.change !== undefined) {
    const percent = Math.round(outcome.change * 100);
    return `${outcome.metric} ${percent < 0 ? '−' : '+'}${number(
      Math.abs(percent),
    )} %`;
  }
  if (outcome.from !== undefined && outcome.to !== undefined) {
    return `${outcome.metric} ${number(outcome.from)} → ${number(
      outcome.to,
    )}${unit}`;
  }
  if (outcome.value !== undefined)
    return `${outcome.metric}: ${number(outcome.value)}${unit}`;
  return `${outcome.metric}: ${outcome.note ?? 'not quantified'}`;
}
