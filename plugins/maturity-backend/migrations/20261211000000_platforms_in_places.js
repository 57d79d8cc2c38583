// @ts-check

/**
 * A workload's platform is part of its place.
 *
 * - `maturity_placements` gets a `platform` column, with an index of its own: a platform finds
 *   its workloads as a team does, by its places and then their rows in the snapshot. A place
 *   with a platform is keyed by its four refs and its platform, one per line; a place without
 *   one keeps the key it had (`storedPlacements.ts`), so stored rows need not move.
 * - `maturity_run_members` goes. It held a run's member lists while the run was written, read
 *   back for each group's row at the end: with every group found through places, no list is
 *   written. A platform's row kept a list of its workloads (a third of a million refs, ~10 MB of
 *   JSON, for each of three clusters at a million workloads); its scorecard now reads them as a
 *   team's does, and a list kept by a snapshot stored before is not read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_placements', table => {
    table.string('platform', 255).nullable();
    table.index(['platform'], 'maturity_placements_platform_idx');
  });
  await knex.schema.dropTableIfExists('maturity_run_members');
};

/**
 * Takes the platforms out of places and brings the run's member lists back. A place keyed with
 * its platform keeps its key and loses its platform.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_placements', table => {
    table.dropIndex(['platform'], 'maturity_placements_platform_idx');
  });
  await knex.schema.alterTable('maturity_placements', table => {
    table.dropColumn('platform');
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
  if (knex.client.config.client === 'pg')
    await knex.raw('ALTER TABLE maturity_run_members SET UNLOGGED');
};
