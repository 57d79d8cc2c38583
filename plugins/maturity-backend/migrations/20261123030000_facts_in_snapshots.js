// @ts-check

/**
 * The latest facts now live in the current snapshot: each workload's stored detail holds every
 * fact once with the collector that gave it, which is what a failed collector falls back to.
 * Writing them a second time into maturity_facts cost a fifth of a 100,000-workload run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('maturity_facts');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
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
