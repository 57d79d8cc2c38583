import { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  DimensionId,
  levelForScore,
  readWaivers,
  rollUp,
  rollUpCosts,
  CostGroup,
  CostRollUpWorkload,
  RollUpGroup,
  RollUpWorkload,
  WorkloadCostAdvice,
  RollUpLevel,
  ROLL_UP_LEVELS,
  ScoreLevelKind,
  ScoreWeights,
  scoreWorkload,
} from '@internal/plugin-maturity-common';
import { CostConfig } from '../config/readMaturityConfig';
import { isEstimatedCost, priceWorkload } from '../cost/priceWorkload';
import { InventoryWorkload } from '../database/MaturityStore';
import { ScoreRow } from '../database/SnapshotStore';
import { CollectedFacts, mergeFacts, packWorkloadDetail } from './storedDetail';

/** The scoring model in force. */
export interface ScoringModel {
  checks: CheckDefinition[];
  weights: ScoreWeights;
  unknownAsZero: boolean;
}

/** A collector whose latest run failed for a workload, so its older facts were used. */
export interface StaleSource {
  collector: string;
  reason: string;
  /** When the facts used instead were collected, if any were. */
  since?: string;
}

/** Everything a run gathered about one workload. */
export interface WorkloadEvidence {
  entity: Entity;
  /**
   * What each collector gave, in collector order. The merged view is built per workload while
   * scoring, not kept: at 100,000 workloads a second copy of every fact was ~100 MB.
   */
  sources: CollectedFacts[];
  staleFacts: Set<string>;
  staleSources: StaleSource[];
  problems: string[];
}

/** A workload row's detail, readable: what its scorecard shows beyond the scores (stored packed). */
export interface WorkloadDetail {
  title?: string;
  coresSource: InventoryWorkload['coresSource'];
  dimensions: Record<DimensionId, number | null>;
  checks: ReturnType<typeof scoreWorkload>['checks'];
  problems: string[];
  staleSources: StaleSource[];
  /** The entity's tags and spec.type, for matching best-practice cases. */
  tags: string[];
  /** What its cost rests on and how to lower it. */
  cost: WorkloadCostAdvice;
}

/** The detail stored with a roll-up row. */
export interface GroupDetail {
  unweightedWorkloads: number;
  /**
   * Workloads under it whose cost is an estimate, and, for a department or company, its members
   * by level kind: kept here so that its scorecard and cost view never read every workload under
   * it (both are absent from snapshots written before they were kept). A product's or team's
   * members are its workloads, read as they are.
   */
  estimatedWorkloads?: number;
  members?: Partial<Record<ScoreLevelKind, string[]>>;
}

/** The level whose rows are a roll-up's members: a department lists its teams, and so on. */
export const MEMBER_LEVEL: Record<RollUpLevel, ScoreLevelKind> = {
  company: 'department',
  department: 'team',
  product: 'workload',
  team: 'workload',
};

function entityTags(entity: Entity): string[] {
  const type = entity.spec?.type;
  return [...(entity.metadata.tags ?? []), ...(typeof type === 'string' ? [type] : [])];
}

function membersOf(under: WorkloadsUnder | undefined): Pick<GroupDetail, 'members'> {
  if (!under?.members) return {};
  const members = Object.entries(under.members) as Array<[ScoreLevelKind, Set<string>]>;
  return { members: Object.fromEntries(members.map(([kind, refs]) => [kind, [...refs].sort()])) };
}

function groupRows(
  levelKind: RollUpLevel,
  groups: RollUpGroup[],
  costs: CostGroup[],
  under: Map<string, WorkloadsUnder>,
): ScoreRow[] {
  const costOf = new Map(costs.map(({ ref, ...figures }) => [ref, figures]));
  return groups.map(g => ({
    levelKind,
    ref: g.ref,
    score: g.score,
    platform: g.platform,
    business: g.business,
    level: g.score === null ? null : levelForScore(g.score).id,
    cores: g.cores,
    workloads: g.workloads,
    ...(costOf.has(g.ref) ? { cost: costOf.get(g.ref) } : {}),
    detail: {
      unweightedWorkloads: g.unweightedWorkloads,
      estimatedWorkloads: under.get(g.ref)?.estimated ?? 0,
      ...membersOf(under.get(g.ref)),
    } satisfies GroupDetail,
  }));
}

/** What a run keeps of each scored workload until every page is scored, to roll up at the end. */
export interface RollUpInputs {
  scores: KeptWorkload[];
  costs: CostRollUpWorkload[];
}

/** A workload's roll-up input, and whether its cost is an estimate. */
export interface KeptWorkload extends RollUpWorkload {
  estimatedCost: boolean;
}

export const emptyRollUpInputs = (): RollUpInputs => ({ scores: [], costs: [] });

/** What a group's detail keeps of the workloads under it. */
interface WorkloadsUnder {
  estimated: number;
  members?: Partial<Record<ScoreLevelKind, Set<string>>>;
}

/**
 * Per level, each group's workloads with an estimated cost and, where members are groups, its
 * members: the group of the member level a workload is in, or the workload itself when it is in none.
 */
function workloadsUnderGroups(workloads: KeptWorkload[]): Record<RollUpLevel, Map<string, WorkloadsUnder>> {
  const result = Object.fromEntries(ROLL_UP_LEVELS.map(l => [l, new Map<string, WorkloadsUnder>()])) as Record<
    RollUpLevel,
    Map<string, WorkloadsUnder>
  >;
  for (const w of workloads) {
    for (const level of ROLL_UP_LEVELS) {
      const ref = w[level];
      if (!ref) continue;
      const memberLevel = MEMBER_LEVEL[level];
      let under = result[level].get(ref);
      if (!under) result[level].set(ref, (under = { estimated: 0, ...(memberLevel === 'workload' ? {} : { members: {} }) }));
      if (w.estimatedCost) under.estimated++;
      if (under.members) {
        const group = w[memberLevel as RollUpLevel];
        (under.members[group ? memberLevel : 'workload'] ??= new Set()).add(group ?? w.ref);
      }
    }
  }
  return result;
}

/**
 * Scores and prices one page of workloads, yielding a row per workload as it goes so that the
 * page is written while it is scored, and keeps in `rollUp` what the roll-ups need of each.
 * A workload without a score is listed but carries no weight.
 */
export function* workloadRows(options: {
  inventory: InventoryWorkload[];
  evidence: Map<string, WorkloadEvidence>;
  model: ScoringModel;
  cost: CostConfig;
  now: Date;
  rollUp: RollUpInputs;
}): Generator<ScoreRow> {
  const { inventory, evidence, model, now, rollUp: kept } = options;
  const checkIds = new Set(model.checks.map(c => c.id));
  for (const workload of inventory) {
    const found = evidence.get(workload.ref);
    const facts = mergeFacts(found?.sources ?? []);
    const waivers = found ? readWaivers(found.entity, checkIds).waivers : [];
    const result = scoreWorkload(model.checks, facts, {
      weights: model.weights,
      unknownAsZero: model.unknownAsZero,
      waivers,
      staleFacts: found?.staleFacts,
      now,
    });
    const hierarchy = {
      product: workload.product,
      team: workload.team,
      department: workload.department,
      company: workload.company,
    };
    const declaredCores = workload.coresSource === 'annotation' ? workload.cores ?? null : null;
    const priced = priceWorkload(facts, declaredCores, options.cost);
    if (priced.figures) kept.costs.push({ ...priced.figures, ...hierarchy });
    const detail: WorkloadDetail = {
      ...(workload.title ? { title: workload.title } : {}),
      coresSource: workload.coresSource,
      dimensions: result.dimensions,
      checks: result.checks,
      problems: [...new Set([...workload.problems, ...(found?.problems ?? [])])],
      staleSources: found?.staleSources ?? [],
      tags: found ? entityTags(found.entity) : [],
      cost: priced.advice,
    };
    yield {
      levelKind: 'workload',
      ref: workload.ref,
      score: result.score,
      platform: result.platform,
      business: result.business,
      level: result.level,
      cores: workload.cores ?? 0,
      workloads: 1,
      ...Object.fromEntries(Object.entries(hierarchy).filter(([, v]) => v !== undefined)),
      ...(priced.figures ? { cost: priced.figures } : {}),
      detail: packWorkloadDetail(detail, found?.sources ?? []),
    };
    kept.scores.push({
      ref: workload.ref,
      cores: result.score === null ? null : workload.cores,
      platform: result.platform ?? 0,
      business: result.business ?? 0,
      ...hierarchy,
      estimatedCost: isEstimatedCost(priced.advice),
    });
  }
}

/** Product, team, department and company rows: scores core-weighted, costs summed. */
export function rollUpRows(kept: RollUpInputs, model: ScoringModel): ScoreRow[] {
  const rolled = rollUp({ workloads: kept.scores, weights: model.weights });
  const costs = rollUpCosts(kept.costs);
  const under = workloadsUnderGroups(kept.scores);
  return [
    ...groupRows('product', rolled.products, costs.product, under.product),
    ...groupRows('team', rolled.teams, costs.team, under.team),
    ...groupRows('department', rolled.departments, costs.department, under.department),
    ...groupRows('company', rolled.companies, costs.company, under.company),
  ];
}
