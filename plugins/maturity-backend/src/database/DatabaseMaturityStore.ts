import { DatabaseService } from '@backstage/backend-plugin-api';
import { WorkloadSummary, CoresSource } from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import { InventoryWorkload, MaturityStore, WorkloadFilter } from './MaturityStore';
import { insertRows } from './insertRows';
import { batches, KEYS_PER_STATEMENT, insertBatchSize, openDatabase, pipelined, readDate, readJson } from './openDatabase';

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
  'entity_ref', 'title', 'product', 'team', 'department', 'company', 'cores', 'cores_source', 'problems',
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
  for (const key of ['title', 'product', 'team', 'department', 'company'] as const) {
    const value = row[key];
    if (value !== null) summary[key] = value;
  }
  return summary;
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
   * rows, not all of them. The run's row dates every stored workload as seen.
   */
  async replaceInventory(workloads: InventoryWorkload[], at: Date): Promise<void> {
    await this.db.transaction(async tx => {
      const [inserted] = await tx('maturity_inventory_runs')
        .insert({ finished_at: at, workload_count: workloads.length })
        .returning('id');
      const runId = typeof inserted === 'object' ? inserted.id : inserted;
      const stored = new Map<string, WorkloadRow>(
        (await tx<WorkloadRow>('maturity_workloads')).map(row => [row.entity_ref, row]),
      );
      const found = workloads.map(toRow);
      await insertRows(tx, 'maturity_workloads', WORKLOAD_COLUMNS, found.filter(row => !stored.has(row.entity_ref)));
      const changed = found.filter(row => {
        const before = stored.get(row.entity_ref);
        return before !== undefined && !unchanged(before, row);
      });
      await pipelined(changed, insertBatchSize(tx), batch =>
        tx('maturity_workloads').insert(batch).onConflict('entity_ref').merge(),
      );
      const live = new Set(found.map(row => row.entity_ref));
      const gone = [...stored.keys()].filter(ref => !live.has(ref));
      for (const refs of batches(gone, KEYS_PER_STATEMENT)) {
        await tx('maturity_workloads').whereIn('entity_ref', refs).delete();
      }
      // Only the newest run is needed for refreshedAt; older ones are history nobody reads.
      await tx('maturity_inventory_runs').where('id', '<', runId).delete();
    });
  }

  async listWorkloads(filter: WorkloadFilter = {}): Promise<WorkloadSummary[]> {
    const query = this.db<WorkloadRow>('maturity_workloads').orderBy('entity_ref');
    for (const key of ['product', 'team', 'department', 'company'] as const) {
      const value = filter[key];
      if (value !== undefined) query.where(key, value);
    }
    const [rows, lastSeenAt] = await Promise.all([query, this.getInventoryRefreshedAt()]);
    return rows.map(row => fromRow(row, lastSeenAt!));
  }

  async getInventoryRefreshedAt(): Promise<Date | undefined> {
    const row = await this.db('maturity_inventory_runs')
      .orderBy('id', 'desc')
      .first('finished_at');
    return row ? readDate(row.finished_at) : undefined;
  }
}
