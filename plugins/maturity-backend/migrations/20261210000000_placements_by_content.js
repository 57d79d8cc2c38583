// @ts-check

const LEVELS = ['product', 'team', 'department', 'company'];

/**
 * A workload's place in the hierarchy, stored by content.
 *
 * - Each distinct (product, team, department, company) is stored once in `maturity_placements`,
 *   keyed by a hash of the four refs, and a workload row refers to it by `placement_hash`: the
 *   four refs were ~97 of the row's ~280 bytes, written on every run for every workload. The
 *   hash is SHA-256 of the refs (an absent one as an empty string), one per line, in base64url,
 *   cut to its first 11 characters; the run computes the same (`storedPlacements.ts`).
 * - Each level has an index of its own, and the scores one of (snapshot_id, placement_hash): a
 *   route that asks for the workloads under a team finds the team's places, then their rows in
 *   the snapshot: under 2 ms at 1,000,000 workloads with 30 days stored, against 0.4–1.5 s on
 *   SQLite and 3.4–3.9 s on PostgreSQL to read every workload row of the snapshot.
 *   The index is partial: a roll-up's row, and a thinned one, has no place and no entry.
 * - On PostgreSQL the scores' entity index is filled to 70 % as it grows: the next run adds each
 *   entity's new row next to its old one, deduplicated into one entry with two row pointers,
 *   which fits in the room left instead of splitting every page of the index in two.
 *
 * Stored rows move over: each row's place is hashed in the database (PostgreSQL's sha256, or the
 * same function registered on SQLite's connection) and stored once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = knex.client.config.client === 'pg';
  await knex.schema.createTable('maturity_placements', table => {
    table.comment(
      'Places in the hierarchy by content; maturity_scores.placement_hash refers to them.',
    );
    table.string('hash', 11).notNullable().primary();
    for (const level of LEVELS) {
      table.string(level, 255).nullable();
      table.index([level], `maturity_placements_${level}_idx`);
    }
  });
  await knex.schema.alterTable('maturity_scores', table => {
    table.string('placement_hash', 11).nullable();
  });

  const path = `${LEVELS.map(level => `COALESCE(${level}, '')`).join(
    postgres ? ` || E'\\n' || ` : ` || char(10) || `,
  )}`;
  const hashOf = postgres
    ? `translate(substr(encode(sha256(convert_to(${path}, 'UTF8')), 'base64'), 1, 11), '+/', '-_')`
    : `maturity_placement_hash(${path})`;
  if (!postgres) {
    // Inside the migration's transaction knex hands out its connection.
    const connection = await knex.client.acquireConnection();
    connection.function(
      'maturity_placement_hash',
      { deterministic: true },
      (/** @type {string} */ text) =>
        require('node:crypto')
          .createHash('sha256')
          .update(text, 'utf8')
          .digest('base64url')
          .slice(0, 11),
    );
  }
  // Only a workload has a place.
  const placed = `level_kind = 'workload' AND (${LEVELS.map(
    level => `${level} IS NOT NULL`,
  ).join(' OR ')})`;
  await knex.raw(
    `UPDATE maturity_scores SET placement_hash = ${hashOf} WHERE ${placed}`,
  );
  await knex.raw(
    `INSERT INTO maturity_placements (hash, ${LEVELS.join(', ')})
     SELECT placement_hash, ${LEVELS.map(l => `MIN(${l})`).join(', ')}
     FROM maturity_scores WHERE placement_hash IS NOT NULL GROUP BY placement_hash`,
  );
  await knex.schema.alterTable('maturity_scores', table => {
    for (const level of LEVELS) table.dropColumn(level);
  });
  await knex.raw(
    `CREATE INDEX maturity_scores_placement_idx ON maturity_scores (snapshot_id, placement_hash)
     WHERE placement_hash IS NOT NULL`,
  );
  if (postgres)
    await knex.raw(
      'ALTER INDEX maturity_scores_entity_idx SET (fillfactor = 70)',
    );
};

/**
 * Puts every place back on its rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg')
    await knex.raw('ALTER INDEX maturity_scores_entity_idx RESET (fillfactor)');
  await knex.schema.alterTable('maturity_scores', table => {
    for (const level of LEVELS) table.string(level, 255).nullable();
  });
  await knex.raw(
    `UPDATE maturity_scores SET ${LEVELS.map(
      level => `${level} = (SELECT p.${level} FROM maturity_placements p
        WHERE p.hash = maturity_scores.placement_hash)`,
    ).join(', ')}
     WHERE placement_hash IS NOT NULL`,
  );
  await knex.raw('DROP INDEX maturity_scores_placement_idx');
  await knex.schema.alterTable('maturity_scores', table => {
    table.dropColumn('placement_hash');
  });
  await knex.schema.dropTable('maturity_placements');
};
