import { Entity } from '@backstage/catalog-model';
import {
  ALL_ROLL_UP_LEVELS,
  FACTS,
  isWaiverActive,
  levelForScore,
  MATURITY_ANNOTATIONS,
  readWaivers,
  ROLL_UP_LEVELS,
  RollUpLevel,
  stringifyPlatformRef,
  Waiver,
} from '@internal/plugin-maturity-common';
import { ExpiringWaiver } from '../notifications/MaturityNotifier';
import {
  checkGains,
  isEstimatedCost,
  scoreWorkload,
  workloadCores,
} from '@internal/plugin-maturity-node';
import { priceWorkload } from './priceWorkload';
import { PlacedWorkload } from './placeWorkloads';
import { ScoreRow, SnapshotDraft } from '../database/SnapshotStore';
import { GroupDetail } from '../snapshot/groupDetail';
import { GroupRollUp, RolledGroup } from './GroupRollUp';
import { ClusterCosts, ClusterRequests } from './clusterCosts';
import {
  CollectedFacts,
  DetailNames,
  mergeFacts,
  packWorkloadDetail,
  StaleSource,
  WorkloadDetail,
} from '../snapshot/workloadDetail';
import { CostConfig, ScoringModel } from '../config/readMaturityConfig';
import { scorecardFor } from '../config/readScorecards';

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

function entityTags(entity: Entity): string[] {
  const type = entity.spec?.type;
  return [
    ...(entity.metadata.tags ?? []),
    ...(typeof type === 'string' ? [type] : []),
  ];
}

/**
 * The platform a workload runs on: the cluster the Kubernetes module found it on, else the
 * platform profile its annotation names. Workloads on neither are on no platform's board.
 */
function platformOf(
  facts: Record<string, unknown>,
  entity: Entity | undefined,
): string | undefined {
  const cluster = facts[FACTS.kubernetes.cluster];
  if (typeof cluster === 'string') return stringifyPlatformRef(cluster);
  const named = entity?.metadata.annotations?.[MATURITY_ANNOTATIONS.platform];
  return named ? stringifyPlatformRef(named) : undefined;
}

/**
 * The groups' figures, added to as each page is scored, so that a run keeps nothing of a
 * workload for its roll-ups.
 */
export interface RollUpInputs {
  groups: GroupRollUp;
  /** Workloads in no company: their owner is no Group in the catalog. */
  unassigned: number;
  /** Waivers that hold now and end within `waiverHorizonDays`: their owners are told. */
  expiringWaivers: ExpiringWaiver[];
  waiverHorizonDays: number;
  /** What each group's workloads request on each cluster, to share the cluster's idle cost. */
  clusterRequests: ClusterRequests;
}

/** A requested amount from a fact: 0 when unknown. */
const amount = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Expiring waivers a run keeps for notifications at most: a bound, whatever the catalog holds. */
const EXPIRING_WAIVERS_KEPT = 10_000;

// A scorecard by kind picks among the checks in force, so those are every check a workload has.
export const emptyRollUpInputs = (
  model: ScoringModel,
  waiverHorizonDays = 0,
): RollUpInputs => ({
  groups: new GroupRollUp(
    model.weights,
    model.checks.map(c => c.id),
  ),
  unassigned: 0,
  expiringWaivers: [],
  waiverHorizonDays,
  clusterRequests: new ClusterRequests(),
});

/** Whether a waiver holds at `now` and its last day is within `days` of it. */
export function endsWithin(waiver: Waiver, now: Date, days: number): boolean {
  const lastDay = Date.parse(`${waiver.until}T00:00:00Z`);
  return (
    isWaiverActive(waiver, now) && lastDay - now.getTime() < days * 86_400_000
  );
}

/**
 * Scores and prices one page of workloads, a row per workload, and keeps in `rollUp` what the
 * roll-ups need of each.
 * Its cores are decided here, once, from its merged facts and its declared cores
 * (`workloadCores`); its weight, its cost and its listing all use them. A workload without a
 * score is listed but carries no weight.
 */
export function* workloadRows(options: {
  workloads: PlacedWorkload[];
  evidence: Map<string, WorkloadEvidence>;
  model: ScoringModel;
  cost: CostConfig;
  now: Date;
  rollUp: RollUpInputs;
  /** The numbers of the names of facts and checks its details name (the draft's). */
  names: DetailNames;
}): Generator<ScoreRow> {
  const { workloads, evidence, model, now, rollUp: kept } = options;
  const checkIds = new Set(model.checks.map(c => c.id));
  const definitions = new Map(model.checks.map(c => [c.id, c]));
  for (const workload of workloads) {
    const found = evidence.get(workload.ref);
    const merged = mergeFacts(workload.ref, found?.sources ?? []);
    const facts = merged.facts;
    const waivers = found ? readWaivers(found.entity, checkIds).waivers : [];
    for (const waiver of waivers)
      if (
        kept.expiringWaivers.length < EXPIRING_WAIVERS_KEPT &&
        endsWithin(waiver, now, kept.waiverHorizonDays)
      )
        kept.expiringWaivers.push({ ref: workload.ref, ...waiver });
    // Its kind's scorecard, if an entity filter selects one; else every check in force.
    const scorecard = scorecardFor(model.scorecards ?? [], found?.entity);
    const result = scoreWorkload(scorecard?.checks ?? model.checks, facts, {
      weights: model.weights,
      unknownAsZero: model.unknownAsZero,
      waivers,
      staleFacts: found?.staleFacts,
      declaredFacts: merged.declared,
      declaredFactsPolicy: model.declaredFacts,
      levels: model.levels,
      now,
    });
    const hierarchy = {
      product: workload.product,
      team: workload.team,
      department: workload.department,
      company: workload.company,
    };
    const platformRef = platformOf(facts, found?.entity);
    if (!workload.company) kept.unassigned += 1;
    const cluster = facts[FACTS.kubernetes.cluster];
    if (typeof cluster === 'string')
      kept.clusterRequests.add(cluster, hierarchy, {
        cpuCores: amount(facts[FACTS.kubernetes.cores]),
        memoryGiB: amount(facts[FACTS.kubernetes.memoryRequestGiB]),
        gpus: amount(facts[FACTS.kubernetes.gpus]),
      });
    const cores = workloadCores(facts, workload.declaredCores);
    // The problems found reading its annotations, then those its collectors found.
    const problems = found
      ? [
          ...new Set([
            ...workload.problems,
            ...found.problems,
            ...merged.contradictions,
          ]),
        ]
      : workload.problems;
    const priced = priceWorkload(facts, cores, options.cost);
    const detail: WorkloadDetail = {
      ...(workload.title ? { title: workload.title } : {}),
      coresSource: cores.source,
      ...(scorecard ? { scorecard: scorecard.name } : {}),
      nextLevel: result.nextLevel,
      dimensions: result.dimensions,
      checks: result.checks,
      problems,
      staleSources: found?.staleSources ?? [],
      tags: found ? entityTags(found.entity) : [],
      cost: priced.advice,
    };
    const row: ScoreRow = {
      levelKind: 'workload',
      ref: workload.ref,
      score: result.score,
      platform: result.platform,
      business: result.business,
      level: result.level,
      measuredShare: result.measuredShare,
      cores: cores.cores ?? 0,
      workloads: 1,
      detail: packWorkloadDetail(
        detail,
        found?.sources ?? [],
        merged,
        options.names,
      ),
    };
    if (platformRef) row.platformRef = platformRef;
    for (const level of ROLL_UP_LEVELS) {
      const group = hierarchy[level];
      if (group !== undefined) row[level] = group;
    }
    if (priced.figures) row.cost = priced.figures;
    yield row;
    kept.groups.add({
      ...hierarchy,
      ref: workload.ref,
      checks: result.checks,
      gains: checkGains(result.checks, definitions, model.weights),
      platformRef,
      cores: cores.cores,
      platform: result.score === null ? null : result.platform,
      business: result.score === null ? null : result.business,
      measuredShare: result.measuredShare,
      dimensions: result.dimensions,
      ...(priced.figures ? { cost: priced.figures } : {}),
      estimatedCost: isEstimatedCost(priced.advice),
    });
  }
}

/** Group rows written at a time. */
const GROUP_ROWS_PER_WRITE = 500;

/**
 * Writes the product, team, department, company and platform rows (scores core-weighted, costs
 * summed) once every workload is written. A group keeps no list of its workloads: they are found
 * through their places when its members are asked for (listedOutside).
 */
export async function writeRollUps(
  kept: RollUpInputs,
  draft: SnapshotDraft,
  clusters?: ClusterCosts,
): Promise<void> {
  let batch: ScoreRow[] = [];
  // A batch is written while the next is made; the draft writes them in order.
  let writing: Promise<void> = Promise.resolve();
  for (const level of ALL_ROLL_UP_LEVELS) {
    // In order of their keys, as their rows' indexes are.
    for (const ref of [...kept.groups.refsOf(level)].sort()) {
      batch.push(
        groupRow(level, kept.groups.group(level, ref)!, kept, clusters),
      );
      if (batch.length < GROUP_ROWS_PER_WRITE) continue;
      const previous = writing;
      writing = draft.addRows(batch);
      // Handled here and thrown at the next await: a failure must not be an unhandled rejection.
      writing.catch(() => {});
      batch = [];
      await previous;
    }
  }
  // Both awaited together: a failed batch before must not leave the last one's rejection unhandled.
  await Promise.all([writing, draft.addRows(batch)]);
}

function groupRow(
  levelKind: RollUpLevel,
  g: RolledGroup,
  kept: RollUpInputs,
  clusters: ClusterCosts | undefined,
): ScoreRow {
  const cluster =
    levelKind === 'platform' ? clusters?.byPlatform.get(g.ref) : undefined;
  const idle = clusters?.idleOf(levelKind, g.ref);
  const detail: GroupDetail = {
    unweightedWorkloads: g.unweightedWorkloads,
    estimatedWorkloads: g.estimatedWorkloads,
    dimensions: g.dimensions,
    adoption: g.adoption,
    impact: g.impact,
    members: g.members,
    // Every company shows how many workloads fell outside all of them.
    ...(levelKind === 'company'
      ? { unassignedWorkloads: kept.unassigned }
      : {}),
    ...(cluster ? { cluster } : {}),
    ...(idle ? { idle } : {}),
  };
  return {
    levelKind,
    ref: g.ref,
    score: g.score,
    platform: g.platform,
    business: g.business,
    level: g.score === null ? null : levelForScore(g.score).id,
    measuredShare: g.measuredShare,
    cores: g.cores,
    workloads: g.workloads,
    ...(g.cost ? { cost: g.cost } : {}),
    detail,
  };
}
