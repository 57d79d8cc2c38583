// @ts-check

/**
 * Storage that grows with change, not with runs.
 *
 * - A row's detail (a workload's checks and facts, a group's member lists: ~4 KB for a workload)
 *   is stored once per entity and content in `maturity_details`, keyed by the entity and a hash
 *   of its JSON, and each snapshot's row refers to it by `detail_hash`. A run in which a workload
 *   did not change writes its row of figures and no detail. The hash is SHA-256 of the JSON text,
 *   in base64url, cut to its first 22 characters (132 bits).
 * - The key leads with the entity, not the hash: a run writes entities in the catalog's order,
 *   so its inserts land next to each other in the key's index. Keyed by the hash alone they
 *   landed anywhere, and every page's commit wrote back most of the index's pages.
 * - A detail nothing refers to any more is deleted when the last row referring to it goes
 *   (thinned, deleted or failed). The entity index of the scores becomes (entity_ref,
 *   detail_hash): it finds the other rows that still refer to a detail, and still serves an
 *   entity's history.
 * - `maturity_run_members` holds a run's member lists (a team's workloads, ...) while it is
 *   written, so that a run keeps none of them in memory; it is emptied when the run ends. On
 *   PostgreSQL it is unlogged: nothing in it outlives a run.
 *
 * Stored snapshots move over: each detail is hashed in the database (PostgreSQL's sha256, or the
 * same function registered on SQLite's connection) and stored once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = knex.client.config.client === 'pg';
  await knex.schema.createTable('maturity_details', table => {
    table.comment(
      'Scorecard detail by content; maturity_scores.detail_hash refers to it.',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('hash', 22).notNullable();
    table.text('detail').notNullable().comment('JSON');
    table.primary(['entity_ref', 'hash']);
  });
  if (await hasLz4(knex))
    await knex.raw(
      'ALTER TABLE maturity_details ALTER COLUMN detail SET COMPRESSION lz4',
    );
  await knex.schema.alterTable('maturity_scores', table => {
    table.string('detail_hash', 22).nullable();
  });

  const hashOf = postgres
    ? "translate(substr(encode(sha256(convert_to(detail, 'UTF8')), 'base64'), 1, 22), '+/', '-_')"
    : 'maturity_detail_hash(detail)';
  if (!postgres) {
    // Inside the migration's transaction knex hands out its connection.
    const connection = await knex.client.acquireConnection();
    connection.function(
      'maturity_detail_hash',
      { deterministic: true },
      (/** @type {string} */ text) =>
        require('node:crypto')
          .createHash('sha256')
          .update(text, 'utf8')
          .digest('base64url')
          .slice(0, 22),
    );
  }
  await knex.raw(
    `UPDATE maturity_scores SET detail_hash = ${hashOf} WHERE detail IS NOT NULL`,
  );
  await knex.raw(
    `INSERT INTO maturity_details (entity_ref, hash, detail)
     SELECT entity_ref, detail_hash, MIN(detail) FROM maturity_scores
     WHERE detail_hash IS NOT NULL GROUP BY entity_ref, detail_hash`,
  );
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropIndex(
      ['entity_ref', 'snapshot_id'],
      'maturity_scores_entity_idx',
    );
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('detail');
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.index(['entity_ref', 'detail_hash'], 'maturity_scores_entity_idx');
  });

  await knex.schema.createTable('maturity_run_members', table => {
    table.comment(
      'Member lists of the run being written, by group; emptied when it ends.',
    );
    table.integer('snapshot_id').notNullable();
    table.string('level_kind', 16).notNullable();
    table.string('group_ref', 255).notNullable();
    table.string('member_ref', 255).notNullable();
    table.primary(['snapshot_id', 'level_kind', 'group_ref', 'member_ref']);
  });
  if (postgres) await knex.raw('ALTER TABLE maturity_run_members SET UNLOGGED');
};

/**
 * Puts every detail back on its rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_run_members');
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropIndex(
      ['entity_ref', 'detail_hash'],
      'maturity_scores_entity_idx',
    );
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.text('detail').nullable();
  });
  if (await hasLz4(knex))
    await knex.raw(
      'ALTER TABLE maturity_scores ALTER COLUMN detail SET COMPRESSION lz4',
    );
  await knex.raw(
    `UPDATE maturity_scores SET detail =
       (SELECT d.detail FROM maturity_details d
        WHERE d.entity_ref = maturity_scores.entity_ref AND d.hash = maturity_scores.detail_hash)
     WHERE detail_hash IS NOT NULL`,
  );
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('detail_hash');
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.index(['entity_ref', 'snapshot_id'], 'maturity_scores_entity_idx');
  });
  await knex.schema.dropTable('maturity_details');
};

/** @param {import('knex').Knex} knex */
async function hasLz4(knex) {
  if (knex.client.config.client !== 'pg') return false;
  const found = await knex.raw(
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)",
  );
  return found.rows.length > 0;
}
