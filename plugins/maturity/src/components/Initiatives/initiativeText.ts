import {
  CheckDefinition,
  InitiativeTarget,
} from '@internal/plugin-maturity-common';

/** A target in words: "L3 or above", "a score of 60 or more", "passing Health probes". */
export function describeTarget(
  target: InitiativeTarget,
  checks: readonly Pick<CheckDefinition, 'id' | 'title'>[] = [],
): string {
  if ('level' in target) return `every workload at ${target.level} or above`;
  if ('score' in target)
    return `every workload scoring ${target.score} or more`;
  const title = (id: string) => checks.find(c => c.id === id)?.title ?? id;
  return `every workload passing ${target.checks
    .map(id => `“${title(id)}”`)
    .join(' and ')}`;
}

/** Whole days from today (UTC) to a deadline, negative once it has passed. */
export function daysUntil(deadline: string, now = new Date()): number {
  const today = Date.parse(now.toISOString().slice(0, 10));
  return Math.round((Date.parse(deadline) - today) / 86_400_000);
}
