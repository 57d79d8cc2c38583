import { ConflictError, NotFoundError } from '@backstage/errors';
import { InitiativeDefinition } from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import { readDate, readJson } from './openDatabase';

interface InitiativeRow {
  id: string;
  name: string;
  owner: string;
  scope: string;
  target: string | object;
  deadline: string;
  created_at: Date | string | number;
  updated_at: Date | string | number;
}

/** An initiative as stored, with when it was last changed. */
export interface StoredInitiative extends InitiativeDefinition {
  updatedAt: Date;
}

const toInitiative = (row: InitiativeRow): StoredInitiative => ({
  id: row.id,
  name: row.name,
  owner: row.owner,
  scope: row.scope,
  target: readJson(row.target) as InitiativeDefinition['target'],
  deadline: row.deadline,
  updatedAt: readDate(row.updated_at),
});

/** The initiatives created through the API (`maturity_initiatives`). */
export class InitiativeStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredInitiative[]> {
    const rows = await this.db<InitiativeRow>('maturity_initiatives').orderBy(
      'id',
    );
    return rows.map(toInitiative);
  }

  async get(id: string): Promise<StoredInitiative | undefined> {
    const row = await this.db<InitiativeRow>('maturity_initiatives')
      .where('id', id)
      .first();
    return row && toInitiative(row);
  }

  /** Stores a new initiative; a taken id is a ConflictError. */
  async create(
    initiative: InitiativeDefinition,
    at: Date,
  ): Promise<StoredInitiative> {
    const inserted = await this.db('maturity_initiatives')
      .insert(this.row(initiative, at, at))
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length !== 1)
      throw new ConflictError(
        `An initiative with the id '${initiative.id}' exists already`,
      );
    return { ...initiative, updatedAt: at };
  }

  /** Replaces an initiative; an unknown id is a NotFoundError. */
  async update(
    initiative: InitiativeDefinition,
    at: Date,
  ): Promise<StoredInitiative> {
    const { created_at: _, ...row } = this.row(initiative, at, at);
    const updated = await this.db('maturity_initiatives')
      .where('id', initiative.id)
      .update(row);
    if (updated !== 1)
      throw new NotFoundError(`No initiative '${initiative.id}'`);
    return { ...initiative, updatedAt: at };
  }

  /** Deletes an initiative; an unknown id is a NotFoundError. */
  async delete(id: string): Promise<void> {
    const deleted = await this.db('maturity_initiatives')
      .where('id', id)
      .delete();
    if (deleted !== 1) throw new NotFoundError(`No initiative '${id}'`);
  }

  private row(i: InitiativeDefinition, createdAt: Date, updatedAt: Date) {
    return {
      id: i.id,
      name: i.name,
      owner: i.owner,
      scope: i.scope,
      target: JSON.stringify(i.target),
      deadline: i.deadline,
      created_at: createdAt,
      updated_at: updatedAt,
    };
  }
}
