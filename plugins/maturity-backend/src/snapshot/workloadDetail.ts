import {
  CheckResult,
  CheckStatus,
  CoresSource,
  DimensionId,
  FactBasis,
  FactOrigin,
  FactProvenance,
  FactSourceKind,
  FactValue,
  MEASURED_SOURCES,
  NextLevel,
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
  /** The scorecard (`maturity.scorecards`) its kind was scored on; absent: every check. */
  scorecard?: string;
  /** What blocks the level above its own; absent in details stored before levels had gates. */
  nextLevel?: NextLevel | null;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
  problems: string[];
  staleSources: StaleSource[];
  /** The entity's tags and spec.type, for matching best-practice cases. */
  tags: string[];
  /** What its cost rests on and how to lower it. */
  cost: WorkloadCostAdvice;
}

/**
 * Where some of a workload's facts came from: one entry per collector and origin (a collector
 * may read facts from several places: a cluster's workload objects and its add-ons).
 */
export interface FactSource extends FactOrigin {
  collector: string;
  /**
   * ISO time the facts were collected, when an earlier run collected them (the collector failed
   * in this one). Absent for facts the run collected itself: they date from its start, and a
   * detail that carried the run's time would differ from the last run's however little changed,
   * and be stored again.
   */
  at?: string;
}

/** A stored check's flags: stale, and the basis of the fact its rule read. */
const STALE = 1;
const MEASURED = 2;
const DECLARED = 4;

type StoredCheck = [
  id: string,
  status: CheckStatus,
  credit: number | null,
  facts: number[],
  flags: number,
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

/**
 * One collector's facts about a workload as sources, one per origin. Each is a copy made once:
 * an object grown fact by fact sits in V8's dictionary mode at ~2.5× the memory of the copy.
 * Collected now, so without a time of their own (see FactSource).
 */
export function sourcesByOrigin(
  collector: { id: string; source?: FactSourceKind },
  facts: WorkloadFacts,
  origins: Record<string, FactOrigin> | undefined,
  origin?: FactOrigin,
): CollectedFacts[] {
  const fallback: FactOrigin = origin ?? {
    source: collector.source ?? 'config',
  };
  const byOrigin = new Map<FactOrigin, WorkloadFacts>();
  if (!origins) byOrigin.set(fallback, { ...facts });
  else {
    for (const id of Object.keys(facts)) {
      const from = origins[id] ?? fallback;
      let group = byOrigin.get(from);
      if (!group) byOrigin.set(from, (group = {}));
      group[id] = facts[id];
    }
  }
  return [...byOrigin].map(([o, group]) => ({
    collector: collector.id,
    source: o.source,
    ...(o.from ? { from: o.from } : {}),
    facts: group,
  }));
}

const isMeasured = (source: FactSourceKind) => MEASURED_SOURCES.has(source);
const originOf = (s: FactSource) =>
  s.from ? `${s.source}: ${s.from}` : s.source;

/** A workload's facts merged from every source, and which of them were declared. */
export interface MergedFacts {
  facts: WorkloadFacts;
  /** Fact ids whose value was declared (no measured source supplied them). */
  declared: Set<string>;
  /** Where a measurement contradicts a declaration, each naming both: shown as problems. */
  contradictions: string[];
  /** Each fact's place in the order the facts were first seen: its index in the stored facts. */
  placeOf: Map<string, number>;
  /** By place: the index in the sources of the one the fact's value was taken from. */
  sourceAt: number[];
}

/**
 * Every fact of a workload. A measured value wins over a declared one whichever came first;
 * between two of the same kind the later source wins. Where a measurement contradicts a
 * declaration that claims a practice or capability (true), the measurement is used and the
 * contradiction reported.
 */
export function mergeFacts(
  ref: string,
  sources: readonly CollectedFacts[],
): MergedFacts {
  const facts: WorkloadFacts = {};
  const declared = new Set<string>();
  const contradictions: string[] = [];
  const placeOf = new Map<string, number>();
  const sourceAt: number[] = [];
  sources.forEach((source, i) => {
    const measured = isMeasured(source.source);
    for (const id of Object.keys(source.facts)) {
      const value = source.facts[id];
      const place = placeOf.get(id);
      const before = place === undefined ? undefined : sources[sourceAt[place]];
      if (before && isMeasured(before.source) !== measured) {
        const [m, d] = measured ? [source, before] : [before, source];
        // A claim the measurement does not back; a practice the owner did not list but the
        // platform provides (measured true, declared false) is no contradiction to report.
        if (d.facts[id] === true && m.facts[id] !== true)
          contradictions.push(
            `Entity ${ref}: the measured ${id} = ${JSON.stringify(
              m.facts[id],
            )} (${originOf(m)}) contradicts its declaration ${JSON.stringify(
              d.facts[id],
            )} (${originOf(d)}); the measurement is used`,
          );
        if (!measured) continue;
      }
      facts[id] = value;
      if (place === undefined) {
        placeOf.set(id, sourceAt.length);
        sourceAt.push(i);
      } else sourceAt[place] = i;
      if (measured) declared.delete(id);
      else declared.add(id);
    }
  });
  return { facts, declared, contradictions, placeOf, sourceAt };
}

/** The places of the facts a check read, in the order it lists them. */
function factPlaces(
  read: Record<string, unknown>,
  placeOf: ReadonlyMap<string, number>,
): number[] {
  // Every fact a check read is one of the merged facts.
  return Object.keys(read).map(id => placeOf.get(id)!);
}

/** A workload's detail as stored, from what the run scored and the sources it merged. */
export function packWorkloadDetail(
  detail: WorkloadDetail,
  sources: readonly CollectedFacts[],
  merged: MergedFacts,
): StoredWorkloadDetail {
  // Each fact in the order first seen, with the value and source the merge chose; a check
  // points at the facts it read by their places.
  const { placeOf, sourceAt } = merged;
  const facts: StoredWorkloadDetail['facts'] = [];
  for (const [id, place] of placeOf)
    facts.push([id, merged.facts[id], sourceAt[place]]);
  const checks = detail.checks.map((c): StoredCheck => {
    let flags = c.stale ? STALE : 0;
    if (c.basis) flags |= c.basis === 'measured' ? MEASURED : DECLARED;
    const tuple: StoredCheck = [
      c.id,
      c.status,
      c.credit,
      factPlaces(c.facts, placeOf),
      flags,
    ];
    if (c.waiver) tuple.push(c.waiver);
    return tuple;
  });
  return {
    v: 2,
    ...detail,
    sources: sources.map(({ collector, source, from, at }) => ({
      collector,
      source,
      ...(from ? { from } : {}),
      ...(at ? { at } : {}),
    })),
    facts,
    checks,
  };
}

/**
 * The readable form of a stored detail; facts without a time of their own were collected when
 * the snapshot's run started (`collectedAt`).
 */
export function readWorkloadDetail(
  detail: unknown,
  collectedAt: Date,
): WorkloadDetail {
  const { v, sources, facts, checks, ...rest } = detail as StoredWorkloadDetail;
  const provenance = sources.map((s): FactProvenance | undefined =>
    s.source
      ? {
          source: s.source,
          ...(s.from ? { from: s.from } : {}),
          at: s.at ?? collectedAt.toISOString(),
        }
      : undefined,
  );
  return {
    ...rest,
    checks: checks.map(
      ([id, status, credit, read, flags, waiver]): CheckResult => {
        let basis: FactBasis | undefined;
        if (flags & MEASURED) basis = 'measured';
        else if (flags & DECLARED) basis = 'declared';
        const origins = read
          .filter(i => provenance[facts[i][2]])
          .map(i => [facts[i][0], provenance[facts[i][2]]!]);
        return {
          id,
          facts: Object.fromEntries(read.map(i => [facts[i][0], facts[i][1]])),
          stale: (flags & STALE) !== 0,
          status,
          credit,
          ...(basis ? { basis } : {}),
          ...(origins.length
            ? { provenance: Object.fromEntries(origins) }
            : {}),
          ...(waiver ? { waiver } : {}),
        };
      },
    ),
  };
}

/**
 * The facts one collector supplied to a stored workload, one entry per origin, and when it
 * collected them: at the start of the `snapshot` the detail is stored in, unless they were older.
 * Details stored before facts had origins give the collector's facts as declared (`config`).
 */
export function factsFromCollector(
  detail: unknown,
  collector: string,
  snapshot: { startedAt: Date },
): { sources: CollectedFacts[]; collectedAt: Date } | undefined {
  const stored = detail as StoredWorkloadDetail | null | undefined;
  if (!stored?.sources) return undefined;
  const found = new Map<number, CollectedFacts>();
  stored.sources.forEach((s, i) => {
    if (s.collector !== collector) return;
    found.set(i, {
      collector,
      source: s.source ?? 'config',
      ...(s.from ? { from: s.from } : {}),
      facts: {},
    });
  });
  if (found.size === 0) return undefined;
  for (const [id, value, from] of stored.facts) {
    const source = found.get(from);
    if (source) source.facts[id] = value;
  }
  const at = stored.sources[found.keys().next().value!].at;
  return {
    sources: [...found.values()],
    collectedAt: at ? new Date(at) : snapshot.startedAt,
  };
}
