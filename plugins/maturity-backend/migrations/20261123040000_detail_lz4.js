// @ts-check

/**
 * PostgreSQL compresses a workload's detail (about 3 KB of JSON) when it stores it; its default
 * codec, pglz, cost a 100,000-workload run about 4 of its 22 seconds, lz4 (PostgreSQL 14+) a
 * fraction of that at a similar size. SQLite stores text uncompressed, so it has nothing to change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await hasLz4(knex))
    await knex.raw(
      'ALTER TABLE maturity_scores ALTER COLUMN detail SET COMPRESSION lz4',
    );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (await hasLz4(knex))
    await knex.raw(
      'ALTER TABLE maturity_scores ALTER COLUMN detail SET COMPRESSION pglz',
    );
};

/** @param {import('knex').Knex} knex */
async function hasLz4(knex) {
  if (knex.client.config.client !== 'pg') return false;
  const found = await knex.raw(
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)",
  );
  return found.rows.length > 0;
}
