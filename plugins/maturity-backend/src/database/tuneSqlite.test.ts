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

  it('reuses prepared statements without carrying a query option over to the next query', async () => {
    await tuneSqlite(knex);
    await knex.schema.createTable('t', table => table.bigInteger('n'));
    await knex('t').insert([{ n: 7 }, { n: 9 }]);
    const connection = await knex.client.acquireConnection();
    const statement = connection.prepare('SELECT n FROM t');
    expect(connection.prepare('SELECT n FROM t')).toBe(statement);
    // Not kept: a write holds its last bound values, and a long read is worth its preparing.
    expect(connection.prepare('INSERT INTO t (n) VALUES (?)')).not.toBe(
      connection.prepare('INSERT INTO t (n) VALUES (?)'),
    );
    const manyKeys = `SELECT n FROM t WHERE n IN (${Array(700)
      .fill('?')
      .join(', ')})`;
    expect(connection.prepare(manyKeys)).not.toBe(connection.prepare(manyKeys));
    await knex.client.releaseConnection(connection);

    expect(await knex('t').select('n').options({ safeIntegers: true })).toEqual(
      [{ n: 7n }, { n: 9n }],
    );
    expect(await knex('t').select('n')).toEqual([{ n: 7 }, { n: 9 }]);
    // A statement kept across a schema change reads the table as it is now.
    const everything = () => knex('t').select('*').orderBy('n');
    expect(await everything()).toEqual([{ n: 7 }, { n: 9 }]);
    await knex.schema.alterTable('t', table => table.string('label'));
    expect(await everything()).toEqual([
      { n: 7, label: null },
      { n: 9, label: null },
    ]);
  });
});
