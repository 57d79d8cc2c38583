// @ts-check

/**
 * Initiatives created through the API: goals with an owner, a scope (a company, department or
 * team), a target (a level, a score or checks that must pass) and a deadline. Those declared in
 * app-config are read from there and never stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_initiatives', table => {
    table.comment('Initiatives created through the API');
    table.string('id', 100).primary();
    table.string('name', 200).notNullable();
    table.string('owner', 255).notNullable();
    table.string('scope', 255).notNullable();
    table.text('target').notNullable().comment('InitiativeTarget as JSON');
    table.string('deadline', 10).notNullable().comment('YYYY-MM-DD');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_initiatives');
};
