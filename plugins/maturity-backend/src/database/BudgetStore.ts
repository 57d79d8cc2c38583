import { Knex } from 'knex';

interface BudgetRow {
  group_ref: string;
  monthly: number | string;
  updated_at: Date | string | number;
}

/** The monthly budgets set through the API (`maturity_budgets`). */
export class BudgetStore {
  constructor(private readonly db: Knex) {}

  /** Every stored budget, by Group ref. */
  async list(): Promise<Map<string, number>> {
    const rows = await this.db<BudgetRow>('maturity_budgets').orderBy(
      'group_ref',
    );
    return new Map(rows.map(r => [r.group_ref, Number(r.monthly)]));
  }

  /** One group's stored budget. */
  async get(group: string): Promise<number | undefined> {
    const row = await this.db<BudgetRow>('maturity_budgets')
      .where('group_ref', group)
      .first();
    return row && Number(row.monthly);
  }

  /** Sets a group's budget, replacing one it had. */
  async put(group: string, monthly: number, at: Date): Promise<void> {
    await this.db('maturity_budgets')
      .insert({ group_ref: group, monthly, updated_at: at })
      .onConflict('group_ref')
      .merge(['monthly', 'updated_at']);
  }

  /** Removes a group's budget; false when it had none. */
  async delete(group: string): Promise<boolean> {
    return (
      (await this.db('maturity_budgets').where('group_ref', group).delete()) > 0
    );
  }
}
