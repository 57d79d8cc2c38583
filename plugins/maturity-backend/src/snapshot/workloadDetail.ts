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
import { AsciiText } from './AsciiText';

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

/**
 * The numbers of the names of facts and checks, each stored once (`maturity_detail_names`): a
 * stored detail names them by number. The first number asked of a new name is its number for
 * good.
 */
export interface DetailNames {
  numberOf(name: string): number;
}

/** A check as stored before names were numbered: [id, status, credit, facts read, flags, waiver]. */
type TupleCheck = [
  id: string,
  status: CheckStatus,
  credit: number | null,
  facts: number[],
  flags: number,
  waiver?: Waiver,
];

/** A detail as stored before names were numbered: facts and checks as tuples. */
interface StoredWorkloadDetailV2 extends Omit<WorkloadDetail, 'checks'> {
  v: 2;
  sources: FactSource[];
  facts: Array<[id: string, value: FactValue, source: number]>;
  checks: TupleCheck[];
}

/**
 * A workload's detail as stored: every fact once, each check once, each as columns of its own.
 * Names are numbers (`DetailNames`), and per-check fields are a letter or digit each in one
 * string, because what a run pays per workload is the number of values it writes (JSON and
 * garbage), not their bytes: 54 fact tuples and 42 check tuples cost ~26 µs to pack, serialise
 * and hash, these columns ~12 µs, and ~2.3 KB against ~4.9 KB. The store gives the names back when
 * it reads a detail (`withNames`). The facts double as the fallback when a collector fails.
 */
export interface StoredWorkloadDetail extends Omit<WorkloadDetail, 'checks'> {
  v: 3;
  sources: FactSource[];
  /** Each fact's name, in the order the facts were first seen: its number, its name once read. */
  facts: Array<number | string>;
  /** Each fact's value, by place. */
  values: FactValue[];
  /** Each fact's source (its index in `sources`), by place; absent when every fact's is 0. */
  from?: number[];
  /** Each check's name, as `facts`. */
  checks: Array<number | string>;
  /** A letter per check (STATUS_LETTERS); upper case when its credit is the next of `credits`. */
  status: string;
  /** The credits that are not their status's own (a partial one's, an unknown one counted as 0). */
  credits?: Array<number | null>;
  /** A digit per check: its flags (stale, measured, declared). */
  flags: string;
  /** Per check, separated by spaces: the places of the facts it read, separated by dots. */
  read: string;
  /** The waivers that held, by the check's place. */
  waivers?: Record<number, Waiver>;
}

/** A status's letter in a stored detail, and the credit it implies unless upper case. */
const STATUS_LETTERS: Record<CheckStatus, string> = {
  pass: 'p',
  partial: 'a',
  fail: 'f',
  'not-applicable': 'n',
  unknown: 'u',
  waived: 'w',
};
const STATUS_OF_LETTER = new Map(
  Object.entries(STATUS_LETTERS).map(([status, letter]) => [
    letter,
    status as CheckStatus,
  ]),
);
/** Each status's letter as a character code, for AsciiText. */
const STATUS_CODES = Object.fromEntries(
  Object.entries(STATUS_LETTERS).map(([s, letter]) => [
    s,
    letter.charCodeAt(0),
  ]),
) as Record<CheckStatus, number>;
const LOWER_TO_UPPER = 'a'.charCodeAt(0) - 'A'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);
const DOT = '.'.charCodeAt(0);
/** The stored detail's per-check columns, written while a detail is packed (one at a time). */
const statusText = new AsciiText();
const flagsText = new AsciiText();
const readText = new AsciiText();

/** The credit a status implies: a pass 1, a fail 0, the others none. */
const creditOf = (status: CheckStatus): number | null => {
  if (status === 'pass') return 1;
  return status === 'fail' ? 0 : null;
};

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
  /**
   * Each fact's place in the order the facts were first seen: its index in the stored facts.
   * Shared with other workloads whose facts came in the same order: read it, never change it.
   */
  placeOf: ReadonlyMap<string, number>;
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
  // The first source's facts are all new: copied in one go, each at the next place.
  const facts: WorkloadFacts =
    sources.length > 0 ? { ...sources[0].facts } : {};
  const declared = new Set<string>();
  const contradictions: string[] = [];
  const order: string[] = [];
  const sourceAt: number[] = [];
  sources.forEach((source, i) => {
    const measured = isMeasured(source.source);
    // A source's facts are a plain object of its own (sourcesByOrigin): for-in reads each
    // value without a lookup by name.
    // eslint-disable-next-line guard-for-in
    for (const id in source.facts) {
      if (i === 0) {
        order.push(id);
        sourceAt.push(0);
        if (!measured) declared.add(id);
        continue;
      }
      const value = source.facts[id];
      // Seen before where the facts so far have it; found among them only then, and seldom.
      const place = Object.hasOwn(facts, id) ? order.indexOf(id) : -1;
      const before = place < 0 ? undefined : sources[sourceAt[place]];
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
      if (place < 0) {
        order.push(id);
        sourceAt.push(i);
      } else sourceAt[place] = i;
      if (measured) declared.delete(id);
      else declared.add(id);
    }
  });
  return {
    facts,
    declared,
    contradictions,
    placeOf: placesOf(order),
    sourceAt,
  };
}

/** The places of the last order of facts asked for: most workloads of a run share one. */
let lastPlaces: { order: readonly string[]; placeOf: Map<string, number> } = {
  order: [],
  placeOf: new Map(),
};

/** Each fact's place in `order`: the map made for the last order, if this is the same. */
function placesOf(order: readonly string[]): ReadonlyMap<string, number> {
  const last = lastPlaces.order;
  let same = last.length === order.length;
  for (let i = 0; same && i < order.length; i++) same = last[i] === order[i];
  if (!same)
    lastPlaces = {
      order,
      placeOf: new Map(order.map((id, place) => [id, place])),
    };
  return lastPlaces.placeOf;
}

/** A workload's detail as stored, from what the run scored and the sources it merged. */
export function packWorkloadDetail(
  detail: WorkloadDetail,
  sources: readonly CollectedFacts[],
  merged: MergedFacts,
  names: DetailNames,
): StoredWorkloadDetail {
  // Each fact in the order first seen, with the value and source the merge chose; a check
  // points at the facts it read by their places.
  const { placeOf, sourceAt } = merged;
  // A fact's place is its order in placeOf, so pushed in that order each lands at its place.
  const facts: number[] = [];
  const values: FactValue[] = [];
  placeOf.forEach((_place, id) => {
    facts.push(names.numberOf(id));
    values.push(merged.facts[id]);
  });
  const checks: number[] = [];
  const credits: Array<number | null> = [];
  let waivers: Record<number, Waiver> | undefined;
  // Begun empty: a packing that threw part-way must not leave its text to the next detail.
  statusText.clear();
  flagsText.clear();
  readText.clear();
  detail.checks.forEach((c, i) => {
    checks.push(names.numberOf(c.id));
    const letter = STATUS_CODES[c.status];
    if (c.credit === creditOf(c.status)) statusText.char(letter);
    else {
      statusText.char(letter - LOWER_TO_UPPER);
      credits.push(c.credit);
    }
    let flag = c.stale ? STALE : 0;
    if (c.basis) flag |= c.basis === 'measured' ? MEASURED : DECLARED;
    flagsText.digits(flag);
    if (i > 0) readText.char(SPACE);
    let first = true;
    // Every fact a check read is one of the merged facts. Its facts are a plain object with own
    // properties only; for-in reads them without an array of keys per check.
    // eslint-disable-next-line guard-for-in
    for (const id in c.facts) {
      if (!first) readText.char(DOT);
      readText.digits(placeOf.get(id)!);
      first = false;
    }
    if (c.waiver) (waivers ??= {})[i] = c.waiver;
  });
  const stored: StoredWorkloadDetail = {
    v: 3,
    ...detail,
    sources: sources.map(({ collector, source, from, at }) => ({
      collector,
      source,
      ...(from ? { from } : {}),
      ...(at ? { at } : {}),
    })),
    facts,
    values,
    checks,
    status: statusText.take(),
    flags: flagsText.take(),
    read: readText.take(),
  };
  if (sourceAt.some(i => i !== 0)) stored.from = sourceAt;
  if (credits.length) stored.credits = credits;
  if (waivers) stored.waivers = waivers;
  return stored;
}

/**
 * A stored detail with its names given back: `nameOf` names each number (the store reads them
 * from `maturity_detail_names`). Anything else (a detail stored before names were numbered, a
 * group's) is returned as it is.
 */
export function withNames(
  detail: unknown,
  nameOf: (n: number) => string,
): unknown {
  const stored = detail as StoredWorkloadDetail | null | undefined;
  if (stored?.v !== 3) return detail;
  const name = (n: number | string) => (typeof n === 'number' ? nameOf(n) : n);
  return {
    ...stored,
    facts: stored.facts.map(name),
    checks: stored.checks.map(name),
  };
}

/** The numbers a stored detail names its facts and checks by. */
export function numbersIn(detail: unknown): number[] {
  const stored = detail as StoredWorkloadDetail | null | undefined;
  if (stored?.v !== 3) return [];
  return [...stored.facts, ...stored.checks].filter(
    (n): n is number => typeof n === 'number',
  );
}

/** Each fact of a stored detail as [name, value, source], whichever form it was stored in. */
function storedFacts(
  stored: StoredWorkloadDetail | StoredWorkloadDetailV2,
): Array<[id: string, value: FactValue, source: number]> {
  if (stored.v !== 3) return stored.facts;
  return stored.facts.map((id, place) => [
    String(id),
    stored.values[place],
    stored.from?.[place] ?? 0,
  ]);
}

/** Each check of a stored detail as a tuple, whichever form it was stored in. */
function storedChecks(
  stored: StoredWorkloadDetail | StoredWorkloadDetailV2,
): TupleCheck[] {
  if (stored.v !== 3) return stored.checks;
  const reads = stored.read.split(' ');
  let credit = 0;
  return stored.checks.map((id, i): TupleCheck => {
    const letter = stored.status[i];
    const status = STATUS_OF_LETTER.get(letter.toLowerCase())!;
    const tuple: TupleCheck = [
      String(id),
      status,
      letter === letter.toLowerCase()
        ? creditOf(status)
        : stored.credits![credit++],
      reads[i] ? reads[i].split('.').map(Number) : [],
      Number(stored.flags[i]),
    ];
    const waiver = stored.waivers?.[i];
    if (waiver) tuple.push(waiver);
    return tuple;
  });
}

/**
 * The readable form of a stored detail, its names given back (`withNames`); facts without a time
 * of their own were collected when the snapshot's run started (`collectedAt`).
 */
export function readWorkloadDetail(
  detail: unknown,
  collectedAt: Date,
): WorkloadDetail {
  const stored = detail as StoredWorkloadDetail | StoredWorkloadDetailV2;
  const facts = storedFacts(stored);
  // Either form: what the readable form does not have is taken out.
  const {
    v,
    sources,
    facts: _facts,
    values: _values,
    from: _from,
    checks: _checks,
    status: _status,
    credits: _credits,
    flags: _flags,
    read: _read,
    waivers: _waivers,
    ...rest
  } = stored as StoredWorkloadDetail;
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
    checks: storedChecks(stored).map(
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
  const stored = detail as
    | StoredWorkloadDetail
    | StoredWorkloadDetailV2
    | null
    | undefined;
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
  for (const [id, value, from] of storedFacts(stored)) {
    const source = found.get(from);
    if (source) source.facts[id] = value;
  }
  const at = stored.sources[found.keys().next().value!].at;
  return {
    sources: [...found.values()],
    collectedAt: at ? new Date(at) : snapshot.startedAt,
  };
}
