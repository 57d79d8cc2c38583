import knexFactory, { Knex } from 'knex';
import {
  createTestDatabases,
  postgresIds,
  SqliteFiles,
} from '../__testUtils__/databases';
import { PageWriter, tableRows } from './pageWriter';
import { pgWriterThread, threadConnection } from './pgPageWriter';
import {
  insertStatement,
  sqliteFile,
  sqliteTable,
  sqliteWriterThread,
} from './sqlitePageWriter';
import { tuneSqlite } from './tuneSqlite';

const files = new SqliteFiles();
const databases = createTestDatabases();
afterAll(() => files.removeAll());

async function withTables(knex: Knex) {
  await knex.schema.createTable('t', table => {
    table.string('k').primary();
    table.integer('n');
    table.text('d');
  });
  await knex.schema.createTable('u', table => table.string('k').primary());
  return knex;
}

/** A SQLite file as a backend configured with a directory has, and each PostgreSQL server. */
const targets: Array<[string, () => Promise<Knex>]> = [
  [
    'a SQLite file',
    async () => {
      const knex = files.open();
      await tuneSqlite(knex);
      return withTables(knex);
    },
  ],
  ...postgresIds(databases).map(([id]): [string, () => Promise<Knex>] => [
    id,
    async () => withTables(await databases.init(id)),
  ]),
];

async function writerFor(knex: Knex): Promise<PageWriter> {
  const thread = sqliteWriterThread(knex) ?? (await pgWriterThread(knex));
  expect(thread).toBeDefined();
  return new PageWriter(thread!);
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('page writers', () => {
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
    expect(sqliteWriterThread(memory)).toBe(undefined);
    expect(await pgWriterThread(memory)).toBe(undefined);
    await memory.destroy();
    await pg.destroy();
  });

  it("hands PostgreSQL's settings to the thread, the password knex hides included, unless they cannot go", async () => {
    const settings = { host: '127.0.0.1', user: 'maturity', password: 's3' };
    const given = knexFactory({ client: 'pg', connection: { ...settings } });
    const provided = knexFactory({
      client: 'pg',
      connection: async () => ({ ...settings }),
    });
    const callback = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', password: () => 's3' } as any,
    });
    expect(await threadConnection(given)).toEqual(settings);
    expect(await threadConnection(provided)).toEqual(settings);
    expect(await threadConnection(callback)).toBe(undefined);
    expect(await pgWriterThread(callback)).toBe(undefined);
    for (const knex of [given, provided, callback]) await knex.destroy();
  });

  it.each(postgresIds(databases))(
    "writes into the schema knex's search path names on %s, as Backstage's schema-per-plugin mode has it",
    async id => {
      const knex = await databases.init(id);
      await knex.raw('CREATE SCHEMA "maturity plugin"');
      const settings = await threadConnection(knex);
      const inSchema = knexFactory({
        client: 'pg',
        connection: settings as Knex.StaticConnectionConfig,
        searchPath: ['maturity plugin'],
      });
      try {
        await withTables(inSchema);
        const writer = await writerFor(inSchema);
        await writer.write([tableRows('t', ['k', 'n'], [{ k: 'a', n: 1 }])]);
        await writer.close();
        expect(
          await knex.withSchema('maturity plugin').table('t').pluck('k'),
        ).toEqual(['a']);
      } finally {
        await inSchema.destroy();
      }
    },
  );

  it('builds one SQLite insert per table with a placeholder per column, absent values null', () => {
    expect(insertStatement('t', ['k', 'n'], 'ON CONFLICT (k) DO NOTHING')).toBe(
      'INSERT INTO t (k, n) VALUES (?, ?) ON CONFLICT (k) DO NOTHING',
    );
    const table = tableRows<{ k: string; n?: number }>(
      't',
      ['k', 'n'],
      [{ k: 'a', n: 1 }, { k: 'b' }],
      ['k'],
    );
    expect(table).toEqual({
      table: 't',
      columns: ['k', 'n'],
      key: ['k'],
      rows: [
        ['a', 1],
        ['b', null],
      ],
    });
    expect(sqliteTable(table)).toEqual({
      sql: 'INSERT INTO t (k, n) VALUES (?, ?) ON CONFLICT (k) DO NOTHING',
      rows: table.rows,
    });
  });
});

describe.each(targets)('the page writer on %s', (_name, open) => {
  it("writes each page from its own thread, committed before the write resolves and visible on the backend's connection", async () => {
    const knex = await open();
    const writer = await writerFor(knex);
    try {
      await Promise.all([
        writer.write([
          tableRows(
            't',
            ['k', 'n', 'd'],
            [
              // A detail's bytes, with what COPY's text format escapes.
              { k: 'a', n: 1, d: bytes('{"say":"a\\\\b ×"}') },
              { k: 'b', n: 2, d: 'tab\there\nline\\end' },
            ],
          ),
          tableRows('u', ['k'], [{ k: 'x' }]),
        ]),
        writer.write([tableRows('t', ['k', 'n'], [{ k: 'c', n: 3 }])]),
      ]);
      expect(await knex('t').orderBy('k').select()).toEqual([
        { k: 'a', n: 1, d: '{"say":"a\\\\b ×"}' },
        { k: 'b', n: 2, d: 'tab\there\nline\\end' },
        { k: 'c', n: 3, d: null },
      ]);
      expect(await knex('u').select()).toEqual([{ k: 'x' }]);
    } finally {
      await writer.close();
    }
  });

  it('leaves a row whose key is stored already, from an earlier page or earlier on the page', async () => {
    const knex = await open();
    const writer = await writerFor(knex);
    try {
      const page = (rows: Array<{ k: string; n: number }>) => [
        tableRows('t', ['k', 'n'], rows, ['k']),
      ];
      await writer.write(page([{ k: 'a', n: 1 }]));
      await writer.write(
        page([
          { k: 'a', n: 2 },
          { k: 'b', n: 3 },
          { k: 'b', n: 4 },
        ]),
      );
      expect(await knex('t').orderBy('k').select('k', 'n')).toEqual([
        { k: 'a', n: 1 },
        { k: 'b', n: 3 },
      ]);
    } finally {
      await writer.close();
    }
  });

  it('rolls a failed page back whole and names the cause; the pages before it stay and later ones are written', async () => {
    const knex = await open();
    const writer = await writerFor(knex);
    try {
      await writer.write([tableRows('t', ['k', 'n'], [{ k: 'a', n: 1 }])]);
      // The second table repeats its own key after the first table's row went in.
      await expect(
        writer.write([
          tableRows('t', ['k', 'n'], [{ k: 'b', n: 2 }]),
          tableRows('u', ['k'], [{ k: 'x' }, { k: 'x' }]),
        ]),
      ).rejects.toThrow(
        /^Writing a page of the run failed: (UNIQUE constraint failed: u\.k|duplicate key value violates unique constraint "u_pkey")$/,
      );
      await writer.write([tableRows('t', ['k', 'n'], [{ k: 'c', n: 3 }])]);
      expect(await knex('t').orderBy('k').pluck('k')).toEqual(['a', 'c']);
      expect(await knex('u').count({ n: '*' })).toEqual([
        { n: knex.client.config.client === 'pg' ? '0' : 0 },
      ]);
    } finally {
      await writer.close();
    }
  });

  it('writes the pages given before it closes, and refuses any after', async () => {
    const knex = await open();
    const writer = await writerFor(knex);
    const written = writer.write([
      tableRows('t', ['k', 'n'], [{ k: 'a', n: 1 }]),
    ]);
    await writer.close();
    await written;
    await writer.close();
    await expect(
      writer.write([tableRows('t', ['k', 'n'], [{ k: 'b', n: 1 }])]),
    ).rejects.toThrow("The run's page writer was closed");
    expect(await knex('t').pluck('k')).toEqual(['a']);
  });
});
