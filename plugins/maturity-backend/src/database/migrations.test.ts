import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  expectWriteToFail,
} from '../__testUtils__/databases';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { contentKey } from './contentKey';
import { placementHash } from './storedPlacements';

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@internal/plugin-maturity-backend',
  'migrations',
);

/**
 * A database migrated to the latest and back down until `migration` (its file name's timestamp)
 * is the next to run, with a succeeded snapshot.
 */
async function snapshotBefore(databaseId: TestDatabaseId, migration: string) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory });
  while ((await knex.migrate.currentVersion({ directory })) >= migration)
    await knex.migrate.down({ directory });
  const [snapshot] = await knex('maturity_snapshots')
    .insert({
      started_at: new Date(),
      finished_at: new Date(),
      status: 'succeeded',
      workloads: 3,
    })
    .returning('id');
  return { knex, snapshotId: Number(snapshot.id ?? snapshot) };
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('steps up and back down cleanly', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    // The workload list is read from the snapshots: the inventory tables are gone.
    expect(await knex.schema.hasTable('maturity_workloads')).toBe(false);
    expect(await knex.schema.hasTable('maturity_inventory_runs')).toBe(false);
    for (const table of ['maturity_snapshots', 'maturity_scores']) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    expect(await knex.schema.hasTable('maturity_facts')).toBe(false);

    expect(
      await knex.schema.hasColumn('maturity_scores', 'monthly_saving'),
    ).toBe(true);

    // SQLite stores text uncompressed; PostgreSQL's codec of the detail column is l(z4) or p(glz).
    const postgres = knex.client.config.client === 'pg';
    const compression = async (table = 'maturity_scores') =>
      postgres
        ? (
            await knex.raw(
              `SELECT attcompression AS c FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = 'detail'`,
            )
          ).rows[0].c
        : null;
    expect(await compression('maturity_details')).toBe(postgres ? 'l' : null);
    expect(await knex.schema.hasColumn('maturity_scores', 'detail')).toBe(
      false,
    );
    expect(
      await knex.schema.hasColumn('maturity_scores', 'measured_share'),
    ).toBe(true);
    expect(await knex.schema.hasTable('maturity_placements')).toBe(true);
    expect(await knex.schema.hasColumn('maturity_scores', 'team')).toBe(false);
    expect(await knex.schema.hasColumn('maturity_placements', 'platform')).toBe(
      true,
    );
    expect(await knex.schema.hasTable('maturity_run_members')).toBe(false);
    expect(await knex.schema.hasTable('maturity_detail_names')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_scores')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_detail_names')).toBe(false);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('maturity_placements', 'platform')).toBe(
      false,
    );
    expect(await knex.schema.hasTable('maturity_run_members')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_placements')).toBe(false);
    expect(await knex.schema.hasColumn('maturity_scores', 'team')).toBe(true);
    expect(await knex.schema.hasTable('maturity_cluster_costs')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_cluster_costs')).toBe(false);
    expect(await knex.schema.hasTable('maturity_budgets')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_budgets')).toBe(false);
    expect(await knex.schema.hasTable('maturity_initiatives')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_initiatives')).toBe(false);
    expect(await knex.schema.hasTable('maturity_notifications_sent')).toBe(
      true,
    );
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_notifications_sent')).toBe(
      false,
    );
    await knex.migrate.down({ directory });
    expect(
      await knex.schema.hasColumn('maturity_scores', 'measured_share'),
    ).toBe(false);
    // Details move back onto their rows, one step down.
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_details')).toBe(false);
    expect(await knex.schema.hasTable('maturity_run_members')).toBe(false);
    expect(await compression()).toBe(postgres ? 'l' : null);

    expect(await knex.schema.hasColumn('maturity_snapshots', 'thinned')).toBe(
      true,
    );

    expect(
      await knex.schema.hasColumn('maturity_snapshots', 'heartbeat_at'),
    ).toBe(true);
    // One step down brings the inventory back, empty, as the migration before left it.
    await knex.migrate.down({ directory });
    expect(await knex('maturity_workloads').count({ n: '*' })).toEqual([
      { n: postgres ? '0' : 0 },
    ]);
    expect(await knex.schema.hasTable('maturity_inventory_runs')).toBe(true);
    // A title of any length is stored (PostgreSQL refused more than 255 characters).
    const long = 'T'.repeat(300);
    await knex('maturity_workloads').insert({
      entity_ref: 'component:default/long',
      title: long,
      cores_source: 'unknown',
      problems: '[]',
    });
    expect((await knex('maturity_workloads').first('title')).title).toBe(long);

    // Each step down undoes only its own migration; a title is cut to what the column holds.
    await knex.migrate.down({ directory });
    expect(
      await knex.schema.hasColumn('maturity_snapshots', 'heartbeat_at'),
    ).toBe(false);
    expect(
      (await knex('maturity_workloads').first('title')).title,
    ).toHaveLength(postgres ? 255 : 300);
    await knex('maturity_workloads').delete();
    await knex('maturity_snapshots').insert({
      started_at: new Date(),
      finished_at: new Date(),
      status: 'succeeded',
      workloads: 0,
    });
    // A snapshot written before the mark existed counts as not yet thinned.
    expect(
      (await knex('maturity_snapshots').first('thinned')).thinned,
    ).toBeFalsy();
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('maturity_snapshots', 'thinned')).toBe(
      false,
    );
    expect(await knex('maturity_snapshots').count({ n: '*' })).toEqual([
      { n: postgres ? '1' : 1 },
    ]);
    await knex('maturity_inventory_runs').insert({
      id: 7,
      finished_at: new Date('2026-11-20T00:00:00Z'),
      workload_count: 1,
    });
    await knex('maturity_workloads').insert({
      entity_ref: 'component:default/a',
      cores_source: 'unknown',
      problems: '[]',
    });
    await knex.migrate.down({ directory });
    expect(await knex('maturity_workloads').select('run_id')).toEqual([
      { run_id: 7 },
    ]);
    await knex.migrate.down({ directory });
    expect(await compression()).toBe(postgres ? 'p' : null);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_facts')).toBe(true);
    await knex.migrate.down({ directory });
    expect(
      await knex.schema.hasColumn('maturity_scores', 'monthly_saving'),
    ).toBe(false);
    expect(await knex.schema.hasColumn('maturity_scores', 'score')).toBe(true);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_scores')).toBe(false);
    expect(await knex.schema.hasTable('maturity_workloads')).toBe(true);

    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('maturity_workloads')).toBe(false);
    expect(await knex.schema.hasTable('maturity_inventory_runs')).toBe(false);

    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('maturity_scores')).toBe(true);
    expect(await knex.schema.hasTable('maturity_workloads')).toBe(false);
  });

  it('refuses to undo numbered names while a stored detail names by number', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    while (
      (await knex.migrate.currentVersion({ directory })) > '20261212000000'
    )
      await knex.migrate.down({ directory });
    await knex('maturity_details').insert({
      entity_ref: 'component:default/cart',
      hash: 'h',
      detail: '{"v":3,"facts":[0],"checks":[1]}',
    });
    await expect(knex.migrate.down({ directory })).rejects.toThrow(
      "stored details (e.g. component:default/cart's) name their facts and checks by the numbers in maturity_detail_names",
    );
    expect(await knex.schema.hasTable('maturity_detail_names')).toBe(true);
    await knex('maturity_details').delete();
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('maturity_detail_names')).toBe(false);
  });

  it("moves stored details into maturity_details, each entity's once, keyed as a run keys them, and back", async () => {
    // Down to the step before details were stored by content.
    const { knex, snapshotId } = await snapshotBefore(
      databaseId,
      '20261204000000',
    );
    const same = JSON.stringify({
      checks: [['hpa-elastic', 'pass', 1, [], 0]],
    });
    const other = JSON.stringify({ title: 'Zoë’s café' });
    const row = (name: string, detail: string | null) => ({
      snapshot_id: snapshotId,
      level_kind: 'workload',
      entity_ref: `component:default/${name}`,
      workloads: 1,
      detail,
    });
    await knex('maturity_scores').insert([
      row('a', same),
      { ...row('a', same), snapshot_id: snapshotId, level_kind: 'team' },
      row('b', same),
      row('c', other),
      row('thinned', null),
    ]);

    // That step keyed a detail by 22 characters of its hash (the compact scores cut them to 11).
    const keyed22 = (json: string) => contentKey(json, 22);
    await knex.migrate.up({ directory });
    // a and b are two entities: each keeps its own.
    expect(await knex('maturity_details').orderBy('entity_ref')).toEqual([
      {
        entity_ref: 'component:default/a',
        hash: keyed22(same),
        detail: same,
      },
      {
        entity_ref: 'component:default/b',
        hash: keyed22(same),
        detail: same,
      },
      {
        entity_ref: 'component:default/c',
        hash: keyed22(other),
        detail: other,
      },
    ]);
    // a's rows as a workload and as a team share their one detail.
    expect(
      await knex('maturity_scores')
        .where('level_kind', 'team')
        .select('entity_ref', 'detail_hash'),
    ).toEqual([
      { entity_ref: 'component:default/a', detail_hash: keyed22(same) },
    ]);
    expect(
      await knex('maturity_scores')
        .where('level_kind', 'workload')
        .orderBy('entity_ref')
        .select('entity_ref', 'detail_hash'),
    ).toEqual([
      { entity_ref: 'component:default/a', detail_hash: keyed22(same) },
      { entity_ref: 'component:default/b', detail_hash: keyed22(same) },
      { entity_ref: 'component:default/c', detail_hash: keyed22(other) },
      { entity_ref: 'component:default/thinned', detail_hash: null },
    ]);

    await knex.migrate.down({ directory });
    expect(
      await knex('maturity_scores')
        .where('level_kind', 'workload')
        .orderBy('entity_ref')
        .select('entity_ref', 'detail'),
    ).toEqual([
      { entity_ref: 'component:default/a', detail: same },
      { entity_ref: 'component:default/b', detail: same },
      { entity_ref: 'component:default/c', detail: other },
      { entity_ref: 'component:default/thinned', detail: null },
    ]);
  });

  it('stores the level kind as a number, the figures before the texts, and back', async () => {
    // Down to the step before the scores were rewritten compact.
    const { knex, snapshotId } = await snapshotBefore(
      databaseId,
      '20261213000000',
    );
    const figures = {
      score: 72.5,
      platform: 80,
      business: 61.25,
      cores: 2.5,
      measured_share: 0.75,
      hourly_cost: 0.125,
      hourly_waste: 0.03125,
      monthly_saving: 22.8125,
      efficiency: 0.5,
      workloads: 1,
      level: 'L3',
    };
    const stored = [
      {
        ...figures,
        level_kind: 'workload',
        entity_ref: 'component:default/a',
        detail_hash: 'hash-of-a-detail-22chr',
        placement_hash: 'place-of-a1',
      },
      {
        ...figures,
        level_kind: 'team',
        entity_ref: 'group:default/checkout',
        workloads: 40,
        detail_hash: null,
        placement_hash: null,
      },
      {
        ...figures,
        level_kind: 'platform',
        entity_ref: 'cluster:prod-1',
        workloads: 7,
        detail_hash: null,
        placement_hash: null,
      },
    ];
    await knex('maturity_scores').insert(
      stored.map(row => ({ snapshot_id: snapshotId, ...row })),
    );
    const rows = async () => knex('maturity_scores').orderBy('entity_ref');

    await knex('maturity_details').insert({
      entity_ref: 'component:default/a',
      hash: 'hash-of-a-detail-22chr',
      detail: '{"title":"A"}',
    });

    await knex.migrate.up({ directory });
    // workload 1, team 3, platform 6: from the narrowest level. The detail's key is cut to
    // 11 characters where it is stored and where it is referred to.
    expect(await rows()).toEqual([
      { snapshot_id: snapshotId, ...stored[2], level_kind: 6 },
      {
        snapshot_id: snapshotId,
        ...stored[0],
        level_kind: 1,
        detail_hash: 'hash-of-a-d',
      },
      { snapshot_id: snapshotId, ...stored[1], level_kind: 3 },
    ]);
    expect(await knex('maturity_details').select('hash')).toEqual([
      { hash: 'hash-of-a-d' },
    ]);
    const postgres = knex.client.config.client === 'pg';
    // The doubles first, then integers, then texts; nothing left of dropped columns.
    const columns: Array<{ name: string }> = postgres
      ? (
          await knex.raw(
            `SELECT attname AS name FROM pg_attribute
             WHERE attrelid = 'maturity_scores'::regclass AND attnum > 0 ORDER BY attnum`,
          )
        ).rows
      : await knex.raw('PRAGMA table_info(maturity_scores)');
    expect(columns.map(c => c.name)).toEqual([
      'score',
      'platform',
      'business',
      'cores',
      'measured_share',
      'hourly_cost',
      'hourly_waste',
      'monthly_saving',
      'efficiency',
      'snapshot_id',
      'workloads',
      'level_kind',
      'entity_ref',
      'level',
      'detail_hash',
      'placement_hash',
    ]);
    // The primary key holds: a second team row of the snapshot is refused.
    await expectWriteToFail(
      knex('maturity_scores').insert({
        snapshot_id: snapshotId,
        level_kind: 3,
        entity_ref: 'group:default/checkout',
      }),
    );
    // The store reads the kinds back by name.
    const store = await DatabaseSnapshotStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });
    expect(await store.getLevelKinds(snapshotId, 'cluster:prod-1')).toEqual([
      'platform',
    ]);
    const [a] = await store.getScores(snapshotId, {
      ref: 'component:default/a',
    });
    expect([a.levelKind, a.detail]).toEqual(['workload', { title: 'A' }]);
    expect(
      (
        await store.getScores(snapshotId, {
          levelKind: 'team',
          figuresOnly: true,
        })
      ).map(r => [r.ref, r.score, r.workloads, r.cost?.monthlySaving]),
    ).toEqual([['group:default/checkout', 72.5, 40, 22.8125]]);
    // Deleting a snapshot still deletes its rows, and only its.
    if (!postgres) await knex.raw('PRAGMA foreign_keys = ON');
    const [later] = await knex('maturity_snapshots')
      .insert({
        started_at: new Date(),
        finished_at: new Date(),
        status: 'succeeded',
        workloads: 0,
      })
      .returning('id');
    const laterId = Number(later.id ?? later);
    await knex('maturity_scores').insert({
      snapshot_id: laterId,
      level_kind: 5,
      entity_ref: 'group:default/acme',
    });
    await knex('maturity_snapshots').where('id', laterId).delete();
    expect(
      (await rows()).map(r => [r.snapshot_id, r.level_kind, r.entity_ref]),
    ).toEqual([
      [snapshotId, 6, 'cluster:prod-1'],
      [snapshotId, 1, 'component:default/a'],
      [snapshotId, 3, 'group:default/checkout'],
    ]);

    await knex.migrate.down({ directory });
    // The kinds are names again; the keys stay cut, and still refer to their details.
    expect(await rows()).toEqual([
      { snapshot_id: snapshotId, ...stored[2] },
      { snapshot_id: snapshotId, ...stored[0], detail_hash: 'hash-of-a-d' },
      { snapshot_id: snapshotId, ...stored[1] },
    ]);
  });

  it("moves workloads' places into maturity_placements, each once, keyed as a run keys them, and back", async () => {
    // Down to the step before places were stored by content.
    const { knex, snapshotId } = await snapshotBefore(
      databaseId,
      '20261210000000',
    );
    const full = {
      product: 'system:default/shop',
      team: 'group:default/checkout',
      department: 'group:default/retail',
      company: 'group:default/acme',
    };
    // A team's own workload sits in no product.
    const teamOnly = {
      product: null,
      team: 'group:default/checkout',
      department: 'group:default/retail',
      company: 'group:default/acme',
    };
    const row = (name: string, place: object, levelKind = 'workload') => ({
      snapshot_id: snapshotId,
      level_kind: levelKind,
      entity_ref: `component:default/${name}`,
      workloads: 1,
      ...place,
    });
    await knex('maturity_scores').insert([
      row('a', full),
      row('b', full),
      row('c', teamOnly),
      row('checkout', {}, 'team'),
    ]);

    await knex.migrate.up({ directory });
    // Two places for three workloads; the team's row has none.
    const byHash = (x: { hash: string }, y: { hash: string }) =>
      x.hash < y.hash ? -1 : 1;
    expect((await knex('maturity_placements')).sort(byHash)).toEqual(
      [
        { hash: placementHash(full), ...full },
        { hash: placementHash(teamOnly), ...teamOnly },
      ].sort(byHash),
    );
    expect(
      await knex('maturity_scores')
        .orderBy(['level_kind', 'entity_ref'])
        .select('entity_ref', 'placement_hash'),
    ).toEqual([
      { entity_ref: 'component:default/checkout', placement_hash: null },
      {
        entity_ref: 'component:default/a',
        placement_hash: placementHash(full),
      },
      {
        entity_ref: 'component:default/b',
        placement_hash: placementHash(full),
      },
      {
        entity_ref: 'component:default/c',
        placement_hash: placementHash(teamOnly),
      },
    ]);
    // The store, on the latest schema, reads the moved places back, and finds workloads under a
    // level through them.
    await knex.migrate.latest({ directory });
    const store = await DatabaseSnapshotStore.create({
      database: mockServices.database({ knex }),
      skipMigrations: true,
    });
    const [a] = await store.getScores(snapshotId, {
      ref: 'component:default/a',
      figuresOnly: true,
    });
    expect([a.product, a.team, a.department, a.company]).toEqual(
      Object.values(full),
    );
    const underTeam = await store.getScores(snapshotId, {
      under: { level: 'team', ref: 'group:default/checkout' },
      figuresOnly: true,
    });
    expect(underTeam.map(r => [r.ref, r.product ?? null])).toEqual([
      ['component:default/a', 'system:default/shop'],
      ['component:default/b', 'system:default/shop'],
      ['component:default/c', null],
    ]);
    expect(
      await store.getGroupsUnder(
        snapshotId,
        { level: 'department', ref: 'group:default/retail' },
        'product',
      ),
    ).toEqual(['system:default/shop']);
    // On PostgreSQL the entity index leaves room for the next run's entries.
    const postgres = knex.client.config.client === 'pg';
    const reloptions = postgres
      ? (
          await knex.raw(
            "SELECT reloptions FROM pg_class WHERE relname = 'maturity_scores_entity_idx'",
          )
        ).rows[0].reloptions
      : null;
    expect(reloptions).toEqual(postgres ? ['fillfactor=70'] : null);
    // Rows are found by snapshot and place through an index of the rows that have one.
    const indexSql = postgres
      ? (
          await knex.raw(
            "SELECT indexdef AS sql FROM pg_indexes WHERE indexname = 'maturity_scores_placement_idx'",
          )
        ).rows[0].sql
      : (
          await knex.raw(
            "SELECT sql FROM sqlite_master WHERE name = 'maturity_scores_placement_idx'",
          )
        )[0].sql;
    expect(indexSql).toMatch(
      /\(snapshot_id, placement_hash\)\s+WHERE \(?placement_hash IS NOT NULL/,
    );

    while (
      (await knex.migrate.currentVersion({ directory })) >= '20261210000000'
    )
      await knex.migrate.down({ directory });
    expect(
      await knex('maturity_scores')
        .where('level_kind', 'workload')
        .orderBy('entity_ref')
        .select('entity_ref', 'product', 'team', 'department', 'company'),
    ).toEqual([
      { entity_ref: 'component:default/a', ...full },
      { entity_ref: 'component:default/b', ...full },
      { entity_ref: 'component:default/c', ...teamOnly },
    ]);
  });
});
