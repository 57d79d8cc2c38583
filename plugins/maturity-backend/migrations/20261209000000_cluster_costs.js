// @ts-check

/**
 * Each run's cluster costs, a few numbers per cluster and snapshot: the history a cluster's cost
 * view charts. Kept apart from the platform row's detail, which also lists every workload on the
 * platform, so that 90 days of a cluster's cost read a row a day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_cluster_costs', table => {
    table.comment('The cost of the nodes of each cluster in each snapshot');
    table
      .integer('snapshot_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('maturity_snapshots')
      .onDelete('CASCADE');
    table.string('cluster', 255).notNullable();
    table.double('hourly_cost').notNullable();
    table.double('allocated_hourly_cost').notNullable();
    table.double('idle_hourly_cost').notNullable();
    table.primary(['snapshot_id', 'cluster']);
    table.index(
      ['cluster', 'snapshot_id'],
      'maturity_cluster_costs_by_cluster',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_cluster_costs');
};
