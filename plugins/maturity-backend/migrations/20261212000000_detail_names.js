// @ts-check

/**
 * The names of facts and checks, each once, by number: a workload's stored detail names the facts
 * and checks it holds by these numbers (`snapshot/workloadDetail.ts`). A name's number never
 * changes and names are never deleted: they number as the facts and checks a deployment ever
 * defined (hundreds), however many details refer to them. Details stored before keep their names.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_detail_names', table => {
    table.comment(
      'Names of facts and checks by number; stored workload details refer to them',
    );
    table.integer('number').notNullable().primary();
    table.text('name').notNullable().unique();
  });
};

/**
 * A detail that names facts and checks by number cannot be read without the names, and the code
 * before this migration reads no such detail: going back is refused while one is stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const numbered = await knex('maturity_details')
    .where('detail', 'like', '{"v":3,%')
    .first('entity_ref');
  if (numbered)
    throw new Error(
      `Cannot undo migration 20261212000000_detail_names: stored details (e.g. ${numbered.entity_ref}'s) name their facts and checks by the numbers in maturity_detail_names; delete the snapshots stored since the upgrade first`,
    );
  await knex.schema.dropTable('maturity_detail_names');
};
