// @ts-check

/**
 * The notifications the suite has sent, by event: a score drop between two snapshots, a waiver
 * about to expire. An event is claimed here before it is sent, so each goes out once, whichever
 * replica runs and however often the run repeats.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_notifications_sent', table => {
    table.comment('Notification events already sent, each once');
    table.string('event_key', 512).primary();
    table.timestamp('sent_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_notifications_sent');
};
