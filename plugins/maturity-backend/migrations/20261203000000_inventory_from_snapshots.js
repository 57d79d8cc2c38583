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

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('maturity_inventory_runs', table => {
    table.comment(
      'One row per inventory refresh; the newest succeeded row is current.',
    );
    table.increments('id').primary();
    table.dateTime('finished_at').notNullable();
    table.integer('workload_count').notNullable();
  });
  await knex.schema.createTable('maturity_workloads', table => {
    table.comment('The current workload inventory, one row per Component.');
    table.string('entity_ref', 255).primary();
    table.text('title').nullable();
    table.string('product', 255).nullable().index();
    table.string('team', 255).nullable().index();
    table.string('department', 255).nullable().index();
    table.string('company', 255).nullable().index();
    table.double('cores').nullable();
    table.string('cores_source', 32).notNullable();
    table.text('problems').notNullable().comment('JSON array of messages');
  });
};
