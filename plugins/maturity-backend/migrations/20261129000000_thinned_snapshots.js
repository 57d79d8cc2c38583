// @ts-check

/**
 * Retention thins a snapshot once: the last snapshot of a day loses its detail when the day is
 * older than `detailDays`. Without a mark every run looked for detail again in every thinned day
 * it keeps, reading all their rows: 1.2 s for 29 days of 100,000 workloads on PostgreSQL, and
 * growing with the days kept (730 by default). Snapshots thinned before the mark existed are
 * thinned once more by the next run, which marks them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.boolean('thinned').notNullable().defaultTo(false);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.dropColumn('thinned');
  });
};
