// @ts-check

/**
 * Monthly budgets of teams and departments set through the API. Those declared in app-config
 * (`maturity.budgets`) are read from there and never stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_budgets', table => {
    table.comment('Monthly budgets of groups, set through the API');
    table.string('group_ref', 255).primary();
    table.double('monthly').notNullable().comment('In the cost currency');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_budgets');
};
