import { CheckStatus } from '@internal/plugin-maturity-common';
import { FigureBlocks } from './FigureBlocks';

/** A workload whose fix of one check would raise its groups' scores. */
export interface CheckFix {
  ref: string;
  /** Points its own score would gain. */
  gain: number;
  cores: number;
  status: CheckStatus;
}

/** What a group's detail keeps of one check that would raise its score if fixed. */
export interface CheckImpact {
  check: string;
  /** Points the group's score would gain if every workload under it passed the check. */
  points: number;
  /** Weighted workloads under it that do not pass it (failing, partial or unknown). */
  workloads: number;
  /** The workloads whose fix adds most (gain × cores), most first; kept for the broad groups. */
  fixes?: CheckFix[];
}

/** How many fixes a broad group keeps per check: enough to show a page after leaving out what a caller may not read. */
export const FIXES_KEPT = 10;

/**
 * Whether a fix adding `points` (gain × cores) of workload `ref` ranks before `fix`: fixes rank by
 * the core-weighted points they add, most first, then by ref.
 */
function ranksBefore(points: number, ref: string, fix: CheckFix): boolean {
  const other = fix.gain * fix.cores;
  return points !== other ? points > other : ref < fix.ref;
}

/** The `limit` fixes that add most, kept as fixes are offered one at a time. */
export class TopFixes {
  private readonly kept: CheckFix[] = [];

  constructor(private readonly limit = FIXES_KEPT) {}

  /**
   * Offers a workload's fix. Its object is made only if it is kept: a broad group is offered a
   * fix for nearly every failing check of every workload under it, and keeps ten.
   */
  offer(ref: string, gain: number, cores: number, status: CheckStatus): void {
    const points = gain * cores;
    if (this.kept.length === this.limit) {
      if (!ranksBefore(points, ref, this.kept[this.kept.length - 1])) return;
      this.kept.pop();
    }
    let i = this.kept.length;
    while (i > 0 && ranksBefore(points, ref, this.kept[i - 1])) i--;
    this.kept.splice(i, 0, { ref, gain, cores, status });
  }

  list(): CheckFix[] {
    return [...this.kept];
  }
}

/** One workload's input to {@link CheckInsight}: its check results with their gains. */
export interface InsightWorkload {
  ref: string;
  /** Its weight: cores, 0 when it carries none. */
  weight: number;
  checks: ReadonlyArray<{ id: string; status: CheckStatus }>;
  /** Points its score gains if each check passed, in the order of `checks`. */
  gains: readonly number[];
}

/** Not counted in any insight: a check not applicable to the workload, or unknown to the run. */
const UNCOUNTED = -1;

/**
 * Each of a workload's checks' place among a run's checks (`index`), or -1 where it does not
 * count. A workload is added to the insight of every group above it (five levels); its places
 * are looked up once for all of them.
 */
export function checkPlaces(
  index: ReadonlyMap<string, number>,
  checks: InsightWorkload['checks'],
): Int32Array {
  const places = new Int32Array(checks.length);
  for (let i = 0; i < checks.length; i++) {
    const at = index.get(checks[i].id);
    places[i] =
      at === undefined || checks[i].status === 'not-applicable'
        ? UNCOUNTED
        : at;
  }
  return places;
}

// Per check, four figures side by side in one array (one object per group, not four).
const PASSING = 0;
const APPLICABLE = 1;
const GAIN = 2;
const FAILING = 3;
const FIGURES = 4;

/** Blocks of figures for the insights of many groups, for `checks` checks each. */
export const checkFigureBlocks = (checks: number) =>
  new FigureBlocks(n => new Float32Array(n), checks * FIGURES);

/**
 * A share or a point worked out from single-precision figures, to six decimals: what such a
 * figure holds (about seven significant digits), and more than the three figures shown. Printed
 * as a double, a single-precision value spells out ten more digits of noise: a group's detail,
 * stored and hashed for every group of every run, is a quarter longer with them.
 */
const toSixDecimals = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Per check, over the weighted workloads under one group: the cores that pass it, the cores it
 * applies to, the core-weighted points its fix would add and the workloads that do not pass it;
 * and, when asked, the workloads whose fix adds most. The run keeps one per group, so figures
 * are single precision: at a million workloads a hundred thousand groups hold 512 bytes each for
 * 32 checks, and a share or a point is shown to three figures. The shares and points it gives
 * are kept to six decimals (toSixDecimals).
 */
export class CheckInsight {
  private readonly figures: Float32Array;
  private readonly fixes?: TopFixes[];

  /**
   * `figures`: where to keep its figures, FIGURES per check (see {@link checkFigureBlocks}); an
   * array of its own if not given.
   */
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    keepFixes: boolean,
    figures?: Float32Array,
  ) {
    this.figures = figures ?? new Float32Array(index.size * FIGURES);
    if (keepFixes)
      this.fixes = Array.from({ length: index.size }, () => new TopFixes());
  }

  /** Adds a workload; `places` are its checks' places (checkPlaces), when already looked up. */
  add(
    w: InsightWorkload,
    places: Int32Array = checkPlaces(this.index, w.checks),
  ): void {
    if (w.weight <= 0) return;
    for (let i = 0; i < w.checks.length; i++) {
      const at = places[i];
      if (at === UNCOUNTED) continue;
      const status = w.checks[i].status;
      const f = at * FIGURES;
      this.figures[f + APPLICABLE] += w.weight;
      if (status === 'pass') this.figures[f + PASSING] += w.weight;
      const gain = w.gains[i];
      if (gain > 0) {
        this.figures[f + GAIN] += gain * w.weight;
        this.figures[f + FAILING] += 1;
        this.fixes?.[at].offer(w.ref, gain, w.weight, status);
      }
    }
  }

  /** Check id → share of the cores it applies to that pass it; checks applying to none are left out. */
  adoption(): Record<string, number> {
    const shares: Record<string, number> = {};
    for (const [id, at] of this.index) {
      const applicable = this.figures[at * FIGURES + APPLICABLE];
      if (applicable > 0)
        shares[id] = toSixDecimals(
          this.figures[at * FIGURES + PASSING] / applicable,
        );
    }
    return shares;
  }

  /** The checks whose fix adds points to a group of `cores` weighted cores, most first. */
  impact(cores: number): CheckImpact[] {
    if (!(cores > 0)) return [];
    const impact: CheckImpact[] = [];
    for (const [check, at] of this.index) {
      const gain = this.figures[at * FIGURES + GAIN];
      if (!(gain > 0)) continue;
      impact.push({
        check,
        points: toSixDecimals(gain / cores),
        workloads: this.figures[at * FIGURES + FAILING],
        ...(this.fixes ? { fixes: this.fixes[at].list() } : {}),
      });
    }
    return impact.sort(
      (a, b) => b.points - a.points || (a.check < b.check ? -1 : 1),
    );
  }
}
