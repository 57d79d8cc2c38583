// @ts-check

/**
 * Two defects found under bad input and faults:
 * - A Component's title is free text of any length in the catalog; at varchar(255) one long
 *   title made every run fail on PostgreSQL. SQLite never enforced the length, so only
 *   PostgreSQL's column changes.
 * - A run whose process died stayed `running` until the next run deleted it unrecorded. A running
 *   run now renews `heartbeat_at`; one whose heartbeat is older than the lease is recorded as
 *   failed. Rows running before this migration have none and count as dead.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await exports.widenTitles(knex);
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.dateTime('heartbeat_at').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('maturity_snapshots', table => {
    table.dropColumn('heartbeat_at');
  });
  if (knex.client.config.client === 'pg') {
    await knex('maturity_workloads').update({
      title: knex.raw('left(title, 255)'),
    });
    await knex.schema.alterTable('maturity_workloads', table => {
      table.string('title', 255).nullable().alter();
    });
  }
};

/**
 * Makes the inventory's titles free text; only PostgreSQL's column changes.
 *
 * @param {import('knex').Knex} knex
 */
exports.widenTitles = async function widenTitles(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('maturity_workloads', table => {
      table.text('title').nullable().alter();
    });
  }
};
