// @ts-check

/**
 * The inventory is written by difference: a run upserts only the workloads that changed and
 * deletes those that left the catalog, instead of rewriting 100,000 rows to stamp each with the
 * run that saw it. Every stored workload was seen by the latest run, so its last-seen time is that
 * run's, read from maturity_inventory_runs; the per-row stamp and run id go.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_workloads', table => {
    table.dropForeign(['run_id']);
  });
  await knex.schema.alterTable('maturity_workloads', table => {
    table.dropColumn('run_id');
    table.dropColumn('last_seen_at');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_workloads', table => {
    table
      .integer('run_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('maturity_inventory_runs');
    table.dateTime('last_seen_at').nullable();
  });
  const latest = await knex('maturity_inventory_runs')
    .orderBy('id', 'desc')
    .first();
  if (latest)
    await knex('maturity_workloads').update({
      run_id: latest.id,
      last_seen_at: latest.finished_at,
    });
};
