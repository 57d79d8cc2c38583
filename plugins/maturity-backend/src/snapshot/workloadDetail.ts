import {
  CheckResult,
  CheckStatus,
  CoresSource,
  DimensionId,
  FactValue,
  Waiver,
  WorkloadCostAdvice,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';

/**
 * A workload's detail: what its scorecard and cost view show beyond the figures of its row. The
 * run writes it packed (packWorkloadDetail), the routes read it back (readWorkloadDetail).
 */

/** A collector whose latest run failed for a workload, so its older facts were used. */
export interface StaleSource {
  collector: string;
  reason: string;
  /** When the facts used instead were collected, if any were. */
  since?: string;
}

/** A workload row's detail, readable: what its scorecard shows beyond the scores (stored packed). */
export interface WorkloadDetail {
  title?: string;
  coresSource: CoresSource;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
  problems: string[];
  staleSources: StaleSource[];
  /** The entity's tags and spec.type, for matching best-practice cases. */
  tags: string[];
  /** What its cost rests on and how to lower it. */
  cost: WorkloadCostAdvice;
}

/** Where a workload's facts came from: one entry per collector that supplied some. */
export interface FactSource {
  collector: string;
  /**
   * ISO time the facts were collected, when an earlier run collected them (the collector failed
   * in this one). Absent for facts the run collected itself: they date from its start, and a
   * detail that carried the run's time would differ from the last run's however little changed,
   * and be stored again.
   */
  at?: string;
}

type StoredCheck = [
  id: string,
  status: CheckStatus,
  credit: number | null,
  facts: number[],
  stale: 0 | 1,
  waiver?: Waiver,
];

/**
 * A workload's detail as stored: every fact once, with the collector it came from, and each
 * check as a tuple pointing at the facts it read. A 100,000-workload snapshot is written on
 * every run, and the readable form (facts repeated under every check, keys spelled out per
 * check) was most of its bytes. The facts double as the fallback when a collector fails.
 */
export interface StoredWorkloadDetail extends Omit<WorkloadDetail, 'checks'> {
  v: 2;
  sources: FactSource[];
  facts: Array<[id: string, value: FactValue, source: number]>;
  checks: StoredCheck[];
}

/** One collector's facts about a workload, as the run received them (kept by reference). */
export interface CollectedFacts extends FactSource {
  facts: WorkloadFacts;
}

/** Every fact of a workload; where collectors disagree, the later one wins. */
export function mergeFacts(sources: readonly CollectedFacts[]): WorkloadFacts {
  return Object.assign({}, ...sources.map(s => s.facts));
}

export function packWorkloadDetail(
  detail: WorkloadDetail,
  sources: readonly CollectedFacts[],
): StoredWorkloadDetail {
  // Each fact where it first appears, with the value of the last collector that gave it.
  const index = new Map<string, number>();
  const facts: StoredWorkloadDetail['facts'] = [];
  sources.forEach((source, i) => {
    for (const id of Object.keys(source.facts)) {
      const at = index.get(id);
      if (at === undefined) index.set(id, facts.length);
      facts[at ?? facts.length] = [id, source.facts[id], i];
    }
  });
  const checks = detail.checks.map((c): StoredCheck => {
    const tuple: StoredCheck = [
      c.id,
      c.status,
      c.credit,
      Object.keys(c.facts).map(id => index.get(id)!),
      c.stale ? 1 : 0,
    ];
    if (c.waiver) tuple.push(c.waiver);
    return tuple;
  });
  return {
    v: 2,
    ...detail,
    sources: sources.map(({ collector, at }) => ({
      collector,
      ...(at ? { at } : {}),
    })),
    facts,
    checks,
  };
}

/** The readable form of a stored detail. */
export function readWorkloadDetail(detail: unknown): WorkloadDetail {
  const { v, sources, facts, checks, ...rest } = detail as StoredWorkloadDetail;
  return {
    ...rest,
    checks: checks.map(
      ([id, status, credit, read, stale, waiver]): CheckResult => ({
        id,
        facts: Object.fromEntries(read.map(i => [facts[i][0], facts[i][1]])),
        stale: stale === 1,
        status,
        credit,
        ...(waiver ? { waiver } : {}),
      }),
    ),
  };
}

/**
 * The facts one collector supplied to a stored workload, and when it collected them: at the start
 * of the `snapshot` the detail is stored in, unless they were older.
 */
export function factsFromCollector(
  detail: unknown,
  collector: string,
  snapshot: { startedAt: Date },
): { facts: WorkloadFacts; collectedAt: Date } | undefined {
  const stored = detail as StoredWorkloadDetail | null | undefined;
  if (!stored?.sources) return undefined;
  const source = stored.sources.findIndex(s => s.collector === collector);
  if (source < 0) return undefined;
  const facts: WorkloadFacts = {};
  for (const [id, value, from] of stored.facts)
    if (from === source) facts[id] = value;
  const { at } = stored.sources[source];
  return { facts, collectedAt: at ? new Date(at) : snapshot.startedAt };
}
