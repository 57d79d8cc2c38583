import knexFactory from 'knex';
import { SqliteFiles } from '../__testUtils__/databases';
import {
  insertStatement,
  sqliteFile,
  SqlitePageWriter,
  tableRows,
} from './sqlitePageWriter';
import { tuneSqlite } from './tuneSqlite';

const files = new SqliteFiles();
afterAll(() => files.removeAll());

async function openWithTables() {
  const knex = files.open();
  await tuneSqlite(knex);
  await knex.schema.createTable('t', table => {
    table.string('k').primary();
    table.integer('n');
  });
  await knex.schema.createTable('u', table => table.string('k').primary());
  return knex;
}

describe('sqlitePageWriter', () => {
  it('names the file of a SQLite database, and none in memory or on PostgreSQL', async () => {
    const memory = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    const pg = knexFactory({ client: 'pg', connection: {} });
    const file = files.open();
    expect(sqliteFile(file)).toMatch(/maturity\.sqlite$/);
    expect(sqliteFile(memory)).toBeUndefined();
    expect(sqliteFile(pg)).toBeUndefined();
    expect(SqlitePageWriter.forDatabase(memory)).toBe(undefined);
    await memory.destroy();
    await pg.destroy();
  });

  it('builds one insert per table with a placeholder per column, absent values null', () => {
    expect(insertStatement('t', ['k', 'n'], 'ON CONFLICT (k) DO NOTHING')).toBe(
      'INSERT INTO t (k, n) VALUES (?, ?) ON CONFLICT (k) DO NOTHING',
    );
    expect(
      tableRows<{ k: string; n?: number }>(
        't',
        ['k', 'n'],
        [{ k: 'a', n: 1 }, { k: 'b' }],
      ),
    ).toEqual({
      sql: 'INSERT INTO t (k, n) VALUES (?, ?)',
      rows: [
        ['a', 1],
        ['b', null],
      ],
    });
  });

  it("writes each page from its own thread, committed before the write resolves and visible on the backend's connection", async () => {
    const knex = await openWithTables();
    const writer = SqlitePageWriter.forDatabase(knex)!;
    try {
      await Promise.all([
        writer.write([
          tableRows(
            't',
            ['k', 'n'],
            [
              { k: 'a', n: 1 },
              { k: 'b', n: 2 },
            ],
          ),
          tableRows('u', ['k'], [{ k: 'x' }]),
        ]),
        writer.write([tableRows('t', ['k', 'n'], [{ k: 'c', n: 3 }])]),
      ]);
      expect(await knex('t').orderBy('k').select()).toEqual([
        { k: 'a', n: 1 },
        { k: 'b', n: 2 },
        { k: 'c', n: 3 },
      ]);
      expect(await knex('u').select()).toEqual([{ k: 'x' }]);
    } finally {
      await writer.close();
    }
  });

  it('rolls a failed page back whole and names the cause; the pages before it stay and later ones are written', async () => {
    const knex = await openWithTables();
    const writer = SqlitePageWriter.forDatabase(knex)!;
    try {
      await writer.write([tableRows('t', ['k', 'n'], [{ k: 'a', n: 1 }])]);
      // The second table repeats its own key after the first table's row went in.
      await expect(
        writer.write([
          tableRows('t', ['k', 'n'], [{ k: 'b', n: 2 }]),
          tableRows('u', ['k'], [{ k: 'x' }, { k: 'x' }]),
        ]),
      ).rejects.toThrow(
        /^Writing a page of the run failed: UNIQUE constraint failed: u\.k$/,
      );
      await writer.write([tableRows('t', ['k', 'n'], [{ k: 'c', n: 3 }])]);
      expect(await knex('t').orderBy('k').pluck('k')).toEqual(['a', 'c']);
      expect(await knex('u').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await writer.close();
    }
  });

  it('refuses to write once its thread has stopped', async () => {
    const knex = await openWithTables();
    const writer = SqlitePageWriter.forDatabase(knex)!;
    await writer.close();
    await writer.close();
    await expect(
      writer.write([tableRows('t', ['k', 'n'], [{ k: 'a', n: 1 }])]),
    ).rejects.toThrow("The run's page writer was closed");
  });
});
