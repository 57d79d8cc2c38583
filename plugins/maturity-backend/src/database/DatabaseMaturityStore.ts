import { DatabaseService } from '@backstage/backend-plugin-api';
import { WorkloadSummary, CoresSource } from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import {
  InventoryWorkload,
  MaturityStore,
  WorkloadFilter,
} from './MaturityStore';
import { insertRows } from './insertRows';
import {
  analyzeAfterWriting,
  batches,
  KEYS_PER_STATEMENT,
  insertBatchSize,
  openDatabase,
  pipelined,
  readDate,
  readJson,
} from './openDatabase';

interface WorkloadRow {
  entity_ref: string;
  title: string | null;
  product: string | null;
  team: string | null;
  department: string | null;
  company: string | null;
  cores: number | string | null;
  cores_source: string;
  problems: string;
}

const WORKLOAD_COLUMNS: Array<keyof WorkloadRow> = [
  'entity_ref',
  'title',
  'product',
  'team',
  'department',
  'company',
  'cores',
  'cores_source',
  'problems',
];

function toRow(w: InventoryWorkload): WorkloadRow {
  return {
    entity_ref: w.ref,
    title: w.title ?? null,
    product: w.product ?? null,
    team: w.team ?? null,
    department: w.department ?? null,
    company: w.company ?? null,
    cores: w.cores,
    cores_source: w.coresSource,
    problems: JSON.stringify(w.problems),
  };
}

/** Whether a stored row already says what a run found. */
function unchanged(stored: WorkloadRow, found: WorkloadRow): boolean {
  return (Object.keys(found) as Array<keyof WorkloadRow>).every(key =>
    key === 'cores'
      ? (stored.cores === null ? null : Number(stored.cores)) === found.cores
      : stored[key] === found[key],
  );
}

function fromRow(row: WorkloadRow, lastSeenAt: Date): WorkloadSummary {
  const summary: WorkloadSummary = {
    ref: row.entity_ref,
    cores: row.cores === null ? null : Number(row.cores),
    coresSource: row.cores_source as CoresSource,
    problems: readJson<string[]>(row.problems),
    lastSeenAt: lastSeenAt.toISOString(),
  };
  for (const key of [
    'title',
    'product',
    'team',
    'department',
    'company',
  ] as const) {
    const value = row[key];
    if (value !== null) summary[key] = value;
  }
  return summary;
}

const STORED_ROWS_PER_PAGE = 1000;

/** Every stored workload row, in pages by ref (each page starts after the last ref of the one before). */
async function* storedPages(
  tx: Knex.Transaction,
): AsyncGenerator<WorkloadRow[]> {
  let after: string | undefined;
  for (;;) {
    const query = tx<WorkloadRow>('maturity_workloads')
      .orderBy('entity_ref')
      .limit(STORED_ROWS_PER_PAGE);
    if (after !== undefined) query.where('entity_ref', '>', after);
    const page = await query;
    if (page.length) yield page;
    if (page.length < STORED_ROWS_PER_PAGE) return;
    after = page[page.length - 1].entity_ref;
  }
}

function* mapped<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

/** A {@link MaturityStore} on the plugin's knex database (SQLite or PostgreSQL). */
export class DatabaseMaturityStore implements MaturityStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseMaturityStore> {
    return new DatabaseMaturityStore(await openDatabase(options));
  }

  constructor(private readonly db: Knex) {}

  /**
   * Writes what changed since the last run: a daily run of a large company rewrites a handful of
   * rows, not all of them. The run's row dates every stored workload as seen. Stored rows are
   * compared a page at a time: the run ends with this, when it holds the most, and all 100,000
   * stored rows at once took ~80 MB more.
   */
  async replaceInventory(
    workloads: InventoryWorkload[],
    at: Date,
  ): Promise<void> {
    const found = new Map(workloads.map(w => [w.ref, w]));
    const unseen = new Set(found.keys());
    const changed: WorkloadRow[] = [];
    const gone: string[] = [];
    await this.db.transaction(async tx => {
      const [inserted] = await tx('maturity_inventory_runs')
        .insert({ finished_at: at, workload_count: workloads.length })
        .returning('id');
      const runId = typeof inserted === 'object' ? inserted.id : inserted;
      for await (const page of storedPages(tx)) {
        for (const row of page) {
          const workload = found.get(row.entity_ref);
          if (!workload) {
            gone.push(row.entity_ref);
            continue;
          }
          unseen.delete(row.entity_ref);
          const next = toRow(workload);
          if (!unchanged(row, next)) changed.push(next);
        }
      }
      await insertRows(
        tx,
        'maturity_workloads',
        WORKLOAD_COLUMNS,
        mapped(unseen, ref => toRow(found.get(ref)!)),
      );
      await pipelined(changed, insertBatchSize(tx), batch =>
        tx('maturity_workloads').insert(batch).onConflict('entity_ref').merge(),
      );
      for (const refs of batches(gone, KEYS_PER_STATEMENT)) {
        await tx('maturity_workloads').whereIn('entity_ref', refs).delete();
      }
      // Only the newest run is needed for refreshedAt; older ones are history nobody reads.
      await tx('maturity_inventory_runs').where('id', '<', runId).delete();
    });
    await analyzeAfterWriting(
      this.db,
      'maturity_workloads',
      unseen.size + changed.length + gone.length,
    );
  }

  async listWorkloads(filter: WorkloadFilter = {}): Promise<WorkloadSummary[]> {
    const query =
      this.db<WorkloadRow>('maturity_workloads').orderBy('entity_ref');
    for (const key of ['product', 'team', 'department', 'company'] as const) {
      const value = filter[key];
      if (value !== undefined) query.where(key, value);
    }
    const [rows, lastSeenAt] = await Promise.all([
      query,
      this.getInventoryRefreshedAt(),
    ]);
    return rows.map(row => fromRow(row, lastSeenAt!));
  }

  async getInventoryRefreshedAt(): Promise<Date | undefined> {
    const row = await this.db('maturity_inventory_runs')
      .orderBy('id', 'desc')
      .first('finished_at');
    return row ? readDate(row.finished_at) : undefined;
  }
}
