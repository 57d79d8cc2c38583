import {
  BudgetStatus,
  COST_WINDOWS,
  CostHistoryResponse,
  CostMember,
  CostPoint,
  CostResponse,
  CostWindow,
} from '@internal/plugin-maturity-common';
import { ScoreRow, SnapshotStore } from '../database/SnapshotStore';
import { forecastMonth, isEstimatedCost } from '@internal/plugin-maturity-node';
import { WorkloadDetail } from '../snapshot/workloadDetail';
import { rankBy } from './ranking';
import {
  broadestRow,
  costSummary,
  currentSnapshot,
  groupDetailOf,
  levelKindOf,
  memberRows,
  snapshotRef,
} from './scorecards';

const HOUR_MS = 3_600_000;
const TREND_DAYS = 90;

const NO_COST = {
  hourlyCost: 0,
  hourlyWaste: 0,
  monthlySaving: 0,
  efficiency: null,
  wasteShare: null,
};

const mean = (values: number[]) =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

/** The points of a score history that carry cost figures, as the API shows them. */
const costPoints = (history: Array<ScoreRow & { at: Date }>): CostPoint[] =>
  history.flatMap(p => (p.cost ? [{ at: p.at.toISOString(), ...p.cost }] : []));

// Both stored forms keep the cost advice as it is.
const costAdvice = (row: ScoreRow) =>
  (row.detail as Pick<WorkloadDetail, 'cost'> | undefined)?.cost;
const isEstimate = (row: ScoreRow) => isEstimatedCost(costAdvice(row));

/**
 * A group's month against its monthly budget, from its score history (oldest first; the rows
 * that carry cost figures); none when no row does yet.
 */
export function budgetStatus(
  history: ReadonlyArray<{ at: Date; cost?: { hourlyCost: number } }>,
  monthly: number,
  now: Date,
): BudgetStatus | undefined {
  const month = forecastMonth(
    history.flatMap(p =>
      p.cost ? [{ at: p.at, hourlyCost: p.cost.hourlyCost }] : [],
    ),
    now,
  );
  if (!month) return undefined;
  return {
    month: month.month,
    monthly,
    monthToDate: month.monthToDate,
    forecast: month.forecast,
    overBy: month.forecast > monthly ? month.forecast - monthly : null,
  };
}

/**
 * One entity's cost view. Window totals are the mean hourly cost over the snapshots inside the
 * window times its hours, so hourly and daily runs give the same figure and a week of history
 * already yields an honest 30-day total rather than a single run extrapolated.
 */
export async function getCosts(
  store: SnapshotStore,
  ref: string,
  options: {
    window: CostWindow;
    currency: string;
    now: Date;
    /** The group's monthly budget, if it has one. */
    budget?: number;
  },
): Promise<CostResponse> {
  const { window, currency, now } = options;
  const snapshot = await currentSnapshot(store);
  const row = await broadestRow(store, snapshot, ref);
  const kind = row.levelKind;
  const hours = COST_WINDOWS[window];
  const trendFrom = new Date(
    now.getTime() - Math.max(TREND_DAYS * 24, hours) * HOUR_MS,
  );
  const history = (
    await store.getHistory(ref, kind, { from: trendFrom, to: now })
  ).filter(p => p.cost);
  const trend = costPoints(history);
  const windowFrom = new Date(now.getTime() - hours * HOUR_MS);
  const inWindow = history.filter(p => p.at >= windowFrom);
  const points = inWindow.length
    ? inWindow
    : [{ ...row, at: snapshot.finishedAt }];
  const cost = mean(points.map(p => p.cost?.hourlyCost ?? 0)) * hours;
  const waste = mean(points.map(p => p.cost?.hourlyWaste ?? 0)) * hours;

  const base = {
    kind,
    ref,
    window,
    currency,
    snapshot: snapshotRef(snapshot),
    current: costSummary(row) ?? NO_COST,
    totals: {
      hours,
      cost,
      waste,
      wasteShare: cost > 0 ? waste / cost : null,
      points: points.length,
      from: points[0].at.toISOString(),
      to: points[points.length - 1].at.toISOString(),
    },
    trend,
  };
  if (kind === 'workload') {
    const estimated = isEstimate(row);
    return {
      ...base,
      workload: costAdvice(row)!,
      estimatedWorkloads: estimated ? 1 : 0,
      estimate: estimated,
    };
  }
  const members = await memberRows(store, snapshot.id, row);
  const { estimatedWorkloads, cluster, idle } = groupDetailOf(row);
  const budget =
    options.budget === undefined
      ? undefined
      : budgetStatus(history, options.budget, now);
  return {
    ...base,
    ...(budget ? { budget } : {}),
    ...(cluster
      ? {
          cluster,
          clusterTrend: (
            await store.getClusterCostHistory(cluster.cluster, {
              from: trendFrom,
              to: now,
            })
          ).map(({ cluster: _cluster, at, ...figures }) => ({
            at: at.toISOString(),
            ...figures,
          })),
        }
      : {}),
    ...(idle ? { idle } : {}),
    members: rankBy(members, m => m.cost?.monthlySaving ?? null).map(
      (m): CostMember => ({
        kind: m.levelKind,
        ref: m.ref,
        rank: m.rank,
        cores: m.cores,
        workloads: m.workloads,
        ...(costSummary(m) ?? NO_COST),
      }),
    ),
    estimatedWorkloads,
    estimate: estimatedWorkloads > 0,
  };
}

/** One entity's cost over a time range, oldest first. */
export async function getCostHistory(
  store: SnapshotStore,
  ref: string,
  options: { from: Date; to: Date; currency: string },
): Promise<CostHistoryResponse> {
  const snapshot = await currentSnapshot(store);
  const kind = await levelKindOf(store, snapshot, ref);
  return {
    ref,
    kind,
    currency: options.currency,
    points: costPoints(await store.getHistory(ref, kind, options)),
  };
}
