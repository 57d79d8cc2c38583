import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  LevelId,
  ALL_ROLL_UP_LEVELS,
  HierarchyLevel,
  ROLL_UP_LEVELS,
  RollUpLevel,
  ScoreLevelKind,
} from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { insertTable } from './insertTable';
import { PageTable, PageWriter, tableRows } from './pageWriter';
import { sqliteWriterThread } from './sqlitePageWriter';
import { pgWriterThread } from './pgPageWriter';
import {
  DETAIL_COLUMNS,
  DETAIL_KEY,
  releaseDetails,
  StoredDetail,
} from './storedDetails';
import { DetailChunks, detailHash } from './detailBytes';
import { NAME_COLUMNS, NameDbRow, ReadNames, RunNames } from './detailNames';
import { levelKindCode, levelKindOfCode } from './levelKindCodes';
import { numbersIn, withNames } from '../snapshot/workloadDetail';
import {
  PagePlacements,
  PLACEMENT_COLUMNS,
  PLACEMENT_KEY,
  PlacementDbRow,
} from './storedPlacements';
import {
  analyze,
  batches,
  KEYS_PER_STATEMENT,
  openDatabase,
  readDate,
  readJson,
} from './openDatabase';
import {
  ClusterCostPoint,
  PruneResult,
  RetentionPolicy,
  ScoreDrop,
  SnapshotDraft,
  ScoreLevelRow,
  ScoreQuery,
  ScoreRow,
  RUN_LEASE_MS,
  SnapshotInfo,
  SnapshotStore,
} from './SnapshotStore';

const SCORE_LEVEL_KINDS: ScoreLevelKind[] = ['workload', ...ALL_ROLL_UP_LEVELS];
const SCORE_LEVEL_CODES = SCORE_LEVEL_KINDS.map(levelKindCode);

interface SnapshotDbRow {
  id: number;
  started_at: Date | string | number;
  finished_at: Date | string | number;
  status: SnapshotInfo['status'];
  error: string | null;
  workloads: number;
  /** Whether retention dropped its detail; SQLite gives 0 or 1. */
  thinned: boolean | number;
}

interface ScoreDbRow {
  snapshot_id: number;
  /** The level kind's number (levelKindCodes). */
  level_kind: number;
  entity_ref: string;
  score: number | null;
  platform: number | null;
  business: number | null;
  level: LevelId | null;
  /** The share of its check weight resting on measured facts; null before it was recorded. */
  measured_share: number | string | null;
  cores: number | string;
  workloads: number;
  /** The key of its place in maturity_placements (a workload's); null for roll-ups, once thinned. */
  placement_hash?: string | null;
  hourly_cost: number | string | null;
  hourly_waste: number | string | null;
  monthly_saving: number | string | null;
  efficiency: number | string | null;
  /** The key of its detail in maturity_details; null once thinned. */
  detail_hash?: string | null;
  /** Its detail's JSON, joined from maturity_details; absent when read for its figures only. */
  detail?: string | null;
}

/** A score row as read: its place's refs joined from maturity_placements, where asked for. */
type ScoreReadRow = ScoreDbRow &
  Partial<Record<HierarchyLevel | 'platform_ref', string | null>>;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The last of each UTC day's snapshots, by day, from snapshots in the order they finished: the
 * one retention keeps of each day, and a day's point of history.
 */
function lastOfEachDay<T extends SnapshotInfo>(snapshots: T[]): Map<string, T> {
  const last = new Map<string, T>();
  for (const s of snapshots) last.set(utcDay(s.finishedAt), s);
  return last;
}

/**
 * How long one run's retention may go on. Deleting a whole snapshot of 100,000 workloads took
 * ~1 s on PostgreSQL and ~4 s on SQLite; a backlog is worked off over the next runs.
 */
const PRUNE_BUDGET_MS = 120_000;

const toInfo = (row: SnapshotDbRow): SnapshotInfo => ({
  id: Number(row.id),
  startedAt: readDate(row.started_at),
  finishedAt: readDate(row.finished_at),
  status: row.status,
  ...(row.error ? { error: row.error } : {}),
  workloads: Number(row.workloads),
});

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Every column of a score row but the keys of its place and its detail. */
const FIGURE_COLUMNS: Array<keyof ScoreDbRow> = [
  'snapshot_id',
  'level_kind',
  'entity_ref',
  'score',
  'platform',
  'business',
  'level',
  'measured_share',
  'cores',
  'workloads',
  'hourly_cost',
  'hourly_waste',
  'monthly_saving',
  'efficiency',
];

/**
 * What thinning clears: the references to the detail and to the place in the hierarchy, which
 * only readers of the current snapshot use.
 */
const CLEARED_BY_THINNING = ['detail_hash', 'placement_hash'] as const;

/** The columns a thinned snapshot keeps: what history, trends and leaderboard changes read. */
export const THINNED_COLUMNS = FIGURE_COLUMNS;

function toScoreRow(row: ScoreReadRow): ScoreRow {
  const result: ScoreRow = {
    levelKind: levelKindOfCode(row.level_kind),
    ref: row.entity_ref,
    score: num(row.score),
    platform: num(row.platform),
    business: num(row.business),
    level: row.level,
    cores: Number(row.cores),
    workloads: Number(row.workloads),
  };
  if (row.measured_share !== null)
    result.measuredShare = Number(row.measured_share);
  for (const key of ROLL_UP_LEVELS) {
    const ref = row[key];
    if (ref !== null && ref !== undefined) result[key] = ref;
  }
  if (row.platform_ref) result.platformRef = row.platform_ref;
  if (row.hourly_cost !== null) {
    result.cost = {
      hourlyCost: Number(row.hourly_cost),
      hourlyWaste: Number(row.hourly_waste ?? 0),
      monthlySaving: Number(row.monthly_saving ?? 0),
      efficiency: num(row.efficiency),
    };
  }
  if (row.detail !== null && row.detail !== undefined)
    result.detail = readJson(row.detail);
  return result;
}

const SCORE_COLUMNS: Array<keyof ScoreDbRow> = [
  ...FIGURE_COLUMNS,
  'placement_hash',
  'detail_hash',
];

/**
 * The row as stored; its detail goes into `details`, to be stored unless it is already, and its
 * place into the page's places.
 */
function toDbRow(
  snapshotId: number,
  row: ScoreRow,
  details: StoredDetail[],
  chunks: DetailChunks,
  places: PagePlacements,
): ScoreDbRow {
  let hash: string | null = null;
  if (row.detail !== undefined) {
    const detail = chunks.add(row.detail);
    hash = detailHash(detail);
    details.push({ entity_ref: row.ref, hash, detail });
  }
  return {
    snapshot_id: snapshotId,
    level_kind: levelKindCode(row.levelKind),
    entity_ref: row.ref,
    score: row.score,
    platform: row.platform,
    business: row.business,
    level: row.level,
    measured_share: row.measuredShare ?? null,
    cores: row.cores,
    workloads: row.workloads,
    // Only a workload has a place: the rows under a group are workloads.
    placement_hash: row.levelKind === 'workload' ? places.add(row) : null,
    hourly_cost: row.cost?.hourlyCost ?? null,
    hourly_waste: row.cost?.hourlyWaste ?? null,
    monthly_saving: row.cost?.monthlySaving ?? null,
    efficiency: row.cost?.efficiency ?? null,
    detail_hash: hash,
  };
}

/**
 * A page of rows as they are stored: rows of figures, and the details and places they refer to,
 * and the names its details were the first to number.
 */
interface StoredPage {
  scores: ScoreDbRow[];
  details: StoredDetail[];
  placements: PlacementDbRow[];
  names: NameDbRow[];
  workloads: number;
}

async function storedPage(
  snapshotId: number,
  rows: Iterable<ScoreRow> | AsyncIterable<ScoreRow>,
  names: RunNames,
): Promise<StoredPage> {
  const page: StoredPage = {
    scores: [],
    details: [],
    placements: [],
    names: [],
    workloads: 0,
  };
  const chunks = new DetailChunks();
  const places = new PagePlacements();
  for await (const row of rows) {
    if (row.levelKind === 'workload') page.workloads++;
    page.scores.push(toDbRow(snapshotId, row, page.details, chunks, places));
  }
  page.placements = places.rows();
  // Numbered while its rows were packed, read above.
  page.names = names.takeNew();
  return page;
}

/** A page's tables, as the writer's thread or the backend's connection writes them. */
function pageTables(page: StoredPage): PageTable[] {
  return [
    // No key: a name is new to the database when a run numbers it (the run read every name at its
    // start, and holds the lease on writing), so a clash fails the page rather than mix numbers.
    tableRows('maturity_detail_names', NAME_COLUMNS, page.names),
    tableRows('maturity_details', DETAIL_COLUMNS, page.details, DETAIL_KEY),
    tableRows(
      'maturity_placements',
      PLACEMENT_COLUMNS,
      page.placements,
      PLACEMENT_KEY,
    ),
    tableRows('maturity_scores', SCORE_COLUMNS, page.scores),
  ];
}

/** Writes a page on the database's connection, in a transaction of its own. */
async function writePage(db: Knex, page: StoredPage) {
  await db.transaction(async tx => {
    // As on the page writer's thread (pgPageWriter): a page need not reach the disk on its own.
    if (tx.client.config.client === 'pg')
      await tx.raw('SET LOCAL synchronous_commit = off');
    for (const table of pageTables(page)) await insertTable(tx, table);
  });
}

/**
 * Deletes a snapshot's rows, and the details no other snapshot has. The caller is the only writer:
 * the run itself, or whoever records it failed once its lease lapsed.
 */
async function deleteRows(tx: Knex.Transaction, snapshotId: number) {
  await releaseDetails(tx, snapshotId);
  // Explicit: SQLite enforces ON DELETE CASCADE only with foreign keys switched on.
  await tx('maturity_scores').where('snapshot_id', snapshotId).delete();
  await tx('maturity_cluster_costs').where('snapshot_id', snapshotId).delete();
}

async function insertId(query: Knex.QueryBuilder): Promise<number> {
  const [inserted] = await query.returning('id');
  return Number(typeof inserted === 'object' ? inserted.id : inserted);
}

/**
 * A history query: the rows of `table` (aliased `alias`) of the snapshots that succeeded and
 * finished in `range`, oldest first, with the snapshot as `r`.
 */
function overSucceededRuns(
  query: Knex.QueryBuilder,
  alias: string,
  range: { from: Date; to: Date },
): Knex.QueryBuilder {
  return query
    .join('maturity_snapshots as r', 'r.id', `${alias}.snapshot_id`)
    .where('r.status', 'succeeded')
    .whereBetween('r.finished_at', [range.from, range.to])
    .orderBy('r.finished_at');
}

/**
 * Keeps the rows of `scores` (aliased `s`) placed under a group, all of them workloads', and with
 * `outside` in no group of that level: the level's index finds the group's places (a platform is
 * a column of places as each level is), and the scores' partial index (snapshot_id,
 * placement_hash) their rows.
 */
function placedUnder(
  db: Knex,
  scores: Knex.QueryBuilder,
  under: NonNullable<ScoreQuery['under']>,
): Knex.QueryBuilder {
  const places = db('maturity_placements')
    .select('hash')
    .where(under.level, under.ref);
  if (under.outside) places.whereNull(under.outside);
  return scores.whereIn('s.placement_hash', places);
}

/** Runs still `running` whose lease is live at `now`. */
function liveRuns(db: Knex, now: Date) {
  return db<SnapshotDbRow>('maturity_snapshots')
    .where('status', 'running')
    .where('heartbeat_at', '>=', new Date(now.getTime() - RUN_LEASE_MS));
}

/** A {@link SnapshotStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class DatabaseSnapshotStore implements SnapshotStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseSnapshotStore> {
    return new DatabaseSnapshotStore(await openDatabase(options));
  }

  private readonly names: ReadNames;

  constructor(private readonly db: Knex) {
    this.names = new ReadNames(db);
  }

  async beginSnapshot(startedAt: Date): Promise<SnapshotDraft> {
    const db = this.db;
    await this.failDeadRuns(startedAt);
    const id = await db.transaction(async tx => {
      const live = await liveRuns(tx, startedAt).first('id');
      if (live)
        throw new ConflictError(
          `A maturity run is already in progress (run ${live.id})`,
        );
      return insertId(
        tx('maturity_snapshots').insert({
          started_at: startedAt,
          finished_at: startedAt,
          heartbeat_at: startedAt,
          status: 'running',
          workloads: 0,
        }),
      );
    });
    let workloads = 0;
    let queue: Promise<void> = Promise.resolve();
    const names = await RunNames.load(db);
    const thread = sqliteWriterThread(db) ?? (await pgWriterThread(db));
    const writer = thread && new PageWriter(thread);
    // Every page queued is written, or has failed, before the writer stops.
    const closeWriter = async () => {
      await queue.catch(() => {});
      await writer?.close();
    };
    return {
      id,
      startedAt,
      names,
      addRows(rows) {
        // Turned into stored rows as they are read (JSON, hashes), while the page before may
        // still be writing; written after it. A write that failed fails every write queued
        // after it (a failed run's rows are deleted, whatever the writer's thread committed).
        const page = storedPage(id, rows, names);
        // Its failure is the write's; it must not also be an unhandled rejection.
        page.catch(() => {});
        const previous = queue;
        const write = writer
          ? page.then(stored => {
              // Handed to the writer's thread as soon as it is made: the thread writes pages in
              // order, and the run's heap then holds no page while the one before commits.
              const written = writer.write(pageTables(stored));
              written.catch(() => {});
              const count = stored.workloads;
              return previous
                .then(() => written)
                .then(() => {
                  workloads += count;
                });
            })
          : previous.then(async () => {
              const stored = await page;
              await writePage(db, stored);
              workloads += stored.workloads;
            });
        queue = write;
        return write;
      },
      // An arrow: `this` is the store.
      hasWorkloads: async refs => {
        const rows = await this.getScores(id, {
          levelKind: 'workload',
          refs,
          figuresOnly: true,
          withoutPlaces: true,
        });
        return new Set(rows.map(row => row.ref));
      },
      async publish(finishedAt, dated = startedAt) {
        await closeWriter();
        // Each snapshot's id is newer than any statistics know: with those stale, PostgreSQL
        // estimated one row for it and read a team's 40 workloads by filtering all 100,000 of the
        // snapshot (44 ms instead of 0.06 ms by EXPLAIN ANALYZE), a workload's row through every
        // level (8 ms instead of 0.1 ms). So every snapshot is analyzed, before it is current so
        // that its first reads have them: ~0.8 s with 30 days of 100,000 workloads.
        await analyze(db, 'maturity_scores');
        // The places too, which a group's workloads are found through (by team, product, ...).
        // Without their statistics, once a VACUUM had counted the table's rows, PostgreSQL
        // expected hundreds of places per team and scanned all ~106,000 of them for each team's
        // scorecard (~60 ms instead of ~1 ms at 1,000,000 workloads). ~0.3 s at that size.
        await analyze(db, 'maturity_placements');
        const updated = await db('maturity_snapshots')
          .where({ id, status: 'running' })
          .update({
            status: 'succeeded',
            started_at: dated,
            finished_at: finishedAt,
            workloads,
          });
        if (updated !== 1) {
          throw new ConflictError(
            `Snapshot ${id} can no longer be published: its lease lapsed and it was recorded as failed`,
          );
        }
        return {
          id,
          startedAt: dated,
          finishedAt,
          status: 'succeeded',
          workloads,
        };
      },
      async fail(error, finishedAt) {
        await closeWriter();
        await db.transaction(async tx => {
          await deleteRows(tx, id);
          await tx('maturity_snapshots')
            .where('id', id)
            .update({
              status: 'failed',
              finished_at: finishedAt,
              error: error.slice(0, 4000),
              workloads: 0,
            });
        });
        return {
          id,
          startedAt,
          finishedAt,
          status: 'failed',
          error,
          workloads: 0,
        };
      },
      async addClusterCosts(costs) {
        if (costs.length === 0) return;
        await db('maturity_cluster_costs').insert(
          costs.map(c => ({
            snapshot_id: id,
            cluster: c.cluster,
            hourly_cost: c.hourlyCost,
            allocated_hourly_cost: c.allocatedHourlyCost,
            idle_hourly_cost: c.idleHourlyCost,
          })),
        );
      },
      async heartbeat(at) {
        await db('maturity_snapshots')
          .where({ id, status: 'running' })
          .update({ heartbeat_at: at });
      },
    };
  }

  async failDeadRuns(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - RUN_LEASE_MS);
    const dead: Array<{
      id: number;
      heartbeat_at: Date | string | number | null;
      started_at: Date | string | number;
    }> = await this.db('maturity_snapshots')
      .where('status', 'running')
      .where(q =>
        q.whereNull('heartbeat_at').orWhere('heartbeat_at', '<', cutoff),
      )
      .select('id', 'heartbeat_at', 'started_at');
    for (const run of dead) {
      const lastSign = readDate(run.heartbeat_at ?? run.started_at);
      await this.db.transaction(async tx => {
        await deleteRows(tx, run.id);
        await tx('maturity_snapshots')
          .where({ id: run.id, status: 'running' })
          .update({
            status: 'failed',
            finished_at: lastSign,
            workloads: 0,
            error: `The backend running it stopped: no heartbeat since ${lastSign.toISOString()}`,
          });
      });
    }
    return dead.length;
  }

  async getLiveRun(now: Date): Promise<SnapshotInfo | undefined> {
    const row = await liveRuns(this.db, now).first();
    return row ? toInfo(row) : undefined;
  }

  async getCurrentSnapshot(): Promise<SnapshotInfo | undefined> {
    const row = await this.db<SnapshotDbRow>('maturity_snapshots')
      .where('status', 'succeeded')
      .orderBy('id', 'desc')
      .first();
    return row ? toInfo(row) : undefined;
  }

  async getSnapshotAtOrBefore(at: Date): Promise<SnapshotInfo | undefined> {
    const row = await this.db<SnapshotDbRow>('maturity_snapshots')
      .where('status', 'succeeded')
      .where('finished_at', '<=', at)
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row ? toInfo(row) : undefined;
  }

  async listDailySnapshots(range: {
    from: Date;
    to: Date;
  }): Promise<SnapshotInfo[]> {
    const rows = await this.db<SnapshotDbRow>('maturity_snapshots')
      .where('status', 'succeeded')
      .whereBetween('finished_at', [range.from, range.to])
      .orderBy(['finished_at', 'id']);
    return [...lastOfEachDay(rows.map(toInfo)).values()];
  }

  async listRuns(limit: number): Promise<SnapshotInfo[]> {
    const rows = await this.db<SnapshotDbRow>('maturity_snapshots')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(toInfo);
  }

  async getScores(
    snapshotId: number,
    query: ScoreQuery = {},
  ): Promise<ScoreRow[]> {
    if (query.refs && query.refs.length > KEYS_PER_STATEMENT) {
      const rows: ScoreRow[] = [];
      for (const refs of batches(query.refs, KEYS_PER_STATEMENT))
        rows.push(...(await this.getScores(snapshotId, { ...query, refs })));
      return rows;
    }
    const q = this.db('maturity_scores as s').where(
      's.snapshot_id',
      snapshotId,
    );
    if (query.ref) q.where('s.entity_ref', query.ref);
    if (query.refs) q.whereIn('s.entity_ref', query.refs);
    if (query.under) {
      // Rows with a place are workloads'. Their index is found by the place alone: naming the
      // level kind, or ordering by it, let SQLite's planner prefer the primary key and read
      // every workload of the snapshot (0.4 s at 1,000,000, against 0.2 ms).
      if (query.levelKind && query.levelKind !== 'workload') return [];
      placedUnder(this.db, q, query.under);
    }
    // As in getLevelKinds: naming the level kinds lets SQLite seek the primary key.
    else if (query.levelKind)
      q.where('s.level_kind', levelKindCode(query.levelKind));
    else if (query.ref || query.refs)
      q.whereIn('s.level_kind', SCORE_LEVEL_CODES);
    q.select(FIGURE_COLUMNS.map(c => `s.${c}`));
    if (!query.withoutPlaces)
      q.leftJoin('maturity_placements as p', 'p.hash', 's.placement_hash')
        .select(ROLL_UP_LEVELS.map(level => `p.${level}`))
        .select('p.platform as platform_ref');
    if (!query.figuresOnly)
      q.leftJoin('maturity_details as d', join =>
        join
          .on('d.entity_ref', 's.entity_ref')
          .andOn('d.hash', 's.detail_hash'),
      ).select('d.detail');
    q.orderBy(
      query.under ? ['s.entity_ref'] : ['s.level_kind', 's.entity_ref'],
    );
    return this.namedRows((await q).map(toScoreRow));
  }

  /** The rows, their details' names given back where they are numbered. */
  private async namedRows(rows: ScoreRow[]): Promise<ScoreRow[]> {
    const numbers = new Set<number>();
    for (const row of rows)
      for (const n of numbersIn(row.detail)) numbers.add(n);
    if (numbers.size === 0) return rows;
    const nameOf = await this.names.resolver(numbers);
    for (const row of rows) row.detail = withNames(row.detail, nameOf);
    return rows;
  }

  async getGroupsUnder(
    snapshotId: number,
    under: { level: RollUpLevel; ref: string },
    level: RollUpLevel,
  ): Promise<string[]> {
    const rows: Array<Record<RollUpLevel, string>> = await this.db(
      'maturity_scores as s',
    )
      .join('maturity_placements as p', 'p.hash', 's.placement_hash')
      .where('s.snapshot_id', snapshotId)
      .modify(q => placedUnder(this.db, q, under))
      .whereNotNull(`p.${level}`)
      .distinct(`p.${level} as ${level}`)
      .orderBy(level);
    return rows.map(row => row[level]);
  }

  async getHistory(
    ref: string,
    levelKind: ScoreLevelKind,
    range: { from: Date; to: Date },
  ): Promise<Array<ScoreRow & { at: Date }>> {
    const rows = await overSucceededRuns(
      this.db('maturity_scores as s'),
      's',
      range,
    )
      .where('s.entity_ref', ref)
      .where('s.level_kind', levelKindCode(levelKind))
      // History points carry figures only; the detail belongs to the scorecard.
      .select(...FIGURE_COLUMNS.map(c => `s.${c}`), 'r.finished_at');
    return rows.map((row: ScoreDbRow & { finished_at: Date | string }) => ({
      ...toScoreRow(row),
      at: readDate(row.finished_at),
    }));
  }

  async getClusterCostHistory(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<Array<ClusterCostPoint & { at: Date }>> {
    const rows = await overSucceededRuns(
      this.db('maturity_cluster_costs as c'),
      'c',
      range,
    )
      .where('c.cluster', cluster)
      .select(
        'c.hourly_cost',
        'c.allocated_hourly_cost',
        'c.idle_hourly_cost',
        'r.finished_at',
      );
    return rows.map((row: Record<string, number | string | Date>) => ({
      cluster,
      hourlyCost: Number(row.hourly_cost),
      allocatedHourlyCost: Number(row.allocated_hourly_cost),
      idleHourlyCost: Number(row.idle_hourly_cost),
      at: readDate(row.finished_at as Date | string),
    }));
  }

  async getDrops(
    before: number,
    after: number,
    options: { levelKinds: ScoreLevelKind[]; minDrop: number },
  ): Promise<ScoreDrop[]> {
    // One join on the primary key of both snapshots: the rows whose level fell (levels sort as
    // text, L1 < L5) or whose score fell by more than minDrop.
    const rows = await this.db('maturity_scores as n')
      .join('maturity_scores as o', join =>
        join
          .on('o.entity_ref', 'n.entity_ref')
          .andOn('o.level_kind', 'n.level_kind')
          .andOn('o.snapshot_id', this.db.raw('?', [before])),
      )
      .where('n.snapshot_id', after)
      .whereIn('n.level_kind', options.levelKinds.map(levelKindCode))
      .where(q =>
        q
          .whereRaw('n.level < o.level')
          .orWhereRaw('n.score < o.score - ?', [options.minDrop]),
      )
      .orderBy(['n.level_kind', 'n.entity_ref'])
      .select(
        'n.level_kind',
        'n.entity_ref',
        'n.score',
        'n.level',
        'o.score as score_before',
        'o.level as level_before',
      );
    return rows.map(row => ({
      levelKind: levelKindOfCode(row.level_kind),
      ref: row.entity_ref,
      score: num(row.score),
      level: row.level,
      scoreBefore: num(row.score_before),
      levelBefore: row.level_before,
    }));
  }

  async getScoreLevels(snapshotId: number): Promise<ScoreLevelRow[]> {
    // What a label needs, and no more: every row of the snapshot is read.
    const rows = await this.db<ScoreDbRow>('maturity_scores')
      .where('snapshot_id', snapshotId)
      .orderBy(['level_kind', 'entity_ref'])
      .select('level_kind', 'entity_ref', 'score', 'level');
    return rows.map(row => ({
      levelKind: levelKindOfCode(row.level_kind),
      ref: row.entity_ref,
      score: num(row.score),
      level: row.level,
    }));
  }

  async getLevelKinds(
    snapshotId: number,
    ref: string,
  ): Promise<ScoreLevelKind[]> {
    // Naming every level kind lets the primary key (snapshot_id, level_kind, entity_ref) answer
    // with a seek per kind; without it SQLite's planner scans the whole snapshot (9 ms at 100,000).
    const rows = await this.db('maturity_scores')
      .where({ snapshot_id: snapshotId, entity_ref: ref })
      .whereIn('level_kind', SCORE_LEVEL_CODES)
      .select('level_kind');
    return rows.map((r: { level_kind: number }) =>
      levelKindOfCode(r.level_kind),
    );
  }

  async pruneHistory(
    now: Date,
    policy: RetentionPolicy,
    budgetMs = PRUNE_BUDGET_MS,
  ): Promise<PruneResult> {
    const daysBefore = (days: number) =>
      DateTime.fromJSDate(now).minus({ days }).toJSDate();
    const runCutoff = daysBefore(policy.runDays);
    const detailCutoff = daysBefore(policy.detailDays);
    const retainCutoff = daysBefore(policy.retainDays);
    // One row per run kept: a few hundred rows, read whole.
    const all = (
      await this.db<SnapshotDbRow>('maturity_snapshots').orderBy('finished_at')
    ).map(row => ({ ...toInfo(row), thinned: Boolean(row.thinned) }));
    const current = await this.getCurrentSnapshot();

    const lastOfDay = lastOfEachDay(all.filter(s => s.status === 'succeeded'));
    const isDaysLast = (s: SnapshotInfo) =>
      lastOfDay.get(utcDay(s.finishedAt))?.id === s.id;
    const isKept = (s: SnapshotInfo) => {
      if (s.id === current?.id) return true;
      // A failed run stays listed in /v1/runs; a running one may be a run in progress.
      if (s.status !== 'succeeded') return s.finishedAt >= detailCutoff;
      return (
        s.finishedAt >= runCutoff ||
        (isDaysLast(s) && s.finishedAt >= retainCutoff)
      );
    };
    // Nothing reads an earlier snapshot's detail, but a day's last keeps it for `detailDays`: the
    // scorecard as it stood that day. Once a run of the same day lands, the one before it is a point
    // of history only. Each is thinned once: looking for detail in a thinned snapshot reads every row.
    const keepsDetail = (s: SnapshotInfo) =>
      s.id === current?.id || (isDaysLast(s) && s.finishedAt >= detailCutoff);
    const doomed = all.filter(s => !isKept(s)).map(s => s.id);
    const thin = all
      .filter(
        s =>
          s.status === 'succeeded' &&
          !s.thinned &&
          isKept(s) &&
          !keepsDetail(s),
      )
      .map(s => s.id);

    // One snapshot per transaction, oldest first, until the budget is spent: a backlog (the first
    // run after an upgrade, or after retention was shortened) can be hundreds of whole snapshots,
    // minutes of work that one transaction would hold, and lose all of to a timeout.
    const steps = [
      ...doomed.map(id => ({ id, thin: false })),
      ...thin.map(id => ({ id, thin: true })),
    ];
    const started = Date.now();
    const done = { deleted: 0, thinned: 0 };
    for (const step of steps) {
      if (done.deleted + done.thinned > 0 && Date.now() - started >= budgetMs)
        break;
      await this.db.transaction(async tx => {
        if (!step.thin) {
          await deleteRows(tx, step.id);
          return tx('maturity_snapshots').where('id', step.id).delete();
        }
        await releaseDetails(tx, step.id);
        await tx('maturity_scores')
          .where('snapshot_id', step.id)
          .update(
            Object.fromEntries(
              CLEARED_BY_THINNING.map(column => [column, null]),
            ),
          );
        return tx('maturity_snapshots')
          .where('id', step.id)
          .update({ thinned: true });
      });
      done[step.thin ? 'thinned' : 'deleted']++;
    }
    return { ...done, pending: steps.length - done.deleted - done.thinned };
  }
}
