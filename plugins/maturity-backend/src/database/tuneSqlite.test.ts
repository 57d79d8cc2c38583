import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tuneSqlite } from './tuneSqlite';

describe('tuneSqlite', () => {
  let knex: Knex;
  let directory: string;

  beforeEach(() => {
    // A file, so that a second connection the pool opens after tuning sees the same database.
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tune-sqlite-'));
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(directory, 'test.sqlite') },
      useNullAsDefault: true,
      pool: { min: 1, max: 2 },
    });
  });

  afterEach(async () => {
    await knex.destroy();
    fs.rmSync(directory, { recursive: true });
  });

  const cacheSizes = async () => {
    const read = async (tx: Knex.Transaction) =>
      (await tx.raw('PRAGMA cache_size'))[0].cache_size;
    // Two transactions open at once hold both connections.
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    const first = knex.transaction(async tx => {
      const size = await read(tx);
      await held;
      return size;
    });
    const second = knex.transaction(async tx => {
      const size = await read(tx);
      release();
      return size;
    });
    return Promise.all([first, second]);
  };

  it('gives the open connection and one opened later a 16 MB page cache', async () => {
    await knex.raw('SELECT 1');
    await tuneSqlite(knex);
    await tuneSqlite(knex);
    expect(await cacheSizes()).toEqual([-16384, -16384]);
  });
});
