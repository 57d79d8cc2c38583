import { NotFoundError } from '@backstage/errors';
import {
  CostSummary,
  DIMENSION_IDS,
  DimensionId,
  EntityLabelsResponse,
  LeaderboardOrder,
  GroupScorecard,
  HistoryResponse,
  LeaderboardResponse,
  RollUpLevel,
  ScorecardMember,
  ScoreLevelKind,
  SnapshotRef,
  WorkloadScorecard,
} from '@internal/plugin-maturity-common';
import {
  ScoreLevelRow,
  ScoreQuery,
  ScoreRow,
  SnapshotInfo,
  SnapshotStore,
} from '../database/SnapshotStore';
import { listedOutside } from '../scoring/GroupRollUp';
import { GroupDetail } from '../snapshot/groupDetail';
import { readWorkloadDetail } from '../snapshot/workloadDetail';
import { rankBy, rankByScore } from './ranking';

/** A row's cost figures with the share of its cost that is waste. */
export function costSummary(row: ScoreRow): CostSummary | null {
  if (!row.cost) return null;
  return {
    ...row.cost,
    wasteShare:
      row.cost.hourlyCost > 0
        ? row.cost.hourlyWaste / row.cost.hourlyCost
        : null,
  };
}

// A Group can be scored at more than one level; its scorecard shows the broadest.
const BROADEST_FIRST: ScoreLevelKind[] = [
  'company',
  'department',
  'product',
  'team',
  // Platforms are Resources: no ref is both a platform and another level.
  'platform',
  'workload',
];

/** The dimensions of a group whose row keeps none (thinned, or no weighted workload). */
export const NO_DIMENSIONS = Object.fromEntries(
  DIMENSION_IDS.map(id => [id, null]),
) as Record<DimensionId, number | null>;

export const snapshotRef = (s: SnapshotInfo): SnapshotRef => ({
  id: s.id,
  at: s.finishedAt.toISOString(),
});
const scores = (row: ScoreRow) => ({
  score: row.score,
  platform: row.platform,
  business: row.business,
  level: row.level,
  cores: row.cores,
});

export async function currentSnapshot(
  store: SnapshotStore,
): Promise<SnapshotInfo> {
  const snapshot = await store.getCurrentSnapshot();
  if (!snapshot) {
    throw new NotFoundError(
      'No maturity scoring run has finished yet; the first one starts shortly after the backend does',
    );
  }
  return snapshot;
}

/** What every entity route answers for an entity it has no figures for, or the caller may not read. */
export const notScored = (ref: string) =>
  new NotFoundError(
    `No maturity scorecard for ${ref}: only Components, their Systems, their owner Groups and the Resources of the platforms they run on are scored`,
  );

export async function levelKindOf(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
  ref: string,
): Promise<ScoreLevelKind> {
  const kinds = await store.getLevelKinds(snapshot.id, ref);
  const kind = BROADEST_FIRST.find(k => kinds.includes(k));
  if (!kind) throw notScored(ref);
  return kind;
}

/** An entity's row at its broadest level, read in one query with its detail. */
export async function broadestRow(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
  ref: string,
): Promise<ScoreRow> {
  const rows = await store.getScores(snapshot.id, { ref });
  const row = BROADEST_FIRST.map(kind =>
    rows.find(r => r.levelKind === kind),
  ).find(r => r !== undefined);
  if (!row) throw notScored(ref);
  return row;
}

/** What a group's row keeps of the workloads under it (`group` is its row with its detail). */
export function groupDetailOf(group: ScoreRow): GroupDetail {
  return group.detail as GroupDetail;
}

/**
 * The rows of the workloads a roll-up lists itself, found through their places: every workload
 * of a team, product or platform, a department's in none of its teams (listedOutside). `group`
 * is the roll-up's row.
 */
export async function listedWorkloads(
  store: SnapshotStore,
  snapshotId: number,
  group: ScoreRow,
  options: Pick<ScoreQuery, 'figuresOnly' | 'withoutPlaces'>,
): Promise<ScoreRow[]> {
  const level = group.levelKind as RollUpLevel;
  const outside = listedOutside(level);
  return store.getScores(snapshotId, {
    under: { level, ref: group.ref, ...(outside ? { outside } : {}) },
    ...options,
  });
}

/** What a list of members reads of each member's row: its figures, not its detail or places. */
const MEMBER_FIGURES = { figuresOnly: true, withoutPlaces: true } as const;

/**
 * The rows of a roll-up's members, figures only and without places; `group` is the roll-up's row
 * with its detail.
 */
export async function memberRows(
  store: SnapshotStore,
  snapshotId: number,
  group: ScoreRow,
): Promise<ScoreRow[]> {
  // Member groups are kept by ref; workloads are found apart (a list kept by snapshots stored
  // before groups found theirs through places is not read).
  const groups = Object.entries(groupDetailOf(group).members).filter(
    ([kind]) => kind !== 'workload',
  ) as Array<[ScoreLevelKind, string[]]>;
  const rows = await Promise.all([
    ...groups.map(([levelKind, refs]) =>
      store.getScores(snapshotId, { levelKind, refs, ...MEMBER_FIGURES }),
    ),
    listedWorkloads(store, snapshotId, group, MEMBER_FIGURES),
  ]);
  return rows.flat();
}

async function members(
  store: SnapshotStore,
  snapshotId: number,
  group: ScoreRow,
): Promise<ScorecardMember[]> {
  return rankByScore(await memberRows(store, snapshotId, group)).map(row => ({
    kind: row.levelKind,
    ref: row.ref,
    rank: row.rank,
    score: row.score,
    level: row.level,
    cores: row.cores,
    workloads: row.workloads,
  }));
}

/** The scorecard of one entity in the current snapshot. */
export async function getScorecard(
  store: SnapshotStore,
  ref: string,
): Promise<WorkloadScorecard | GroupScorecard> {
  const snapshot = await currentSnapshot(store);
  const row = await broadestRow(store, snapshot, ref);
  const levelKind = row.levelKind;
  if (levelKind === 'workload') {
    const detail = readWorkloadDetail(row.detail, snapshot.startedAt);
    return {
      kind: 'workload',
      ref,
      ...scores(row),
      ...(detail.title ? { title: detail.title } : {}),
      coresSource: detail.coresSource,
      ...(row.product ? { product: row.product } : {}),
      ...(row.team ? { team: row.team } : {}),
      ...(row.department ? { department: row.department } : {}),
      ...(row.company ? { company: row.company } : {}),
      dimensions: detail.dimensions,
      checks: detail.checks,
      ...(detail.scorecard ? { scorecard: detail.scorecard } : {}),
      nextLevel: detail.nextLevel ?? null,
      measuredShare: row.measuredShare ?? null,
      problems: detail.problems,
      stale: detail.staleSources.length > 0,
      staleSources: detail.staleSources,
      snapshot: snapshotRef(snapshot),
    } as WorkloadScorecard;
  }
  const detail = row.detail as GroupDetail | undefined;
  return {
    kind: levelKind,
    ref,
    ...scores(row),
    workloads: row.workloads,
    unweightedWorkloads: detail?.unweightedWorkloads ?? 0,
    measuredShare: row.measuredShare ?? null,
    dimensions: detail?.dimensions ?? NO_DIMENSIONS,
    adoption: detail?.adoption ?? {},
    ...(levelKind === 'company'
      ? { unassignedWorkloads: detail?.unassignedWorkloads ?? 0 }
      : {}),
    members: await members(store, snapshot.id, row),
    snapshot: snapshotRef(snapshot),
  };
}

/** Level and rounded score of every scored entity, each at its broadest level. */
export async function getEntityLabels(
  store: SnapshotStore,
): Promise<EntityLabelsResponse> {
  const snapshot = await store.getCurrentSnapshot();
  if (!snapshot) return { snapshot: null, items: [] };
  const best = new Map<string, ScoreLevelRow>();
  for (const row of await store.getScoreLevels(snapshot.id)) {
    const current = best.get(row.ref);
    if (
      !current ||
      BROADEST_FIRST.indexOf(row.levelKind) <
        BROADEST_FIRST.indexOf(current.levelKind)
    ) {
      best.set(row.ref, row);
    }
  }
  return {
    snapshot: snapshotRef(snapshot),
    items: [...best.values()]
      .filter(row => row.score !== null && row.level !== null)
      .map(row => ({
        ref: row.ref,
        level: row.level!,
        score: Math.round(row.score!),
      })),
  };
}

/** One entity's score over a time range. */
export async function getHistory(
  store: SnapshotStore,
  ref: string,
  range: { from: Date; to: Date },
): Promise<HistoryResponse> {
  const snapshot = await currentSnapshot(store);
  const kind = await levelKindOf(store, snapshot, ref);
  const points = await store.getHistory(ref, kind, range);
  return {
    ref,
    kind,
    points: points.map(p => ({ at: p.at.toISOString(), ...scores(p) })),
  };
}

const RANKED_BY: Record<LeaderboardOrder, (row: ScoreRow) => number | null> = {
  score: row => row.score,
  savings: row => row.cost?.monthlySaving ?? null,
  waste: row => costSummary(row)?.wasteShare ?? null,
};

/**
 * Ranks one roll-up level by score, potential saving or waste share, with changes against the
 * newest snapshot at least `windowMs` old.
 */
export async function getLeaderboard(
  store: SnapshotStore,
  options: {
    level: RollUpLevel;
    by: LeaderboardOrder;
    currency: string;
    window: string;
    windowMs: number;
    now: Date;
    department?: string;
  },
): Promise<LeaderboardResponse> {
  const { level, by, currency, window, windowMs, now, department } = options;
  const rank = (rows: ScoreRow[]) => rankBy(rows, RANKED_BY[by]);
  const snapshot = await store.getCurrentSnapshot();
  if (!snapshot)
    return {
      level,
      by,
      currency,
      window,
      snapshot: null,
      comparedTo: null,
      total: 0,
      offset: 0,
      rows: [],
    };
  const earlier = await store.getSnapshotAtOrBefore(
    new Date(now.getTime() - windowMs),
  );
  const comparedTo =
    earlier && earlier.id !== snapshot.id ? earlier : undefined;
  const before = comparedTo
    ? new Map(
        rank(
          await store.getScores(comparedTo.id, {
            levelKind: level,
            figuresOnly: true,
          }),
        ).map(r => [r.ref, r]),
      )
    : new Map();
  let rows = rank(
    await store.getScores(snapshot.id, { levelKind: level, figuresOnly: true }),
  );
  if (department) {
    const refs = new Set(
      await store.getGroupsUnder(
        snapshot.id,
        { level: 'department', ref: department },
        level,
      ),
    );
    rows = rows.filter(r => refs.has(r.ref));
  }
  return {
    level,
    by,
    currency,
    window,
    snapshot: snapshotRef(snapshot),
    comparedTo: comparedTo ? snapshotRef(comparedTo) : null,
    total: rows.length,
    offset: 0,
    rows: rows.map(row => {
      const then = before.get(row.ref);
      return {
        ref: row.ref,
        rank: row.rank,
        ...scores(row),
        workloads: row.workloads,
        measuredShare: row.measuredShare ?? null,
        scoreChange:
          row.score !== null && typeof then?.score === 'number'
            ? row.score - then.score
            : null,
        rankChange:
          row.rank !== null && typeof then?.rank === 'number'
            ? then.rank - row.rank
            : null,
        cost: costSummary(row),
      };
    }),
  };
}

/** One page of a leaderboard, optionally only the rows whose ref contains `q`; ranks unchanged. */
export function leaderboardPage(
  board: LeaderboardResponse,
  page: { q?: string; offset: number; limit?: number },
): LeaderboardResponse {
  const needle = page.q?.toLocaleLowerCase('en-US');
  const rows = needle
    ? board.rows.filter(r => r.ref.toLocaleLowerCase('en-US').includes(needle))
    : board.rows;
  const end = page.limit === undefined ? undefined : page.offset + page.limit;
  return {
    ...board,
    total: rows.length,
    offset: page.offset,
    rows: rows.slice(page.offset, end),
  };
}
