import {
  CostFigures,
  HierarchyLevel,
  LevelId,
  RollUpLevel,
  ScoreLevelKind,
} from '@internal/plugin-maturity-common';
import { DetailNames } from '../snapshot/workloadDetail';

/** One scored entity of a snapshot: a workload or a roll-up. */
export interface ScoreRow {
  levelKind: ScoreLevelKind;
  ref: string;
  score: number | null;
  platform: number | null;
  business: number | null;
  level: LevelId | null;
  /** The share of its check weight resting on measured facts (core-weighted for a group). */
  measuredShare?: number | null;
  cores: number;
  workloads: number;
  /** Where a workload sits, and the ref of the platform it runs on; empty for roll-ups. */
  product?: string;
  team?: string;
  department?: string;
  company?: string;
  platformRef?: string;
  /** Cost, waste and saving; kept through thinning so cost history can be drawn. */
  cost?: CostFigures;
  /** The scorecard detail (JSON, stored once by content); absent once history has been thinned. */
  detail?: unknown;
}

/** A cluster's cost in one run: its nodes' hourly cost, and what of it is allocated and idle. */
export interface ClusterCostPoint {
  cluster: string;
  hourlyCost: number;
  allocatedHourlyCost: number;
  idleHourlyCost: number;
}

/**
 * A snapshot being written: its rows go in page by page, each page in a transaction of its own,
 * and none of them is visible until the snapshot is published.
 */
export interface SnapshotDraft {
  readonly id: number;
  readonly startedAt: Date;
  /** The numbers its rows' details name facts and checks by (stored with the pages). */
  readonly names: DetailNames;
  /**
   * Writes a page of rows in a transaction of its own. The rows are read as they come (an async
   * iterable is read as it yields: a run's scoring, in slices) and written once the pages added
   * before are: a run adds the next page while the last is still writing.
   */
  addRows(rows: Iterable<ScoreRow> | AsyncIterable<ScoreRow>): Promise<void>;
  /**
   * Which of `refs` this snapshot already has a workload row for: the catalog may list a workload
   * again on a later page while it changes, and a workload is scored once.
   */
  hasWorkloads(refs: string[]): Promise<Set<string>>;
  /** Writes the run's cluster costs, a row per cluster, for their history. */
  addClusterCosts(costs: ClusterCostPoint[]): Promise<void>;
  /**
   * Makes the snapshot current, in one statement. `startedAt` redates it: a snapshot of a recorded
   * past is written today and dated the day it stands for.
   */
  publish(finishedAt: Date, startedAt?: Date): Promise<SnapshotInfo>;
  /** Deletes every row written and records the run as failed; the current snapshot stays. */
  fail(error: string, finishedAt: Date): Promise<SnapshotInfo>;
  /** Renews the run's lease: a run without a heartbeat for RUN_LEASE_MS is taken for dead. */
  heartbeat(at: Date): Promise<void>;
}

/**
 * How long a running run may go without a heartbeat before it is recorded as failed: its process
 * died (kill -9, a node lost) or hangs. A run renews it every RUN_HEARTBEAT_MS.
 */
export const RUN_LEASE_MS = 60_000;
/** How often a running run renews its lease. */
export const RUN_HEARTBEAT_MS = 15_000;

/** A run as recorded. */
export interface SnapshotInfo {
  id: number;
  startedAt: Date;
  finishedAt: Date;
  /** A run in progress; a run whose process died is recorded as failed once its lease lapses. */
  status: 'running' | 'succeeded' | 'failed';
  error?: string;
  workloads: number;
}

/**
 * How long history is kept. Only the current snapshot's detail is read (scorecards, cost views,
 * the facts a failing collector falls back to); older snapshots are history points.
 */
export interface RetentionPolicy {
  /** Days in which every run's snapshot is kept, as a point of history (its figures). */
  runDays: number;
  /** Days in which each day's last snapshot keeps its full detail. */
  detailDays: number;
  /** Days in which one snapshot per day (the day's last) is kept, without detail. */
  retainDays: number;
}

/** What one application of the retention policy did, and what it left for the next. */
export interface PruneResult {
  deleted: number;
  thinned: number;
  pending: number;
}

/** A score row's level and score alone. */
export type ScoreLevelRow = Pick<
  ScoreRow,
  'levelKind' | 'ref' | 'score' | 'level'
>;

/** An entity's level and score in a snapshot, and in the one before. */
export interface ScoreDrop extends ScoreLevelRow {
  scoreBefore: number | null;
  levelBefore: LevelId | null;
}

/** Selects score rows of one snapshot. */
export interface ScoreQuery {
  ref?: string;
  /** Several entities' rows, e.g. a page of workloads (any number: read in batches). */
  refs?: string[];
  levelKind?: ScoreLevelKind;
  /**
   * Workload rows under one roll-up, e.g. every workload of a department; with `outside`, only
   * those in no group of that level, e.g. a department's workloads in none of its teams.
   */
  under?: { level: RollUpLevel; ref: string; outside?: HierarchyLevel };
  /**
   * Rows without their detail: what a list of members or a filter by place needs. The detail of
   * every workload of a company is hundreds of megabytes of JSON.
   */
  figuresOnly?: boolean;
  /**
   * Rows without the places of their workloads (product, team, department, company, platform):
   * a list of members names none of them, and looking each workload's place up was most of what
   * reading a team's members cost PostgreSQL.
   */
  withoutPlaces?: boolean;
}

/** Persistence of scoring snapshots, history and the latest facts. */
export interface SnapshotStore {
  /**
   * Starts writing a snapshot, after recording dead runs as failed (see failDeadRuns). Throws a
   * ConflictError while another run holds a live lease: one run at a time, whoever started it.
   */
  beginSnapshot(startedAt: Date): Promise<SnapshotDraft>;

  /**
   * Records every running run whose lease lapsed by `now` as failed, with the reason, and
   * deletes its rows; returns how many. The current snapshot is untouched.
   */
  failDeadRuns(now: Date): Promise<number>;

  /** The running run holding a live lease at `now`, if any. */
  getLiveRun(now: Date): Promise<SnapshotInfo | undefined>;

  /** The newest succeeded snapshot. */
  getCurrentSnapshot(): Promise<SnapshotInfo | undefined>;

  /** The newest succeeded snapshot that finished at or before `at`. */
  getSnapshotAtOrBefore(at: Date): Promise<SnapshotInfo | undefined>;

  /** The latest runs, newest first, failed ones included. */
  listRuns(limit: number): Promise<SnapshotInfo[]>;

  /**
   * A snapshot's rows that `query` asks for, by level kind (workloads, then the roll-up levels
   * from the narrowest, then platforms) and ref; rows under a group by ref.
   */
  getScores(snapshotId: number, query?: ScoreQuery): Promise<ScoreRow[]>;

  /**
   * The groups at `level` that workloads under a roll-up belong to, e.g. the products of a
   * department's workloads, sorted.
   */
  getGroupsUnder(
    snapshotId: number,
    under: { level: RollUpLevel; ref: string },
    level: RollUpLevel,
  ): Promise<string[]>;

  /** The last succeeded snapshot of each UTC day that ends in the range, oldest first. */
  listDailySnapshots(range: { from: Date; to: Date }): Promise<SnapshotInfo[]>;

  /** One cluster's cost over time, oldest first, from succeeded snapshots. */
  getClusterCostHistory(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<Array<ClusterCostPoint & { at: Date }>>;

  /** Scores of one entity at one level over time, oldest first, from succeeded snapshots. */
  getHistory(
    ref: string,
    levelKind: ScoreLevelKind,
    range: { from: Date; to: Date },
  ): Promise<Array<ScoreRow & { at: Date }>>;

  /**
   * The rows of `levelKinds` whose level fell, or whose score fell by more than `minDrop`, from
   * snapshot `before` to snapshot `after`: what owners are told about. In getScores' order.
   */
  getDrops(
    before: number,
    after: number,
    options: { levelKinds: ScoreLevelKind[]; minDrop: number },
  ): Promise<ScoreDrop[]>;

  /**
   * Every row of a snapshot, its level and score only: the labels of every scored entity. In
   * getScores' order.
   */
  getScoreLevels(snapshotId: number): Promise<ScoreLevelRow[]>;

  /** The kinds of score rows an entity has in a snapshot (a Group can be a team or a department). */
  getLevelKinds(snapshotId: number, ref: string): Promise<ScoreLevelKind[]>;

  /**
   * Applies the retention policy, one snapshot at a time, oldest first, for about `budgetMs`
   * (always at least one); what is left is `pending`, for the next run.
   */
  pruneHistory(
    now: Date,
    policy: RetentionPolicy,
    budgetMs?: number,
  ): Promise<PruneResult>;
}
