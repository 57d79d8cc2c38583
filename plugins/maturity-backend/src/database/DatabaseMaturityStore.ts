import { DatabaseService } from '@backstage/backend-plugin-api';
import { WorkloadSummary, CoresSource } from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import { InventoryWorkload, MaturityStore, WorkloadFilter } from './MaturityStore';
import { insertBatchSize, openDatabase, pipelined, readDate, readJson } from './openDatabase';


interface WorkloadRow {
  entity_ref: string;
  title: string | null;
  product: string | null;
  team: string | null;
  department: string | null;
  company: string | null;
  cores: number | string | null;
  cores_source: string;
  problems: string | string[];
  run_id: number;
  last_seen_at: Date | string;
}

function fromRow(row: WorkloadRow): WorkloadSummary {
  const summary: WorkloadSummary = {
    ref: row.entity_ref,
    cores: row.cores === null ? null : Number(row.cores),
    coresSource: row.cores_source as CoresSource,
    problems: readJson<string[]>(row.problems),
    lastSeenAt: readDate(row.last_seen_at).toISOString(),
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

  async replaceInventory(workloads: InventoryWorkload[], at: Date): Promise<void> {
    await this.db.transaction(async tx => {
      const [inserted] = await tx('maturity_inventory_runs')
        .insert({ finished_at: at, workload_count: workloads.length })
        .returning('id');
      const runId = typeof inserted === 'object' ? inserted.id : inserted;
      const rows = workloads.map(w => ({
        entity_ref: w.ref,
        title: w.title ?? null,
        product: w.product ?? null,
        team: w.team ?? null,
        department: w.department ?? null,
        company: w.company ?? null,
        cores: w.cores,
        cores_source: w.coresSource,
        problems: JSON.stringify(w.problems),
        run_id: runId,
        last_seen_at: at,
      }));
      await pipelined(rows, insertBatchSize(tx), batch =>
        tx('maturity_workloads').insert(batch).onConflict('entity_ref').merge(),
      );
      await tx('maturity_workloads').whereNot('run_id', runId).delete();
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
    return (await query).map(fromRow);
  }

  async getInventoryRefreshedAt(): Promise<Date | undefined> {
    const row = await this.db('maturity_inventory_runs')
      .orderBy('id', 'desc')
      .first('finished_at');
    return row ? readDate(row.finished_at) : undefined;
  }
}
