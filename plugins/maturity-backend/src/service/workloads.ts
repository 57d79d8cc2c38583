import {
  ROLL_UP_LEVELS,
  WorkloadHierarchy,
  WorkloadListResponse,
  WorkloadSummary,
} from '@internal/plugin-maturity-common';
import { byRef, coreWeight } from '@internal/plugin-maturity-node';
import {
  ScoreRow,
  SnapshotInfo,
  SnapshotStore,
} from '../database/SnapshotStore';
import { readWorkloadDetail } from '../snapshot/workloadDetail';

/** The most workloads one page lists, and the default. */
export const MAX_WORKLOADS_PER_PAGE = 1000;

/**
 * The workloads of the current snapshot under every group `filter` names, by ref, a page at a
 * time. The list and its counts are read from the rows' figures; only the page's rows are read
 * with their detail, for their title, the source of their cores and their problems.
 */
export async function listWorkloads(
  store: SnapshotStore,
  snapshot: SnapshotInfo | undefined,
  options: {
    filter: WorkloadHierarchy;
    offset?: number;
    limit?: number;
    /** The rows the caller may read, of those given. */
    readable: (rows: ScoreRow[]) => Promise<ScoreRow[]>;
  },
): Promise<WorkloadListResponse> {
  if (!snapshot)
    return { items: [], total: 0, unweighted: 0, refreshedAt: null };
  const { filter, readable } = options;
  const levels = ROLL_UP_LEVELS.filter(level => filter[level] !== undefined);
  const first = levels[0];
  const rows = await store.getScores(snapshot.id, {
    levelKind: 'workload',
    ...(first ? { under: { level: first, ref: filter[first]! } } : {}),
    figuresOnly: true,
  });
  const matching = (
    await readable(
      rows.filter(row => levels.every(level => row[level] === filter[level])),
    )
  ).sort(byRef);
  const offset = options.offset ?? 0;
  const page = matching.slice(
    offset,
    offset + (options.limit ?? MAX_WORKLOADS_PER_PAGE),
  );
  const detailed = new Map(
    (
      await store.getScores(snapshot.id, {
        levelKind: 'workload',
        refs: page.map(row => row.ref),
      })
    ).map(row => [row.ref, readWorkloadDetail(row.detail, snapshot.startedAt)]),
  );
  const lastSeenAt = snapshot.startedAt.toISOString();
  return {
    items: page.map((row): WorkloadSummary => {
      const detail = detailed.get(row.ref);
      const coresSource = detail?.coresSource ?? 'unknown';
      return {
        ref: row.ref,
        ...(detail?.title ? { title: detail.title } : {}),
        ...Object.fromEntries(
          ROLL_UP_LEVELS.filter(level => row[level]).map(level => [
            level,
            row[level],
          ]),
        ),
        cores: coresSource === 'unknown' ? null : row.cores,
        coresSource,
        problems: detail?.problems ?? [],
        lastSeenAt,
      };
    }),
    total: matching.length,
    unweighted: matching.filter(row => coreWeight(row.cores) === 0).length,
    refreshedAt: snapshot.finishedAt.toISOString(),
  };
}
