import { NotFoundError } from '@backstage/errors';
import {
  CheckDefinition,
  CheckFix,
  CheckSummary,
  HeatmapLevel,
  HeatmapResponse,
  InsightResponse,
  RollUpLevel,
  ScoreWeights,
} from '@internal/plugin-maturity-common';
import { checkGains, coreWeight } from '@internal/plugin-maturity-node';
import { ScoreRow, SnapshotStore } from '../database/SnapshotStore';
import { CheckImpact, CheckInsight } from '../scoring/CheckInsight';
import { FIXES_KEPT_IN_RUN } from '../scoring/GroupRollUp';
import { readWorkloadDetail } from '../snapshot/workloadDetail';
import { rankByScore } from './ranking';
import {
  broadestRow,
  currentSnapshot,
  groupDetailOf,
  listedWorkloads,
  NO_DIMENSIONS,
  snapshotRef,
} from './scorecards';

/** What insight reads of the model: the checks in force and the score weights. */
export interface InsightModel {
  checks: readonly CheckDefinition[];
  weights: ScoreWeights;
}

const summary = (c: CheckDefinition): CheckSummary => ({
  id: c.id,
  title: c.title,
  dimension: c.dimension,
  side: c.side,
});

/**
 * The impact of a team's or product's checks with their fixes, from its own workloads: the run
 * keeps fixes for the broad groups only (see FIXES_KEPT_IN_RUN), and these list tens of workloads.
 */
async function impactFromWorkloads(
  store: SnapshotStore,
  snapshot: { id: number; startedAt: Date },
  group: ScoreRow,
  model: InsightModel,
): Promise<CheckImpact[]> {
  const rows = await listedWorkloads(store, snapshot.id, group, {
    figuresOnly: false,
    withoutPlaces: true,
  });
  const definitions = new Map(model.checks.map(c => [c.id, c]));
  const insight = new CheckInsight(
    new Map(model.checks.map((c, i) => [c.id, i])),
    true,
  );
  for (const row of rows) {
    if (row.score === null || row.detail === undefined) continue;
    const { checks } = readWorkloadDetail(row.detail, snapshot.startedAt);
    insight.add({
      ref: row.ref,
      weight: coreWeight(row.cores),
      checks,
      gains: checkGains(checks, definitions, model.weights),
    });
  }
  return insight.impact(group.cores);
}

/**
 * A group's insight: its dimensions, the adoption of each check in force (least adopted first)
 * and the checks whose fix adds most, with the workloads to fix (up to 10 kept per check).
 */
export async function getInsight(
  store: SnapshotStore,
  ref: string,
  model: InsightModel,
): Promise<InsightResponse> {
  const snapshot = await currentSnapshot(store);
  const row = await broadestRow(store, snapshot, ref);
  if (row.levelKind === 'workload') {
    throw new NotFoundError(
      `No maturity insight for ${ref}: insight is for products, teams, departments, companies and platforms; a workload's checks are on its scorecard`,
    );
  }
  const detail = groupDetailOf(row);
  const adoption = detail?.adoption ?? {};
  const kept = detail?.impact ?? [];
  const impact =
    FIXES_KEPT_IN_RUN.has(row.levelKind) || kept.length === 0
      ? kept
      : await impactFromWorkloads(store, snapshot, row, model);
  const titles = new Map(model.checks.map(c => [c.id, c.title]));
  const checks = model.checks
    .map(c => ({ ...summary(c), adoption: adoption[c.id] ?? null }))
    .sort(
      (a, b) =>
        (a.adoption ?? Infinity) - (b.adoption ?? Infinity) ||
        (a.id < b.id ? -1 : 1),
    );
  return {
    kind: row.levelKind as RollUpLevel,
    ref,
    score: row.score,
    level: row.level,
    cores: row.cores,
    workloads: row.workloads,
    dimensions: detail?.dimensions ?? NO_DIMENSIONS,
    checks,
    impact: impact
      .filter(i => titles.has(i.check))
      .map(i => ({
        check: i.check,
        title: titles.get(i.check)!,
        points: i.points,
        workloads: i.workloads,
        fixes: (i.fixes ?? []).map(
          (f): CheckFix => ({
            ref: f.ref,
            status: f.status as CheckFix['status'],
            gain: f.gain,
            cores: f.cores,
            points: row.cores > 0 ? (f.gain * f.cores) / row.cores : 0,
          }),
        ),
      })),
    snapshot: snapshotRef(snapshot),
  };
}

/**
 * Groups × checks: departments, a department's teams, or platforms, each with the share of its
 * cores passing each check in force, best score first.
 */
export async function getHeatmap(
  store: SnapshotStore,
  options: { level: HeatmapLevel; department?: string },
  model: InsightModel,
): Promise<HeatmapResponse> {
  const { level, department } = options;
  const checks = model.checks.map(summary);
  const snapshot = await store.getCurrentSnapshot();
  const head = { level, ...(department ? { department } : {}), checks };
  if (!snapshot) return { ...head, rows: [], snapshot: null };
  const rows = department
    ? await store.getScores(snapshot.id, {
        levelKind: level,
        refs: await store.getGroupsUnder(
          snapshot.id,
          { level: 'department', ref: department },
          level,
        ),
      })
    : await store.getScores(snapshot.id, { levelKind: level });
  return {
    ...head,
    rows: rankByScore(rows).map(r => ({
      ref: r.ref,
      score: r.score,
      level: r.level,
      cores: r.cores,
      workloads: r.workloads,
      adoption: groupDetailOf(r)?.adoption ?? {},
    })),
    snapshot: snapshotRef(snapshot),
  };
}
