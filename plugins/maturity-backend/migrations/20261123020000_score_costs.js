// @ts-check

/**
 * Cost figures beside the scores: each snapshot row carries its hourly cost, waste, potential
 * monthly saving and cost-weighted efficiency, so that cost history lives with score history and
 * survives thinning (only the JSON detail is dropped from old snapshots).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.double('hourly_cost').nullable();
    table.double('hourly_waste').nullable();
    table.double('monthly_saving').nullable();
    table.double('efficiency').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('hourly_cost');
    table.dropColumn('hourly_waste');
    table.dropColumn('monthly_saving');
    table.dropColumn('efficiency');
  });
};
