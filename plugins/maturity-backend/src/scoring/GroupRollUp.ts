import {
  CostFigures,
  DEFAULT_SCORE_WEIGHTS,
  ALL_ROLL_UP_LEVELS,
  DIMENSION_IDS,
  DimensionId,
  HierarchyLevel,
  RollUpLevel,
  ScoreLevelKind,
  ScoreWeights,
} from '@internal/plugin-maturity-common';
import {
  byRef,
  combineScore,
  coreWeight,
} from '@internal/plugin-maturity-node';
import { GroupDetail } from '../snapshot/groupDetail';
import {
  CheckInsight,
  checkFigureBlocks,
  checkPlaces,
  InsightWorkload,
} from './CheckInsight';
import { FigureBlocks } from './FigureBlocks';

/**
 * The roll-up of workloads to product, team, department and company: one accumulator per group,
 * fed one workload at a time, so a run adds each page's workloads as it scores them and keeps
 * nothing of them. Every figure of a group comes out of it in one shape ({@link RolledGroup}):
 *
 * - scores are core-weighted means over every workload under the group, never a mean of its
 *   children's means: `score(group) = Σ score(w)·cores(w) / Σ cores(w)`;
 * - dimension scores, and the share of check weight resting on measured facts, are
 *   core-weighted the same way;
 * - money adds up plainly, and efficiency is weighted by cost, so an idle 2,000-core service
 *   drags its department down as much as it costs;
 * - per check, the share of cores passing it and the points its fix would add
 *   ({@link CheckInsight}); the broad groups (company, department, platform) also keep the
 *   workloads whose fix adds most, since their members are groups or too many to read back;
 * - member groups are kept by key (a department's teams): a few per group. Member workloads (a
 *   team's workloads) are not kept: a group finds the workloads it lists ({@link listedOutside})
 *   through their places when its members are asked for.
 */

/** A workload's place: the groups above it, and the platform it runs on. */
export interface WorkloadPlace {
  product?: string;
  team?: string;
  department?: string;
  company?: string;
  /** The ref of its platform: the catalog Resource of its cluster or declared platform. */
  platformRef?: string;
}

/** The group of `level` a workload is in, if any. */
export const groupOf = (w: WorkloadPlace, level: RollUpLevel) =>
  level === 'platform' ? w.platformRef : w[level];

/** One workload's input to the roll-up. */
export interface RollUpWorkload extends WorkloadPlace {
  /** CPU cores; `null`, 0, negative, non-finite or more than MAX_WORKLOAD_CORES give no weight. */
  cores: number | null;
  /** Platform and business scores, 0–100; `null` when it has no score, so no weight. */
  platform: number | null;
  business: number | null;
  /** The share of its check weight resting on measured facts, weighted by its cores. */
  measuredShare?: number | null;
  /** Its dimension scores, weighted by its cores like its score. */
  dimensions?: Partial<Record<DimensionId, number | null>>;
  /** Its cost; absent when nothing could be priced. */
  cost?: CostFigures;
  /** Whether its cost is an estimate (declared cores only). */
  estimatedCost?: boolean;
  /** Its ref, which a broad group's fixes name. */
  ref?: string;
  /** Its check results, and the points each would add to its score if it passed. */
  checks?: InsightWorkload['checks'];
  gains?: readonly number[];
}

/** The levels whose groups keep the workloads whose fix adds most (see {@link CheckInsight}). */
export const FIXES_KEPT_IN_RUN: ReadonlySet<RollUpLevel> = new Set([
  'company',
  'department',
  'platform',
]);

/**
 * One group after the roll-up: its figures, and the detail its row keeps. `score`, `platform`,
 * `business` and each dimension are `null` when no workload under it carries weight; `cost` is
 * absent when none has a cost. `members` holds its member groups; the workloads it lists are
 * found through their places ({@link listedOutside}).
 */
export interface RolledGroup extends Omit<GroupDetail, 'unassignedWorkloads'> {
  ref: string;
  score: number | null;
  platform: number | null;
  business: number | null;
  /** Σ measuredShare·cores / Σ cores over its weighted workloads. */
  measuredShare: number | null;
  /** Σ cores of the weighted workloads. */
  cores: number;
  /** Every workload under the group, weighted or not. */
  workloads: number;
  cost?: CostFigures;
}

/** The level whose rows are a group's members: a department lists its teams, and so on. */
export const MEMBER_LEVEL: Record<RollUpLevel, ScoreLevelKind> = {
  company: 'department',
  department: 'team',
  product: 'workload',
  team: 'workload',
  platform: 'workload',
};

/**
 * The level of the groups a group of `level` has as members, if its members are groups: a
 * department's teams, a company's departments. None for a team, a product or a platform, whose
 * members are workloads. A group lists itself the workloads under it in no group of this level
 * (a department those in none of its teams); a scorecard finds them through their places (the
 * store's `under` with `outside`).
 */
export function listedOutside(level: RollUpLevel): HierarchyLevel | undefined {
  const member = MEMBER_LEVEL[level];
  // A group's members are workloads or groups of the hierarchy.
  return member === 'workload' ? undefined : (member as HierarchyLevel);
}

// A group's figures, by place in its slice of FigureBlocks: counts and core-weighted sums.
const WORKLOADS = 0;
const UNWEIGHTED = 1;
const CORES = 2;
const SCORE = 3;
const PLATFORM = 4;
const BUSINESS = 5;
const MEASURED = 6;
const HOURLY_COST = 7;
const HOURLY_WASTE = 8;
const MONTHLY_SAVING = 9;
/** Workloads with a cost: a group without one has no cost figures. */
const COSTED = 10;
/** Σ hourlyCost·efficiency, then Σ hourlyCost: efficiency weighted by cost (addWeighted). */
const EFFICIENCY = 11;
const ESTIMATED = 13;
/** Per dimension, Σ cores·score and Σ cores over the workloads with a score in it. */
const DIMENSIONS = 14;
const FIGURES = DIMENSIONS + 2 * DIMENSION_IDS.length;

/**
 * Adds `weight`·`value` to the weighted mean kept at `at` and `at + 1` of `figures`, as
 * WeightedMean does: a value that is not a number adds nothing, not even its weight.
 */
function addWeighted(
  figures: Float64Array,
  at: number,
  weight: number,
  value: number | null | undefined,
): void {
  if (typeof value !== 'number') return;
  figures[at] += weight * value;
  figures[at + 1] += weight;
}

/** The weighted mean kept at `at` and `at + 1`; `null` if nothing with a weight was added. */
const meanAt = (figures: Float64Array, at: number) =>
  figures[at + 1] > 0 ? figures[at] / figures[at + 1] : null;

/** What one group keeps while workloads are added: its figures are in FigureBlocks. */
class GroupTotals {
  /** Its member groups (a department's teams), each once however many workloads they have. */
  memberGroups?: Set<string>;
  /** Made with the first weighted workload that has check results. */
  insight?: CheckInsight;

  constructor(readonly ref: string, readonly figures: Float64Array) {}
}

/**
 * Adds workloads to every group above them; reads the groups at the end. Each workload is added
 * once (a run scores a workload the catalog lists twice only once).
 */
export class GroupRollUp {
  private readonly weights: ScoreWeights;
  // By level, in the order of ALL_ROLL_UP_LEVELS: its groups, and what add() asks of the level
  // for every workload, worked out once.
  private readonly levels = ALL_ROLL_UP_LEVELS.map(level => ({
    level,
    groups: new Map<string, GroupTotals>(),
    figures: new FigureBlocks(n => new Float64Array(n), FIGURES),
    /** The level whose group of a workload is a member of this level's group, if any. */
    memberLevel: listedOutside(level),
    keepsFixes: FIXES_KEPT_IN_RUN.has(level),
  }));

  // Check id → its place in each group's CheckInsight.
  private readonly checkIndex: ReadonlyMap<string, number>;
  // Every group's CheckInsight figures.
  private readonly checkFigures: FigureBlocks<Float32Array>;

  /** `checkIds`: every check a workload may be scored on, whose adoption groups keep. */
  constructor(
    weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
    checkIds: readonly string[] = [],
  ) {
    // Refuses weights that cannot make a score when it is made, before any workload is added.
    combineScore(0, 0, weights);
    this.weights = weights;
    this.checkIndex = new Map([...new Set(checkIds)].map((id, i) => [id, i]));
    this.checkFigures = checkFigureBlocks(this.checkIndex.size);
  }

  add(w: RollUpWorkload): void {
    const scored = w.platform !== null && w.business !== null;
    const weight = scored ? coreWeight(w.cores) : 0;
    const score = scored
      ? combineScore(w.platform!, w.business!, this.weights)
      : 0;
    const insight =
      weight > 0 && w.checks && w.gains && this.checkIndex.size > 0
        ? {
            workload: {
              ref: w.ref ?? '',
              weight,
              checks: w.checks,
              gains: w.gains,
            },
            places: checkPlaces(this.checkIndex, w.checks),
          }
        : undefined;
    // Read once for the five levels.
    const dimensions =
      weight > 0 && w.dimensions
        ? DIMENSION_IDS.map(id => w.dimensions![id])
        : undefined;
    for (const level of this.levels) {
      const ref = groupOf(w, level.level);
      if (!ref) continue;
      let group = level.groups.get(ref);
      if (!group) {
        group = new GroupTotals(ref, level.figures.next());
        level.groups.set(ref, group);
      }
      const f = group.figures;
      f[WORKLOADS] += 1;
      if (weight === 0) f[UNWEIGHTED] += 1;
      else {
        f[CORES] += weight;
        f[SCORE] += score * weight;
        f[PLATFORM] += w.platform! * weight;
        f[BUSINESS] += w.business! * weight;
        f[MEASURED] += (w.measuredShare ?? 0) * weight;
        if (dimensions)
          for (let i = 0; i < dimensions.length; i++)
            addWeighted(f, DIMENSIONS + 2 * i, weight, dimensions[i]);
        if (insight) {
          group.insight ??= new CheckInsight(
            this.checkIndex,
            level.keepsFixes,
            this.checkFigures.next(),
          );
          group.insight.add(insight.workload, insight.places);
        }
      }
      if (w.cost) {
        f[HOURLY_COST] += w.cost.hourlyCost;
        f[HOURLY_WASTE] += w.cost.hourlyWaste;
        f[MONTHLY_SAVING] += w.cost.monthlySaving;
        f[COSTED] += 1;
        addWeighted(f, EFFICIENCY, w.cost.hourlyCost, w.cost.efficiency);
      }
      if (w.estimatedCost) f[ESTIMATED] += 1;
      // The member it lists for the workload: its group of the member level, if any.
      const member = level.memberLevel && groupOf(w, level.memberLevel);
      if (member) (group.memberGroups ??= new Set()).add(member);
    }
  }

  private groupsAt(level: RollUpLevel): Map<string, GroupTotals> {
    return this.levels[ALL_ROLL_UP_LEVELS.indexOf(level)].groups;
  }

  /** The groups of one level, sorted by ref so the result is deterministic. */
  groupsOf(level: RollUpLevel): RolledGroup[] {
    return [...this.groupsAt(level).values()]
      .sort(byRef)
      .map(group => finish(group, level));
  }

  /** The refs of one level's groups, in the order first seen. */
  refsOf(level: RollUpLevel): Iterable<string> {
    return this.groupsAt(level).keys();
  }

  /** One group of one level, if any workload was added under it. */
  group(level: RollUpLevel, ref: string): RolledGroup | undefined {
    const group = this.groupsAt(level).get(ref);
    return group && finish(group, level);
  }
}

function finish(group: GroupTotals, level: RollUpLevel): RolledGroup {
  const f = group.figures;
  const cores = f[CORES];
  const weighted = cores > 0;
  const members: RolledGroup['members'] = {};
  if (group.memberGroups)
    members[MEMBER_LEVEL[level]] = [...group.memberGroups].sort();
  return {
    ref: group.ref,
    score: weighted ? f[SCORE] / cores : null,
    platform: weighted ? f[PLATFORM] / cores : null,
    business: weighted ? f[BUSINESS] / cores : null,
    measuredShare: weighted ? f[MEASURED] / cores : null,
    cores,
    workloads: f[WORKLOADS],
    unweightedWorkloads: f[UNWEIGHTED],
    dimensions: Object.fromEntries(
      DIMENSION_IDS.map((id, i) => [id, meanAt(f, DIMENSIONS + 2 * i)]),
    ) as Record<DimensionId, number | null>,
    ...(f[COSTED] > 0
      ? {
          cost: {
            hourlyCost: f[HOURLY_COST],
            hourlyWaste: f[HOURLY_WASTE],
            monthlySaving: f[MONTHLY_SAVING],
            efficiency: meanAt(f, EFFICIENCY),
          },
        }
      : {}),
    estimatedWorkloads: f[ESTIMATED],
    adoption: group.insight?.adoption() ?? {},
    impact: group.insight?.impact(cores) ?? [],
    members,
  };
}

/** Every level's groups after rolling `workloads` up in one pass. */
export function rollUp(
  workloads: Iterable<RollUpWorkload>,
  weights?: ScoreWeights,
  checkIds?: readonly string[],
): Record<RollUpLevel, RolledGroup[]> {
  const rolled = new GroupRollUp(weights, checkIds);
  for (const w of workloads) rolled.add(w);
  return Object.fromEntries(
    ALL_ROLL_UP_LEVELS.map(level => [level, rolled.groupsOf(level)]),
  ) as Record<RollUpLevel, RolledGroup[]>;
}
