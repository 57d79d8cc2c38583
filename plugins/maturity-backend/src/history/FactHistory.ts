import fs from 'node:fs';
import { FactValue, FACTS } from '@internal/plugin-maturity-common';
import YAML from 'yaml';
import { z } from 'zod';
import { configKey } from '../config/configKey';
import { CollectedFacts } from '../snapshot/workloadDetail';

const DAY_MS = 86_400_000;

/**
 * One recorded change: the facts in `before` had these values until `daysAgo` days ago. The
 * snapshot of that day already shows the change; one of 0 days ago happened since yesterday's.
 */
export interface FactChange {
  daysAgo: number;
  /** A workload's entity ref, or a cluster whose every workload changed (a platform capability). */
  workload?: string;
  cluster?: string;
  /** Each fact's value before the change; `null`: it was not known. */
  before: Record<string, FactValue | null>;
}

/** A recorded past: how many days of snapshots to write before the first run, and what changed. */
export interface FactHistory {
  days: number;
  changes: FactChange[];
}

/** A fact's value before a change, for the facts a workload had then and differs in now. */
export type PastFacts = (
  ref: string,
  facts: Readonly<Record<string, FactValue>>,
) => Record<string, FactValue | null> | undefined;

const historySchema = z
  .object({
    days: z.number().int().min(1).max(730),
    changes: z
      .array(
        z
          .object({
            daysAgo: z.number().int().min(0),
            workload: z
              .string()
              .regex(/^component:[^/]+\/.+$/)
              .optional(),
            cluster: z.string().min(1).optional(),
            before: z.record(
              z.union([z.boolean(), z.number(), z.string(), z.null()]),
            ),
          })
          .strict()
          .refine(
            c => (c.workload === undefined) !== (c.cluster === undefined),
            {
              message:
                'expected exactly one of workload (an entity ref, e.g. component:default/cart) or cluster',
            },
          ),
      )
      .default([]),
  })
  .strict();

/**
 * Reads a recorded past (`maturity.history.backfillFile`): YAML with `days` and the `changes`
 * that happened in them. A malformed file stops start-up with the file and the key named.
 */
export function readFactHistory(file: string): FactHistory {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Invalid config maturity.history.backfillFile: cannot read ${file}: ${
        (error as Error).message
      }`,
    );
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid history file ${file}: ${
        configKey('', issue.path) || 'the file'
      }: ${issue.message}`,
    );
  }
  parsed.data.changes.forEach((c, i) => {
    if (c.daysAgo > parsed.data.days)
      throw new Error(
        `Invalid history file ${file}: changes[${i}].daysAgo: ${c.daysAgo} is before the first of the ${parsed.data.days} days it records`,
      );
  });
  return parsed.data;
}

/**
 * The facts as they were `daysAgo` days before today: for each fact a later change touched, its
 * value before the earliest such change.
 */
export function pastFactsAt(history: FactHistory, daysAgo: number): PastFacts {
  // The changes after that day, earliest first: the first to touch a fact says what it was.
  const later = history.changes
    .filter(c => c.daysAgo < daysAgo)
    .sort((a, b) => b.daysAgo - a.daysAgo);
  return (ref, facts) => {
    let past: Record<string, FactValue | null> | undefined;
    for (const change of later) {
      const applies = change.workload
        ? change.workload === ref
        : facts[FACTS.kubernetes.cluster] === change.cluster;
      if (!applies) continue;
      for (const [id, value] of Object.entries(change.before)) {
        past ??= {};
        if (!(id in past)) past[id] = value;
      }
    }
    return past;
  };
}

/**
 * A workload's sources with its past values in place: each source that reported a fact reports
 * its past value instead (or not at all when it was unknown), so the fact keeps its provenance.
 * A fact no source reports today stays unreported.
 */
export function withPastFacts(
  ref: string,
  sources: CollectedFacts[],
  past: PastFacts,
): CollectedFacts[] {
  const now: Record<string, FactValue> = {};
  for (const s of sources) Object.assign(now, s.facts);
  const before = past(ref, now);
  if (!before) return sources;
  return sources.map(source => {
    if (!Object.keys(before).some(id => id in source.facts)) return source;
    const facts = { ...source.facts };
    for (const [id, value] of Object.entries(before)) {
      if (!(id in facts)) continue;
      if (value === null) delete facts[id];
      else facts[id] = value;
    }
    return { ...source, facts };
  });
}

/** The time `daysAgo` days before `today`. */
export const daysBefore = (today: Date, daysAgo: number) =>
  new Date(today.getTime() - daysAgo * DAY_MS);
