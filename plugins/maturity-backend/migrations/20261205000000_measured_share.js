// @ts-check

/**
 * A score row's `measured_share`: the share of its check weight that rests on measured facts
 * (Kubernetes, Prometheus) rather than declared ones (annotations, config), core-weighted for a
 * group. Leaderboards show it beside the score; history keeps it through thinning. Rows written
 * before it existed have none (null).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.double('measured_share').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('measured_share');
  });
};
