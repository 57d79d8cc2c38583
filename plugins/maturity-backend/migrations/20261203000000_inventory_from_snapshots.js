// @ts-check

/**
 * The workload list is answered from the current snapshot's workload rows, which every run writes
 * anyway; the separate inventory, which each run also rewrote by difference, goes. Stepping down
 * recreates its tables empty: the next run of the older code fills them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('maturity_workloads');
  await knex.schema.dropTable('maturity_inventory_runs');
};

/**
 * Builds the inventory's tables again, empty, as the migrations that made them left them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await require('./20261123000000_workload_inventory').up(knex);
  await require('./20261123050000_inventory_by_difference').up(knex);
  await require('./20261202000000_long_titles_and_run_heartbeats').widenTitles(
    knex,
  );
};
