import { Knex } from 'knex';
import { Worker } from 'node:worker_threads';
import { knexDriver, WRITER_OLD_SPACE_MB, WriterThread } from './pageWriter';

/**
 * The page writer's thread on PostgreSQL (see pageWriter): a connection of its own, through the
 * driver knex uses, over which each page goes in one transaction.
 *
 * - Rows go through COPY: the server parses no 18,000-parameter statements. A value is sent in
 *   COPY's text format: `\N` for null, a backslash, tab and line break escaped. A detail comes
 *   as the UTF-8 bytes of its JSON (detailBytes), which hold no raw tab or line break: its bytes
 *   go as they are unless they hold a backslash.
 * - A table stored by content (details, places) first asks which of the page's keys are stored,
 *   and copies only the others. The keys are looked up one by one in the key's index: while a
 *   table grows through a first run its statistics lag, and the planner would hash-join a scan
 *   of the whole table instead, a cost that grows with the table. Pages are written in order by
 *   this one connection, and a run holds the lease on writing, so no other writer adds a key
 *   between the question and the copy.
 * - A page need not reach the disk on its own: its rows count only once the run is published,
 *   and that commit, on the backend's connection, flushes the write-ahead log up to and
 *   including them. So pages commit without waiting for the disk (`synchronous_commit = off`).
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { Client } = require(workerData.pg);
const { from: copyFrom } = require(workerData.copyStreams);

const client = new Client(workerData.connection);
const connected = (async () => {
  await client.connect();
  if (workerData.searchPath.length > 0)
    await client.query('SET search_path TO ' + workerData.searchPath.map(s => client.escapeIdentifier(s)).join(', '));
  await client.query('SET synchronous_commit = off');
  await client.query('SET enable_hashjoin = off');
  await client.query('SET enable_mergejoin = off');
})();

const ESCAPES = { '\\\\': '\\\\\\\\', '\\t': '\\\\t', '\\n': '\\\\n', '\\r': '\\\\r' };
const SPECIAL = /[\\\\\\t\\n\\r]/g;
const BACKSLASH = 0x5c;
const LINES_PER_CHUNK = 200;

const copyText = value => {
  if (value === null || value === undefined) return '\\\\N';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Four indexOf scans of a ~4 KB text cost a tenth of one pass of the regex over it.
  const plain = text.indexOf('\\\\') < 0 && text.indexOf('\\t') < 0 &&
    text.indexOf('\\n') < 0 && text.indexOf('\\r') < 0;
  return plain ? text : text.replace(SPECIAL, c => ESCAPES[c]);
};
const copyBytes = value => {
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return bytes.indexOf(BACKSLASH) < 0 ? bytes : Buffer.from(copyText(bytes.toString('utf8')));
};
// The rows as COPY's text, LINES_PER_CHUNK lines a chunk of bytes.
function* copyLines(rows) {
  const pieces = [];
  let text = '';
  let lines = 0;
  const chunk = () => {
    pieces.push(Buffer.from(text));
    text = '';
    lines = 0;
    const bytes = Buffer.concat(pieces);
    pieces.length = 0;
    return bytes;
  };
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) text += '\\t';
      const value = row[i];
      if (value instanceof Uint8Array) {
        pieces.push(Buffer.from(text), copyBytes(value));
        text = '';
      } else text += copyText(value);
    }
    text += '\\n';
    if (++lines === LINES_PER_CHUNK) yield chunk();
  }
  if (lines > 0) yield chunk();
}
const copy = async ({ table, columns, rows }) => {
  if (rows.length === 0) return;
  await pipeline(
    Readable.from(copyLines(rows)),
    client.query(copyFrom('COPY ' + table + ' (' + columns.join(', ') + ') FROM STDIN')),
  );
};
const keyOf = values => values.join('\\n');
const copyUnlessStored = async ({ table, columns, key, rows }) => {
  if (rows.length === 0) return;
  const at = key.map(k => columns.indexOf(k));
  const { rows: stored } = await client.query({
    text: 'SELECT ' + key.map(k => 't.' + k).join(', ') + ' FROM ' + table + ' t JOIN unnest(' +
      key.map((_, i) => '$' + (i + 1) + '::text[]').join(', ') + ') AS k(' + key.join(', ') +
      ') ON ' + key.map(k => 't.' + k + ' = k.' + k).join(' AND '),
    values: at.map(i => rows.map(row => row[i])),
    rowMode: 'array',
  });
  const seen = new Set(stored.map(keyOf));
  const fresh = rows.filter(row => {
    const k = keyOf(at.map(i => row[i]));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await copy({ table, columns, rows: fresh });
};
const writePage = async tables => {
  await connected;
  await client.query('BEGIN');
  try {
    for (const table of tables)
      await (table.key ? copyUnlessStored(table) : copy(table));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
};
let queue = connected.catch(() => {});
parentPort.on('message', ({ id, tables, close }) => {
  if (close) {
    queue.then(() => client.end()).finally(() => process.exit(0));
    return;
  }
  queue = queue.then(() => writePage(tables)).then(
    () => parentPort.postMessage({ id }),
    error => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

/**
 * The settings knex's pg client connects with, as a thread can be given them, or undefined where
 * they cannot cross to a thread (a password given as a function, say).
 */
export async function threadConnection(db: Knex): Promise<unknown> {
  const given = db.client.config.connection;
  // knex also takes a function giving the settings, called for each new connection.
  const settings = typeof given === 'function' ? await given() : given;
  // knex hides the password from enumeration (and so from a copy): it is named here.
  const whole =
    settings && typeof settings === 'object'
      ? { ...settings, password: settings.password }
      : settings;
  try {
    return structuredClone(whole);
  } catch {
    return undefined;
  }
}

/** The writer's thread on `db`, or undefined unless it is PostgreSQL and its settings can be sent. */
export async function pgWriterThread(
  db: Knex,
): Promise<WriterThread | undefined> {
  if (db.client.config.client !== 'pg') return undefined;
  const connection = await threadConnection(db);
  if (connection === undefined) return undefined;
  const { searchPath } = db.client.config;
  return {
    worker: new Worker(WORKER_CODE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: WRITER_OLD_SPACE_MB },
      workerData: {
        pg: knexDriver('pg'),
        copyStreams: require.resolve('pg-copy-streams'),
        connection,
        searchPath: searchPath
          ? ([] as string[]).concat(searchPath).filter(Boolean)
          : [],
      },
    }),
  };
}
