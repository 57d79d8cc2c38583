import {
  coreWeight,
  DIMENSION_IDS,
  DimensionId,
  ROLL_UP_LEVELS,
  RollUpLevel,
  RollUpWorkload,
  ScoreLevelKind,
  WeightedMean,
} from '@internal/plugin-maturity-common';

/**
 * The detail stored with a roll-up row. Besides its unweighted workloads it keeps what its
 * scorecard, cost view and suggested cases would otherwise have to read every workload under it
 * for (the company's: every workload there is). The kept fields are absent from snapshots
 * written before they were kept.
 */
export interface GroupDetail {
  unweightedWorkloads: number;
  /** Workloads under it whose cost is an estimate. */
  estimatedWorkloads?: number;
  /** Core-weighted mean of its workloads' dimension scores. */
  dimensions?: Record<DimensionId, number | null>;
  /**
   * Its members by level kind, so that its scorecard reads them by key; a product's or team's
   * are its workloads. Absent from snapshots written before they were kept (for products and
   * teams, later than for departments and companies).
   */
  members?: Partial<Record<ScoreLevelKind, string[]>>;
  /** On a company: the run's workloads whose owner is no Group in the catalog, so in no company. */
  unassignedWorkloads?: number;
}

/** What a group's detail keeps of the workloads under it. */
export type KeptGroupDetail = Required<
  Pick<GroupDetail, 'estimatedWorkloads' | 'dimensions' | 'members'>
>;

/** The level whose rows are a roll-up's members: a department lists its teams, and so on. */
export const MEMBER_LEVEL: Record<RollUpLevel, ScoreLevelKind> = {
  company: 'department',
  department: 'team',
  product: 'workload',
  team: 'workload',
};

/** What a group's detail needs of one workload under it. */
export interface WorkloadUnderGroup
  extends Pick<RollUpWorkload, 'ref' | RollUpLevel> {
  /** Its cores; a workload without a score or without cores adds no weight to the dimensions. */
  cores: number | null;
  score: number | null;
  dimensions: Partial<Record<DimensionId, number | null>>;
  estimatedCost: boolean;
}

/** Core-weighted means of dimension scores, added to one workload at a time. */
export class DimensionMeans {
  private readonly byDimension = DIMENSION_IDS.map(() => new WeightedMean());

  add(
    workload: Pick<WorkloadUnderGroup, 'cores' | 'score' | 'dimensions'>,
  ): void {
    const weight = workload.score === null ? 0 : coreWeight(workload.cores);
    if (weight === 0) return;
    DIMENSION_IDS.forEach((id, i) =>
      this.byDimension[i].add(weight, workload.dimensions[id]),
    );
  }

  means(): Record<DimensionId, number | null> {
    return Object.fromEntries(
      DIMENSION_IDS.map((id, i) => [id, this.byDimension[i].mean()]),
    ) as Record<DimensionId, number | null>;
  }
}

interface Accumulator {
  estimated: number;
  dimensions: DimensionMeans;
  members: Partial<Record<ScoreLevelKind, Set<string>>>;
}

/**
 * Builds every group's kept detail as a run's workloads are scored, page by page, so that
 * nothing of a workload needs keeping for it until the end.
 */
export class GroupDetailsBuilder {
  private readonly groups = Object.fromEntries(
    ROLL_UP_LEVELS.map(l => [l, new Map<string, Accumulator>()]),
  ) as Record<RollUpLevel, Map<string, Accumulator>>;

  add(workload: WorkloadUnderGroup): void {
    for (const level of ROLL_UP_LEVELS) {
      const ref = workload[level];
      if (!ref) continue;
      let acc = this.groups[level].get(ref);
      if (!acc) {
        acc = { estimated: 0, dimensions: new DimensionMeans(), members: {} };
        this.groups[level].set(ref, acc);
      }
      if (workload.estimatedCost) acc.estimated++;
      acc.dimensions.add(workload);
      // A workload in no group of the member level is a member itself.
      const memberLevel = MEMBER_LEVEL[level];
      const group =
        memberLevel === 'workload' ? undefined : workload[memberLevel];
      (acc.members[group ? memberLevel : 'workload'] ??= new Set()).add(
        group ?? workload.ref,
      );
    }
  }

  /** What `ref`'s detail keeps, at `level`. */
  detailOf(level: RollUpLevel, ref: string): KeptGroupDetail {
    const acc = this.groups[level].get(ref) ?? {
      estimated: 0,
      dimensions: new DimensionMeans(),
      members: {},
    };
    const members = Object.entries(acc.members) as Array<
      [ScoreLevelKind, Set<string>]
    >;
    return {
      estimatedWorkloads: acc.estimated,
      dimensions: acc.dimensions.means(),
      members: Object.fromEntries(
        members.map(([kind, refs]) => [kind, [...refs].sort()]),
      ),
    };
  }
}
