// @ts-check

/**
 * Scoring snapshots and history.
 *
 * Every run writes one snapshot: a row in maturity_snapshots and one row per scored entity in
 * maturity_scores. Scores of old snapshots are thinned by the retention policy (one per day, detail
 * dropped), so the table grows with days kept, not with runs made. maturity_facts holds only the
 * latest facts per workload and collector: it is what a failed collector falls back to.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_snapshots', table => {
    table.comment(
      'One row per scoring run; the newest succeeded row is the current snapshot.',
    );
    table.increments('id').primary();
    table.dateTime('started_at').notNullable();
    table.dateTime('finished_at').notNullable();
    table.string('status', 16).notNullable().comment('succeeded | failed');
    table.text('error').nullable();
    table.integer('workloads').notNullable().defaultTo(0);
    table.index(
      ['status', 'finished_at'],
      'maturity_snapshots_status_finished_idx',
    );
  });
  await knex.schema.createTable('maturity_scores', table => {
    table.comment('Scores of one snapshot: workloads and their roll-ups.');
    table
      .integer('snapshot_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('maturity_snapshots')
      .onDelete('CASCADE');
    table
      .string('level_kind', 16)
      .notNullable()
      .comment('workload | product | team | department | company');
    table.string('entity_ref', 255).notNullable();
    table.double('score').nullable();
    table.double('platform').nullable();
    table.double('business').nullable();
    table.string('level', 4).nullable();
    table.double('cores').notNullable().defaultTo(0);
    table.integer('workloads').notNullable().defaultTo(0);
    table.string('product', 255).nullable();
    table.string('team', 255).nullable();
    table.string('department', 255).nullable();
    table.string('company', 255).nullable();
    table
      .text('detail')
      .nullable()
      .comment('JSON scorecard detail; dropped for thinned history');
    table.primary(['snapshot_id', 'level_kind', 'entity_ref']);
    // History of one entity over time.
    table.index(['entity_ref', 'snapshot_id'], 'maturity_scores_entity_idx');
  });
  await knex.schema.createTable('maturity_facts', table => {
    table.comment(
      'Latest facts per workload and collector, the fallback when a collector fails.',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('collector', 64).notNullable();
    table
      .text('facts')
      .notNullable()
      .comment('JSON object of fact id to value');
    table.dateTime('collected_at').notNullable();
    table.primary(['entity_ref', 'collector']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_facts');
  await knex.schema.dropTable('maturity_scores');
  await knex.schema.dropTable('maturity_snapshots');
};
