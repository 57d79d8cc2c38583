// @ts-check

/**
 * The level kind as stored: a small number, from the narrowest level to the broadest, then the
 * platforms. A run writes its workloads' rows first and its roll-ups' at the end: numbered after
 * the workloads, the roll-ups' primary-key entries go at the end of the snapshot's, where a full
 * page is left full, instead of between the last snapshot's and this one's, where each full page
 * is split in two and left half empty. `database/levelKindCodes.ts` reads and writes the same.
 */
const CODES = {
  workload: 1,
  product: 2,
  team: 3,
  department: 4,
  company: 5,
  platform: 6,
};

/** The figures, fixed-width and widest first, then the texts. */
const FIGURES = [
  'score',
  'platform',
  'business',
  'cores',
  'measured_share',
  'hourly_cost',
  'hourly_waste',
  'monthly_saving',
  'efficiency',
];
const COLUMNS = [
  ...FIGURES,
  'snapshot_id',
  'workloads',
  'level_kind',
  'entity_ref',
  'level',
  'detail_hash',
  'placement_hash',
];

/**
 * `maturity_scores` rewritten compact: every run writes a row per workload, so the row's bytes
 * are what a repeat run in which nothing changed writes.
 *
 * - On PostgreSQL a row's columns are laid out in the order of the table, each aligned to its
 *   width: a text of 9 bytes before a double pads 7. The figures (eight-byte doubles) come first,
 *   then the four-byte integers, then the texts, which need no alignment. The rewrite also leaves
 *   behind the columns earlier migrations dropped, which a row kept room for in its null bitmap.
 * - The level kind, a text of up to 10 bytes in every row, is a two-byte number (CODES).
 * - A detail's key is cut from 22 characters to 11 (`database/detailBytes.ts` says why 66 bits
 *   are enough among one entity's details), in the scores and in `maturity_details`: cutting
 *   keeps what each row refers to, and a run computes the same 11 characters.
 *
 * Measured on PostgreSQL with 100,000 workloads: a workload's row 164 bytes instead of 204 with
 * its line pointer; an entry of the entity index 48 bytes instead of 64.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const kindCode = `CASE level_kind ${Object.entries(CODES)
    .map(([kind, code]) => `WHEN '${kind}' THEN ${code}`)
    .join(' ')} END`;
  await knex.raw(
    'UPDATE maturity_details SET hash = substr(hash, 1, 11) WHERE length(hash) > 11',
  );
  await rebuild(knex, true, {
    level_kind: kindCode,
    detail_hash: 'substr(detail_hash, 1, 11)',
  });
};

/**
 * The level kind goes back to its name. Keys stay at 11 characters: rows still find their
 * details by them, and a run of the code before computes 22-character keys for the details it
 * stores, beside them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const kindName = `CASE level_kind ${Object.entries(CODES)
    .map(([kind, code]) => `WHEN ${code} THEN '${kind}'`)
    .join(' ')} END`;
  await rebuild(knex, false, { level_kind: kindName });
};

/**
 * Moves the rows into a new `maturity_scores`, compact (a numbered level kind, 11-character
 * detail keys) or as before, each column copied or computed by its SQL expression in `computed`,
 * and builds its indexes once the rows are in.
 *
 * @param {import('knex').Knex} knex
 * @param {boolean} compact
 * @param {Record<string, string>} computed
 */
async function rebuild(knex, compact, computed) {
  const postgres = knex.client.config.client === 'pg';
  await knex.schema.renameTable('maturity_scores', 'maturity_scores_before');
  // PostgreSQL keeps the index names with the renamed table; they are needed for the new one.
  if (postgres)
    for (const index of ['pkey', 'entity_idx', 'placement_idx'])
      await knex.raw(
        `ALTER INDEX maturity_scores_${index} RENAME TO maturity_scores_before_${index}`,
      );
  await knex.schema.createTable('maturity_scores', table => {
    table.comment('Scores of one snapshot: workloads and their roll-ups.');
    for (const figure of FIGURES) table.double(figure).nullable();
    table.integer('snapshot_id').unsigned().notNullable();
    table.integer('workloads').notNullable().defaultTo(0);
    if (compact)
      table
        .smallint('level_kind')
        .notNullable()
        .comment(
          `Level kind: ${Object.entries(CODES)
            .map(([kind, code]) => `${code} ${kind}`)
            .join(', ')}`,
        );
    else
      table
        .string('level_kind', 16)
        .notNullable()
        .comment('workload | product | team | department | company | platform');
    table.string('entity_ref', 255).notNullable();
    table.string('level', 4).nullable();
    table.string('detail_hash', compact ? 11 : 22).nullable();
    table.string('placement_hash', 11).nullable();
    table
      .foreign('snapshot_id', 'maturity_scores_snapshot_id_foreign')
      .references('id')
      .inTable('maturity_snapshots')
      .onDelete('CASCADE');
    // SQLite takes a primary key only with its table.
    if (!postgres) table.primary(['snapshot_id', 'level_kind', 'entity_ref']);
  });
  await knex.raw(
    `INSERT INTO maturity_scores (${COLUMNS.join(', ')})
     SELECT ${COLUMNS.map(c => computed[c] ?? c).join(
       ', ',
     )} FROM maturity_scores_before`,
  );
  await knex.schema.dropTable('maturity_scores_before');
  // A run's keys come after the last run's, and its roll-ups' after its workloads' (CODES): the
  // primary key grows at its end, where a full page is split leaving the old page as full as the
  // fill factor says and nothing comes back to fill it. On PostgreSQL that is 100 %, not 90 %.
  if (postgres)
    await knex.raw(
      `ALTER TABLE maturity_scores ADD CONSTRAINT maturity_scores_pkey
       PRIMARY KEY (snapshot_id, level_kind, entity_ref)${
         compact ? ' WITH (fillfactor = 100)' : ''
       }`,
    );
  // On PostgreSQL filled to 70 %, as 20261210000000_placements_by_content explains.
  await knex.raw(
    `CREATE INDEX maturity_scores_entity_idx ON maturity_scores (entity_ref, detail_hash)${
      postgres ? ' WITH (fillfactor = 70)' : ''
    }`,
  );
  await knex.raw(
    `CREATE INDEX maturity_scores_placement_idx ON maturity_scores (snapshot_id, placement_hash)
     WHERE placement_hash IS NOT NULL`,
  );
}
