import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createHash } from 'node:crypto';
import {
  createTestDatabases,
  expectWriteToFail,
  postgresIds,
  SqliteFiles,
} from '../__testUtils__/databases';
import { failAt, saveAt } from '../__testUtils__/snapshots';
import { DatabaseSnapshotStore } from './DatabaseSnapshotStore';
import { estimatedRows } from './openDatabase';
import { threadConnection } from './pgPageWriter';
import { ScoreRow } from './SnapshotStore';
import { placementHash } from './storedPlacements';

const databases = createTestDatabases();

const workload = (
  name: string,
  score: number | null,
  extra: Partial<ScoreRow> = {},
): ScoreRow => ({
  levelKind: 'workload',
  ref: `component:default/${name}`,
  score,
  platform: score,
  business: score,
  level: score === null ? null : 'L3',
  cores: 4,
  workloads: 1,
  department: 'group:default/retail',
  detail: { checks: [{ id: 'hpa-elastic', credit: 0.5 }] },
  ...extra,
});
const department = (
  score: number,
  extra: Partial<ScoreRow> = {},
): ScoreRow => ({
  levelKind: 'department',
  ref: 'group:default/retail',
  score,
  platform: score,
  business: score,
  level: 'L2',
  cores: 8,
  workloads: 2,
  ...extra,
});
const cost = {
  hourlyCost: 0.25,
  hourlyWaste: 0.125,
  monthlySaving: 42.5,
  efficiency: 0.5,
};
/**
 * Every database the store runs on: the test databases, where a run's pages are written by a
 * thread of their own (pageWriter) on PostgreSQL; SQLite in a file, where they are too; and
 * PostgreSQL with settings no thread can be given (a password callback), where the backend's
 * connection writes them.
 */
const SQLITE_FILE = 'SQLITE_3 in a file';
const PG_ON_CONNECTION = "POSTGRES_15 on the backend's connection";
const files = new SqliteFiles();
const opened: Knex[] = [];
afterAll(async () => {
  await files.removeAll();
  for (const knex of opened.splice(0)) await knex.destroy();
});

/** A second client of a test database whose password is a callback, as knex allows. */
async function withPasswordCallback(knex: Knex): Promise<Knex> {
  const settings = await threadConnection(knex);
  const own = knexFactory({
    ...knex.client.config,
    connection: {
      ...(typeof settings === 'string'
        ? { connectionString: settings }
        : (settings as object)),
      password: () => '',
    },
  });
  opened.push(own);
  return own;
}

describe.each([
  ...databases.eachSupportedId(),
  [SQLITE_FILE] as const,
  ...postgresIds(databases).map(() => [PG_ON_CONNECTION] as const),
])('DatabaseSnapshotStore on %p', databaseId => {
  async function createStore() {
    let knex: Knex;
    if (databaseId === SQLITE_FILE) knex = files.open();
    else if (databaseId === PG_ON_CONNECTION)
      knex = await withPasswordCallback(await databases.init('POSTGRES_15'));
    else knex = await databases.init(databaseId);
    const store = await DatabaseSnapshotStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it('saves a snapshot and reads its rows back with their detail', async () => {
    const { store } = await createStore();
    expect(await store.getCurrentSnapshot()).toBeUndefined();
    const saved = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 62.5, { measuredShare: 0.7 }),
      workload('b', null, { cores: 0.5 }),
      department(62.5, { cost, measuredShare: 0.7 }),
    ]);
    expect(await store.getCurrentSnapshot()).toEqual({
      id: saved.id,
      status: 'succeeded',
      workloads: 2,
      startedAt: new Date('2026-11-20T09:59:59Z'),
      finishedAt: new Date('2026-11-20T10:00:00Z'),
    });
    expect(
      await store.getScores(saved.id, { ref: 'component:default/b' }),
    ).toEqual([workload('b', null, { cores: 0.5 })]);
    expect(
      await store.getScores(saved.id, { levelKind: 'department' }),
    ).toEqual([department(62.5, { cost, measuredShare: 0.7 })]);
    expect(
      (await store.getScores(saved.id, { ref: 'component:default/a' }))[0]
        .measuredShare,
    ).toBe(0.7);
    const under = await store.getScores(saved.id, {
      under: { level: 'department', ref: 'group:default/retail' },
    });
    expect(under.map(r => r.ref)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(await store.getLevelKinds(saved.id, 'group:default/retail')).toEqual(
      ['department'],
    );
  });

  it('lists the groups that the workloads under a roll-up belong to, each once', async () => {
    const { store } = await createStore();
    const product = (name: string) => ({ product: `system:default/${name}` });
    const saved = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50, product('search')),
      workload('b', 50, product('cart')),
      workload('c', 50, product('search')),
      // In another department, and in no product: neither is listed.
      workload('d', 50, {
        ...product('lab'),
        department: 'group:default/labs',
      }),
      workload('e', 50),
      // A roll-up row is not a workload, whatever its columns say.
      { ...department(50), ...product('ghost') },
    ]);
    const retail = {
      level: 'department',
      ref: 'group:default/retail',
    } as const;
    expect(await store.getGroupsUnder(saved.id, retail, 'product')).toEqual([
      'system:default/cart',
      'system:default/search',
    ]);
    expect(await store.getGroupsUnder(saved.id, retail, 'team')).toEqual([]);
  });

  it('reads the workloads under a roll-up that are in no group of a level below it', async () => {
    const { store } = await createStore();
    const team = (name: string) => ({ team: `group:default/${name}` });
    const saved = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50, team('checkout')),
      workload('b', 50),
      workload('c', 50, { ...team('search'), product: 'system:default/s' }),
      workload('d', 50),
      // In another department and in no team: not under retail.
      workload('e', 50, { department: 'group:default/labs' }),
    ]);
    const retail = (outside?: 'team' | 'product') =>
      store.getScores(saved.id, {
        under: { level: 'department', ref: 'group:default/retail', outside },
        figuresOnly: true,
      });
    expect((await retail()).map(r => r.ref)).toEqual(
      ['a', 'b', 'c', 'd'].map(w => `component:default/${w}`),
    );
    expect((await retail('team')).map(r => r.ref)).toEqual([
      'component:default/b',
      'component:default/d',
    ]);
    expect((await retail('product')).map(r => r.ref)).toEqual(
      ['a', 'b', 'd'].map(w => `component:default/${w}`),
    );
  });

  it('reads rows for their figures only, or their level and score alone, without the detail', async () => {
    const { store } = await createStore();
    const place = {
      product: 'system:default/shop',
      team: 'group:default/checkout',
      company: 'group:default/acme',
      platformRef: 'resource:default/tke',
    };
    const saved = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 62.5, { cost, ...place }),
      workload('b', null),
      department(62.5, { cost, detail: { unweightedWorkloads: 1 } }),
    ]);
    const { detail: _a, ...a } = workload('a', 62.5, { cost, ...place });
    const { detail: _b, ...b } = workload('b', null);
    expect(
      await store.getScores(saved.id, {
        under: { level: 'department', ref: 'group:default/retail' },
        figuresOnly: true,
      }),
    ).toEqual([a, b]);
    // Without places: the same figures, and none of the groups or the platform a workload is in.
    const {
      department: _ad,
      product: _ap,
      team: _at,
      company: _ac,
      platformRef: _apr,
      ...aFigures
    } = a;
    const { department: _bd, ...bFigures } = b;
    expect(
      await store.getScores(saved.id, {
        under: { level: 'department', ref: 'group:default/retail' },
        figuresOnly: true,
        withoutPlaces: true,
      }),
    ).toEqual([aFigures, bFigures]);
    expect(aFigures).toEqual({
      levelKind: 'workload',
      ref: 'component:default/a',
      score: 62.5,
      platform: 62.5,
      business: 62.5,
      level: 'L3',
      cores: 4,
      workloads: 1,
      cost,
    });
    expect(
      await store.getScores(saved.id, {
        levelKind: 'department',
        figuresOnly: true,
      }),
    ).toEqual([department(62.5, { cost })]);
    expect(await store.getScores(saved.id, { figuresOnly: true })).toHaveLength(
      3,
    );
    // Narrowest level first.
    expect(await store.getScoreLevels(saved.id)).toEqual([
      {
        levelKind: 'workload',
        ref: 'component:default/a',
        score: 62.5,
        level: 'L3',
      },
      {
        levelKind: 'workload',
        ref: 'component:default/b',
        score: null,
        level: null,
      },
      {
        levelKind: 'department',
        ref: 'group:default/retail',
        score: 62.5,
        level: 'L2',
      },
    ]);
  });

  it('reads any number of entities by ref, more than one statement can bind', async () => {
    const { store } = await createStore();
    const names = Array.from(
      { length: 1201 },
      (_, i) => `w${String(i).padStart(4, '0')}`,
    );
    const saved = await saveAt(
      store,
      '2026-11-20T10:00:00Z',
      names.map(n => workload(n, 50)),
    );
    const refs = names
      .filter((_, i) => i % 3 !== 1)
      .map(n => `component:default/${n}`);
    const rows = await store.getScores(saved.id, {
      levelKind: 'workload',
      refs,
      figuresOnly: true,
    });
    expect(rows).toHaveLength(801);
    expect(rows.map(r => r.ref)).toEqual(refs);
  });

  it('keeps text with backslashes, tabs, line breaks and characters beyond ASCII intact (details go as UTF-8 bytes; PostgreSQL writes through COPY)', async () => {
    const { store } = await createStore();
    const awkward = workload('awkward', 12.5, {
      team: 'group:default/t\\eam',
      product: 'system:default/tab\there\nline\r',
      detail: {
        title: 'Tab\there, back\\slash, \\N, new\nline, return\r.',
        problems: ['"quoted"', '', 'p99 usage × 1.15', '成本 🚀'],
      },
    });
    const saved = await saveAt(store, '2026-11-20T10:00:00Z', [
      awkward,
      workload('plain', null),
    ]);
    expect(saved.workloads).toBe(2);
    expect(
      await store.getScores(saved.id, { ref: 'component:default/awkward' }),
    ).toEqual([awkward]);
  });

  it('keeps a snapshot written page by page invisible until it is published', async () => {
    const { store } = await createStore();
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [department(40)]);
    const draft = await store.beginSnapshot(new Date('2026-11-21T10:00:00Z'));
    await draft.addRows([workload('a', 50), workload('b', 70)]);
    await draft.addRows([workload('c', 60)]);
    await draft.addRows([department(60)]);
    expect((await store.getCurrentSnapshot())?.id).toBe(first.id);
    const range = {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
    };
    expect(
      (await store.getHistory('group:default/retail', 'department', range)).map(
        h => h.score,
      ),
    ).toEqual([40]);
    expect((await store.listRuns(1))[0]).toMatchObject({
      id: draft.id,
      status: 'running',
      workloads: 0,
    });

    const published = await draft.publish(new Date('2026-11-21T10:05:00Z'));
    expect(published).toMatchObject({
      id: draft.id,
      status: 'succeeded',
      workloads: 3,
    });
    expect(await store.getCurrentSnapshot()).toEqual(published);
    expect(
      (await store.getHistory('group:default/retail', 'department', range)).map(
        h => h.score,
      ),
    ).toEqual([40, 60]);
    const page = await store.getScores(draft.id, {
      levelKind: 'workload',
      refs: ['component:default/a', 'component:default/c'],
    });
    expect(page.map(r => [r.ref, r.score])).toEqual([
      ['component:default/a', 50],
      ['component:default/c', 60],
    ]);
  });

  it('leaves the previous snapshot current when a page fails to write, deletes the pages written and records the failure', async () => {
    const { knex, store } = await createStore();
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50),
    ]);
    // A page of 1,100 rows (more than one insert batch on either database), then a page that
    // repeats a key after writing part of itself.
    const rows = Array.from({ length: 1100 }, (_, i) => workload(`w${i}`, 80));
    const draft = await store.beginSnapshot(new Date('2026-11-21T10:00:00Z'));
    await draft.addRows(rows);
    await expectWriteToFail(
      draft.addRows([
        workload('x1', 80),
        workload('x2', 80),
        workload('w3', 80),
      ]),
    );
    expect((await store.getCurrentSnapshot())?.id).toBe(first.id);

    const failed = await draft.fail(
      'duplicate key',
      new Date('2026-11-21T10:01:00Z'),
    );
    expect(failed).toMatchObject({
      id: draft.id,
      status: 'failed',
      error: 'duplicate key',
      workloads: 0,
    });
    const [{ n }] = await knex('maturity_scores').count({ n: '*' });
    expect(Number(n)).toBe(1);
    expect((await store.getScores(first.id))[0].score).toBe(50);
    const runs = await store.listRuns(5);
    expect(runs.map(r => [r.status, r.error])).toEqual([
      ['failed', 'duplicate key'],
      ['succeeded', undefined],
    ]);

    // The next run writes cleanly and becomes current.
    const next = await saveAt(store, '2026-11-21T11:00:00Z', rows);
    expect((await store.getCurrentSnapshot())?.id).toBe(next.id);
    expect((await store.getScores(next.id)).length).toBe(1100);
  });

  it('rolls a page back when scoring throws while it is written, and the connection stays usable', async () => {
    const { knex, store } = await createStore();
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50),
    ]);
    function* scoredThenFailing() {
      for (let i = 0; i < 1100; i++) yield workload(`w${i}`, 80);
      throw new Error('scoring failed at w1100');
    }
    const draft = await store.beginSnapshot(new Date('2026-11-21T10:00:00Z'));
    await expect(draft.addRows(scoredThenFailing())).rejects.toThrow(
      'scoring failed at w1100',
    );
    expect((await store.getCurrentSnapshot())?.id).toBe(first.id);
    const [{ n }] = await knex('maturity_scores').count({ n: '*' });
    expect(Number(n)).toBe(1);
    await draft.fail(
      'scoring failed at w1100',
      new Date('2026-11-21T10:01:00Z'),
    );
    const next = await saveAt(store, '2026-11-21T11:00:00Z', [
      workload('b', 60),
    ]);
    expect((await store.getCurrentSnapshot())?.id).toBe(next.id);
  });

  it('records a run whose process died as failed once its lease lapses, and deletes its rows', async () => {
    const { knex, store } = await createStore();
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50),
    ]);
    const died = await store.beginSnapshot(new Date('2026-11-21T10:00:00Z'));
    await died.addRows(
      Array.from({ length: 600 }, (_, i) => workload(`w${i}`, 80)),
    );
    await died.heartbeat(new Date('2026-11-21T10:00:45Z'));
    // Never published nor failed: the process is gone. Readers still see the first snapshot.
    expect((await store.getCurrentSnapshot())?.id).toBe(first.id);

    // 60 s after its last heartbeat it still holds its lease: no second run may begin.
    expect(await store.failDeadRuns(new Date('2026-11-21T10:01:45Z'))).toBe(0);
    expect((await store.getLiveRun(new Date('2026-11-21T10:01:45Z')))?.id).toBe(
      died.id,
    );
    await expect(
      store.beginSnapshot(new Date('2026-11-21T10:01:45Z')),
    ).rejects.toThrow(`A maturity run is already in progress (run ${died.id})`);
    // One millisecond later it is dead: recorded as failed, with when it was last alive.
    expect(
      await store.getLiveRun(new Date('2026-11-21T10:01:45.001Z')),
    ).toBeUndefined();
    expect(await store.failDeadRuns(new Date('2026-11-21T10:01:45.001Z'))).toBe(
      1,
    );
    const [{ n }] = await knex('maturity_scores').count({ n: '*' });
    expect(Number(n)).toBe(1);
    const [failed] = await store.listRuns(1);
    expect(failed).toMatchObject({
      id: died.id,
      status: 'failed',
      workloads: 0,
      error:
        'The backend running it stopped: no heartbeat since 2026-11-21T10:00:45.000Z',
    });
    expect(failed.finishedAt.toISOString()).toBe('2026-11-21T10:00:45.000Z');

    const next = await store.beginSnapshot(new Date('2026-11-21T11:00:00Z'));
    expect((await store.listRuns(5)).map(r => [r.id, r.status])).toEqual([
      [next.id, 'running'],
      [died.id, 'failed'],
      [first.id, 'succeeded'],
    ]);
    // Were the first process still alive after all, its snapshot could not be published.
    await expect(
      died.publish(new Date('2026-11-21T11:00:30Z')),
    ).rejects.toThrow(
      `Snapshot ${died.id} can no longer be published: its lease lapsed and it was recorded as failed`,
    );
    await next.addRows([workload('b', 60)]);
    expect(
      (await next.publish(new Date('2026-11-21T11:01:00Z'))).workloads,
    ).toBe(1);
  });

  it('takes a run that began before leases existed for dead at once', async () => {
    const { knex, store } = await createStore();
    const [{ id }] = await knex('maturity_snapshots')
      .insert({
        started_at: new Date('2026-11-21T10:00:00Z'),
        finished_at: new Date('2026-11-21T10:00:00Z'),
        status: 'running',
        workloads: 0,
      })
      .returning('id');
    expect(await store.failDeadRuns(new Date('2026-11-21T10:00:01Z'))).toBe(1);
    expect((await store.listRuns(1))[0]).toMatchObject({
      id: Number(typeof id === 'object' ? id.id : id),
      status: 'failed',
      error:
        'The backend running it stopped: no heartbeat since 2026-11-21T10:00:00.000Z',
    });
  });

  it('answers history over a time range, oldest first, without detail', async () => {
    const { store } = await createStore();
    for (const [day, score] of [
      ['18', 40],
      ['19', 45],
      ['20', 55],
      ['21', 60],
    ] as const) {
      await saveAt(store, `2026-11-${day}T10:00:00Z`, [department(score)]);
    }
    await failAt(store, '2026-11-20T11:00:00Z', 'x');
    const history = await store.getHistory(
      'group:default/retail',
      'department',
      {
        from: new Date('2026-11-19T00:00:00Z'),
        to: new Date('2026-11-20T23:59:59Z'),
      },
    );
    expect(history.map(h => [h.at.toISOString(), h.score])).toEqual([
      ['2026-11-19T10:00:00.000Z', 45],
      ['2026-11-20T10:00:00.000Z', 55],
    ]);
    expect(
      (await store.getSnapshotAtOrBefore(new Date('2026-11-20T12:00:00Z')))
        ?.finishedAt,
    ).toEqual(new Date('2026-11-20T10:00:00Z'));
  });

  it("keeps each run's cluster costs for the cluster's history, and none of a failed run", async () => {
    const { knex, store } = await createStore();
    const run = async (iso: string, hourly: number, fail = false) => {
      const started = new Date(new Date(iso).getTime() - 1000);
      const draft = await store.beginSnapshot(started);
      await draft.addRows([department(50)]);
      await draft.addClusterCosts([
        {
          cluster: 'prod',
          hourlyCost: hourly,
          allocatedHourlyCost: hourly * 0.75,
          idleHourlyCost: hourly * 0.25,
        },
        {
          cluster: 'edge',
          hourlyCost: 1,
          allocatedHourlyCost: 1,
          idleHourlyCost: 0,
        },
      ]);
      return fail
        ? draft.fail('x', new Date(iso))
        : draft.publish(new Date(iso));
    };
    await run('2026-11-19T10:00:00Z', 40);
    await run('2026-11-20T10:00:00Z', 48);
    // A failed run's costs go with its rows.
    await run('2026-11-20T11:00:00Z', 99, true);
    const range = {
      from: new Date('2026-11-19T00:00:00Z'),
      to: new Date('2026-11-21T00:00:00Z'),
    };
    expect(await store.getClusterCostHistory('prod', range)).toEqual([
      {
        cluster: 'prod',
        hourlyCost: 40,
        allocatedHourlyCost: 30,
        idleHourlyCost: 10,
        at: new Date('2026-11-19T10:00:00Z'),
      },
      {
        cluster: 'prod',
        hourlyCost: 48,
        allocatedHourlyCost: 36,
        idleHourlyCost: 12,
        at: new Date('2026-11-20T10:00:00Z'),
      },
    ]);
    // Two clusters of the two published runs.
    const [{ n }] = await knex('maturity_cluster_costs').count({ n: '*' });
    expect(Number(n)).toBe(4);
  });

  it("keeps every run for runDays, each day's last for retainDays, detail on the current and on days' last for detailDays", async () => {
    const { store } = await createStore();
    const save = (iso: string) =>
      saveAt(store, iso, [workload('a', 50, { cost })]);
    const tooOld = await save('2026-10-01T10:00:00Z');
    const morning = await save('2026-11-01T08:00:00Z');
    const evening = await save('2026-11-01T20:00:00Z');
    const failed = await failAt(store, '2026-11-10T10:00:00Z', 'x');
    const recent = await save('2026-11-20T10:00:00Z');
    const yesterdayMorning = await save('2026-11-22T09:00:00Z');
    const yesterdayEvening = await save('2026-11-22T21:00:00Z');
    const earlierToday = await save('2026-11-23T10:00:00Z');
    const current = await save('2026-11-23T11:00:00Z');
    const policy = { runDays: 2, detailDays: 7, retainDays: 30 };
    const hasDetail = async (id: number) =>
      (await store.getScores(id))[0].detail !== undefined;

    // Deleted: past retainDays (tooOld); past runDays and not its day's last (morning); a failed
    // run past detailDays. Thinned: a day's last past detailDays (evening), runs within runDays
    // that a later run of their day followed (yesterdayMorning, earlierToday).
    expect(
      await store.pruneHistory(new Date('2026-11-23T12:00:00Z'), policy),
    ).toEqual({ deleted: 3, thinned: 3, pending: 0 });
    expect((await store.listRuns(10)).map(r => r.id)).toEqual(
      [
        current,
        earlierToday,
        yesterdayEvening,
        yesterdayMorning,
        recent,
        evening,
      ].map(s => s.id),
    );
    expect(await store.getScores(tooOld.id)).toEqual([]);
    expect(await store.getScores(morning.id)).toEqual([]);
    expect((await store.listRuns(10)).map(r => r.id)).not.toContain(failed.id);
    for (const s of [evening, yesterdayMorning, earlierToday])
      expect(await hasDetail(s.id)).toBe(false);
    for (const s of [recent, yesterdayEvening, current])
      expect(await hasDetail(s.id)).toBe(true);
    // Scores and cost history outlive the detail and the place in the hierarchy.
    expect((await store.getScores(evening.id))[0]).toMatchObject({
      score: 50,
      cores: 4,
      cost,
    });
    expect((await store.getScores(evening.id))[0].department).toBeUndefined();
    expect((await store.getScores(recent.id))[0]).toMatchObject({
      department: 'group:default/retail',
      detail: { checks: [{ id: 'hpa-elastic', credit: 0.5 }] },
    });

    // A thinned snapshot is thinned once; the next run has nothing to do.
    expect(
      await store.pruneHistory(new Date('2026-11-23T13:00:00Z'), policy),
    ).toEqual({ deleted: 0, thinned: 0, pending: 0 });
    // A day later yesterdayMorning is past runDays and goes.
    expect(
      await store.pruneHistory(new Date('2026-11-24T10:00:00Z'), policy),
    ).toEqual({ deleted: 1, thinned: 0, pending: 0 });
    expect(await store.getScores(yesterdayMorning.id)).toEqual([]);
    // Four days later recent passes detailDays (thinned) and earlierToday runDays (deleted).
    expect(
      await store.pruneHistory(new Date('2026-11-27T12:00:00Z'), policy),
    ).toEqual({ deleted: 1, thinned: 1, pending: 0 });
    expect(await hasDetail(recent.id)).toBe(false);
    expect(await hasDetail(yesterdayEvening.id)).toBe(true);
    expect((await store.listRuns(10)).map(r => r.id)).toEqual(
      [current, yesterdayEvening, recent, evening].map(s => s.id),
    );
  });

  it("stores each entity's detail once by content, however many snapshots have it", async () => {
    const { knex, store } = await createStore();
    const details = async () =>
      Number((await knex('maturity_details').count({ n: '*' }))[0].n);
    const checks = (credit: number) => ({
      detail: { checks: [{ id: 'hpa-elastic', credit }] },
    });
    // a, b and c are three details, the department's the fourth.
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50),
      workload('b', 50),
      workload('c', 40, checks(0)),
      department(45, { detail: { unweightedWorkloads: 0 } }),
    ]);
    expect(await details()).toBe(4);
    // Nothing changed but c: one detail more, and four rows of figures.
    const second = await saveAt(store, '2026-11-21T10:00:00Z', [
      workload('a', 50),
      workload('b', 50),
      workload('c', 60, checks(1)),
      department(55, { detail: { unweightedWorkloads: 0 } }),
    ]);
    expect(await details()).toBe(5);
    expect(
      (await store.getScores(second.id, { ref: 'component:default/c' }))[0]
        .detail,
    ).toEqual(checks(1).detail);
    expect(
      (await store.getScores(first.id, { ref: 'component:default/c' }))[0]
        .detail,
    ).toEqual(checks(0).detail);

    // Thinning the first releases only what no other snapshot has: c's old detail.
    expect(
      await store.pruneHistory(new Date('2026-11-30T12:00:00Z'), {
        runDays: 2,
        detailDays: 7,
        retainDays: 30,
      }),
    ).toEqual({ deleted: 0, thinned: 1, pending: 0 });
    expect(await details()).toBe(4);
    expect(
      (await store.getScores(second.id)).map(r => r.detail !== undefined),
    ).toEqual([true, true, true, true]);
    // A failed run releases the details it alone had, and none it shared.
    const draft = await store.beginSnapshot(new Date('2026-12-01T10:00:00Z'));
    await draft.addRows([workload('a', 50), workload('d', 70, checks(0.25))]);
    expect(await details()).toBe(5);
    await draft.fail('stopped', new Date('2026-12-01T10:05:00Z'));
    expect(await details()).toBe(4);
    expect(
      (await store.getScores(second.id, { ref: 'component:default/a' }))[0]
        .detail,
    ).toEqual(workload('a', 50).detail);
  });

  it('names the facts and checks of a detail by number, each name stored once, and a reader that meets a new number reads the names again', async () => {
    const { knex, store } = await createStore();
    /**
     * A run of one workload, `name`, whose detail reads one fact with one check, named by number
     * as a run packs it (packWorkloadDetail): the draft numbers them.
     */
    const runWith = async (
      day: string,
      name: string,
      fact: string,
      check: string,
    ) => {
      const draft = await store.beginSnapshot(new Date(`${day}T10:00:00Z`));
      const detail = {
        v: 3,
        sources: [{ collector: 'kubernetes', source: 'kubernetes' }],
        facts: [draft.names.numberOf(fact)],
        values: [false],
        checks: [draft.names.numberOf(check)],
        status: 'f',
        flags: '2',
        read: '0',
      };
      await draft.addRows([workload(name, 0, { detail })]);
      return draft.publish(new Date(`${day}T10:01:00Z`));
    };
    const first = await runWith(
      '2026-11-20',
      'a',
      'kubernetes.hpaElastic',
      'hpa-elastic',
    );
    expect(
      await knex('maturity_detail_names').orderBy('number').select(),
    ).toEqual([
      { number: 0, name: 'kubernetes.hpaElastic' },
      { number: 1, name: 'hpa-elastic' },
    ]);
    // Another replica, which has read no names yet.
    const replica = new DatabaseSnapshotStore(knex);
    const [a] = await replica.getScores(first.id, {
      ref: 'component:default/a',
    });
    expect(a.detail).toMatchObject({
      facts: ['kubernetes.hpaElastic'],
      checks: ['hpa-elastic'],
    });
    // The next run keeps the stored numbers and numbers only the new name.
    const second = await runWith(
      '2026-11-21',
      'b',
      'kubernetes.hpaElastic',
      'zone-spread',
    );
    expect(
      Number((await knex('maturity_detail_names').count({ n: '*' }))[0].n),
    ).toBe(3);
    const [b] = await replica.getScores(second.id, {
      ref: 'component:default/b',
    });
    expect(b.detail).toMatchObject({
      facts: ['kubernetes.hpaElastic'],
      checks: ['zone-spread'],
      values: [false],
    });
  });

  it("stores each workload's place once by content, and a run that finds it again writes none", async () => {
    const { knex, store } = await createStore();
    const places = async () =>
      Number((await knex('maturity_placements').count({ n: '*' }))[0].n);
    const checkout = {
      product: 'system:default/shop',
      team: 'group:default/checkout',
    };
    // a and b share a place, c has the department alone: two places for three workloads.
    const first = await saveAt(store, '2026-11-20T10:00:00Z', [
      workload('a', 50, checkout),
      workload('b', 50, checkout),
      workload('c', 40),
      department(45),
    ]);
    expect(await places()).toBe(2);
    // Nothing moved but c, into a's place: no place more.
    const second = await saveAt(store, '2026-11-21T10:00:00Z', [
      workload('a', 50, checkout),
      workload('b', 50, checkout),
      workload('c', 40, checkout),
      department(45),
    ]);
    expect(await places()).toBe(2);
    expect(
      (await store.getScores(second.id, { levelKind: 'workload' })).map(r => [
        r.ref,
        r.product,
        r.team,
        r.department,
      ]),
    ).toEqual(
      ['a', 'b', 'c'].map(name => [
        `component:default/${name}`,
        'system:default/shop',
        'group:default/checkout',
        'group:default/retail',
      ]),
    );
    const underTeam = {
      level: 'team',
      ref: 'group:default/checkout',
    } as const;
    expect(
      (await store.getScores(first.id, { under: underTeam })).map(r => r.ref),
    ).toEqual(['component:default/a', 'component:default/b']);
    expect(await store.getGroupsUnder(second.id, underTeam, 'product')).toEqual(
      ['system:default/shop'],
    );
    // A group's ref under another level finds nothing: places name a team as a team.
    expect(
      await store.getScores(second.id, {
        under: { level: 'platform', ref: 'group:default/checkout' },
      }),
    ).toEqual([]);

    // Thinned, the first snapshot keeps its figures and loses its places; the places stay.
    await store.pruneHistory(new Date('2026-11-30T12:00:00Z'), {
      runDays: 2,
      detailDays: 7,
      retainDays: 30,
    });
    const [thinned] = await store.getScores(first.id, {
      ref: 'component:default/a',
    });
    expect([thinned.score, thinned.team, thinned.department]).toEqual([
      50,
      undefined,
      undefined,
    ]);
    expect(await places()).toBe(2);
  });

  it("finds a platform's workloads through their places, and keys a place on no platform by its four levels alone", async () => {
    const { knex, store } = await createStore();
    const draft = await store.beginSnapshot(new Date('2026-11-20T10:00:00Z'));
    const prod = 'resource:default/prod';
    const checkout = { team: 'group:default/checkout' };
    // a and b on prod in one team, c on prod in the department alone, d on lab, e on none.
    await draft.addRows([
      workload('a', 50, { ...checkout, platformRef: prod }),
      workload('b', 50, { ...checkout, platformRef: prod }),
      workload('c', 50, { platformRef: prod }),
      workload('d', 50, { ...checkout, platformRef: 'resource:default/lab' }),
      workload('e', 50, checkout),
    ]);
    expect(
      await draft.hasWorkloads(['component:default/e', 'component:default/f']),
    ).toEqual(new Set(['component:default/e']));
    await draft.publish(new Date('2026-11-20T10:01:00Z'));
    const onProd = await store.getScores(draft.id, {
      under: { level: 'platform', ref: prod },
      figuresOnly: true,
    });
    expect(onProd.map(r => [r.ref, r.team, r.platformRef])).toEqual([
      ['component:default/a', 'group:default/checkout', prod],
      ['component:default/b', 'group:default/checkout', prod],
      ['component:default/c', undefined, prod],
    ]);
    expect(
      await store.getGroupsUnder(
        draft.id,
        { level: 'platform', ref: prod },
        'team',
      ),
    ).toEqual(['group:default/checkout']);
    // Five workloads in four places: e's, on no platform, is keyed as before platforms were part
    // of places, so a snapshot stored then finds it.
    const keys = await knex('maturity_placements').orderBy('hash');
    expect(keys).toHaveLength(4);
    const [{ placement_hash: eKey }] = await knex('maturity_scores').where({
      entity_ref: 'component:default/e',
    });
    expect(eKey).toBe(
      placementHash({
        team: 'group:default/checkout',
        department: 'group:default/retail',
      }),
    );
    expect(eKey).toBe(
      createHash('sha256')
        .update('\ngroup:default/checkout\ngroup:default/retail\n')
        .digest('base64url')
        .slice(0, 11),
    );
  });

  it('works off a backlog one snapshot per transaction, oldest first, as far as its budget goes', async () => {
    const { store } = await createStore();
    const save = (iso: string) =>
      saveAt(store, iso, [workload('a', 50, { cost })]);
    // Three runs of 1 November (the first two past runDays and not their day's last), one earlier
    // run of today, then today's.
    const [first, second] = [
      await save('2026-11-01T08:00:00Z'),
      await save('2026-11-01T09:00:00Z'),
    ];
    const lastOfDay = await save('2026-11-01T10:00:00Z');
    const earlierToday = await save('2026-11-23T10:00:00Z');
    await save('2026-11-23T11:00:00Z');
    const now = new Date('2026-11-23T12:00:00Z');
    const policy = { runDays: 2, detailDays: 7, retainDays: 30 };
    const ids = async () => (await store.listRuns(10)).map(r => r.id);

    // A budget of 0 ms does one step a call: deletions first, oldest first, then thinning.
    expect(await store.pruneHistory(now, policy, 0)).toEqual({
      deleted: 1,
      thinned: 0,
      pending: 3,
    });
    expect(await ids()).not.toContain(first.id);
    expect(await ids()).toContain(second.id);
    expect(await store.pruneHistory(now, policy, 0)).toEqual({
      deleted: 1,
      thinned: 0,
      pending: 2,
    });
    expect(await store.pruneHistory(now, policy, 0)).toEqual({
      deleted: 0,
      thinned: 1,
      pending: 1,
    });
    expect((await store.getScores(lastOfDay.id))[0].detail).toBeUndefined();
    expect((await store.getScores(earlierToday.id))[0].detail).toBeDefined();
    expect(await store.pruneHistory(now, policy, 0)).toEqual({
      deleted: 0,
      thinned: 1,
      pending: 0,
    });
    expect((await store.getScores(earlierToday.id))[0].detail).toBeUndefined();
    expect(await store.pruneHistory(now, policy, 0)).toEqual({
      deleted: 0,
      thinned: 0,
      pending: 0,
    });
  });
});

describe.each(postgresIds(databases))(
  'DatabaseSnapshotStore on %p: planner statistics',
  databaseId => {
    it('analyzes the scores with every snapshot, however small', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseSnapshotStore.create({
        database: mockServices.database({ knex }),
      });
      const workloads = (count: number) =>
        Array.from({ length: count }, (_, i) => workload(`w${i}`, 50));

      await saveAt(store, '2026-11-20T10:00:00Z', workloads(30));
      expect(await estimatedRows(knex, 'maturity_scores')).toBe(30);
      // 2 rows against 30 stored: a change autovacuum would wait on, but the new snapshot's id is not in the statistics.
      await saveAt(store, '2026-11-21T10:00:00Z', workloads(2));
      expect(await estimatedRows(knex, 'maturity_scores')).toBe(32);
    });

    it('analyzes the places with every snapshot, so that the places of a team are found by its index', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseSnapshotStore.create({
        database: mockServices.database({ knex }),
      });
      // 12 workloads in 4 teams of 3, each team in its own product: 4 places.
      await saveAt(
        store,
        '2026-11-20T10:00:00Z',
        Array.from({ length: 12 }, (_, i) =>
          workload(`w${i}`, 50, {
            team: `group:default/team-${i % 4}`,
            product: `system:default/product-${i % 4}`,
          }),
        ),
      );
      expect(await estimatedRows(knex, 'maturity_placements')).toBe(4);
      const { rows } = await knex.raw(
        `SELECT attname, n_distinct FROM pg_stats
         WHERE tablename = 'maturity_placements' AND attname IN ('team', 'department')
         ORDER BY attname`,
      );
      // Each place has a team of its own (-1: as many as the rows); all four are in retail, one
      // department for four places (-0.25, a share of the rows).
      expect(rows).toEqual([
        { attname: 'department', n_distinct: -0.25 },
        { attname: 'team', n_distinct: -1 },
      ]);
    });
  },
);
