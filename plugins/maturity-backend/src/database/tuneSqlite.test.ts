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

  const pragmas = async () => {
    const pragma = async (tx: Knex.Transaction, name: string) =>
      Object.values((await tx.raw(`PRAGMA ${name}`))[0])[0];
    const read = async (tx: Knex.Transaction) => ({
      pageSize: await pragma(tx, 'page_size'),
      cacheSize: await pragma(tx, 'cache_size'),
      journal: await pragma(tx, 'journal_mode'),
      synchronous: await pragma(tx, 'synchronous'),
    });
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

  it('gives a new file 8 KB pages, and the open connection and one opened later a 16 MB page cache and a write-ahead log', async () => {
    await knex.raw('SELECT 1');
    await tuneSqlite(knex);
    await tuneSqlite(knex);
    await knex.schema.createTable('t', table => table.integer('n'));
    // synchronous 1 is NORMAL (SQLite's default is 2, FULL).
    const tuned = {
      pageSize: 8192,
      cacheSize: -16384,
      journal: 'wal',
      synchronous: 1,
    };
    expect(await pragmas()).toEqual([tuned, tuned]);
  });

  it('leaves a file that has tables its page size', async () => {
    await knex.schema.createTable('t', table => table.integer('n'));
    await tuneSqlite(knex);
    const [first, second] = await pragmas();
    expect([first.pageSize, second.pageSize]).toEqual([4096, 4096]);
    expect(first.journal).toBe('wal');
  });

  it('leaves an in-memory database its own journal', async () => {
    const memory = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    try {
      await tuneSqlite(memory);
      const [row] = await memory.raw('PRAGMA journal_mode');
      expect(row.journal_mode).toBe('memory');
    } finally {
      await memory.destroy();
    }
  });
});
