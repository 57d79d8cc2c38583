import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  expectWriteToFail,
  postgresIds,
} from '../__testUtils__/databases';
import { estimatedRows } from './openDatabase';
import { DatabaseMaturityStore } from './DatabaseMaturityStore';
import { InventoryWorkload } from './MaturityStore';

const databases = createTestDatabases();

const workload = (
  name: string,
  extra: Partial<InventoryWorkload> = {},
): InventoryWorkload => ({
  ref: `component:default/${name}`,
  cores: 4,
  coresSource: 'annotation',
  problems: [],
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'DatabaseMaturityStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseMaturityStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('starts empty', async () => {
      const { store } = await createStore();
      expect(await store.listWorkloads()).toEqual([]);
      expect(await store.getInventoryRefreshedAt()).toBeUndefined();
    });

    it('round-trips every field, including JSON problems and fractional cores', async () => {
      const { store } = await createStore();
      const at = new Date('2026-11-20T10:00:00.000Z');
      await store.replaceInventory(
        [
          workload('b', {
            title: 'B',
            product: 'system:default/shop',
            team: 'group:default/t',
            department: 'group:default/d',
            company: 'group:default/c',
            cores: 0.25,
          }),
          workload('a', {
            cores: null,
            coresSource: 'unknown',
            problems: ['bad "cores"'],
          }),
        ],
        at,
      );
      expect(await store.listWorkloads()).toEqual([
        {
          ref: 'component:default/a',
          cores: null,
          coresSource: 'unknown',
          problems: ['bad "cores"'],
          lastSeenAt: at.toISOString(),
        },
        {
          ref: 'component:default/b',
          title: 'B',
          product: 'system:default/shop',
          team: 'group:default/t',
          department: 'group:default/d',
          company: 'group:default/c',
          cores: 0.25,
          coresSource: 'annotation',
          problems: [],
          lastSeenAt: at.toISOString(),
        },
      ]);
      expect((await store.getInventoryRefreshedAt())?.toISOString()).toBe(
        at.toISOString(),
      );
    });

    it('replaces the inventory: updates kept workloads and drops vanished ones', async () => {
      const { store, knex } = await createStore();
      await store.replaceInventory(
        [workload('a'), workload('b')],
        new Date('2026-11-20T00:00:00Z'),
      );
      await store.replaceInventory(
        [workload('b', { cores: 8 }), workload('c')],
        new Date('2026-11-21T00:00:00Z'),
      );
      const items = await store.listWorkloads();
      expect(items.map(i => [i.ref, i.cores])).toEqual([
        ['component:default/b', 8],
        ['component:default/c', 4],
      ]);
      const [{ n }] = await knex('maturity_inventory_runs').count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('writes only the workloads that changed, and dates every kept one from the latest run', async () => {
      const { store, knex } = await createStore();
      const kept = workload('kept', {
        title: 'Kept',
        team: 'group:default/t',
        cores: 0.25,
        problems: ['no owner'],
      });
      await store.replaceInventory(
        [
          kept,
          workload('moved', { team: 'group:default/t' }),
          workload('gone'),
        ],
        new Date('2026-11-20T00:00:00Z'),
      );
      const written: unknown[][] = [];
      const listen = (q: { sql: string; bindings?: unknown[] }) => {
        if (/^insert into .maturity_workloads/i.test(q.sql))
          written.push(q.bindings ?? []);
      };
      knex.on('query', listen);
      const later = new Date('2026-11-21T00:00:00Z');
      await store.replaceInventory(
        [kept, workload('moved', { team: 'group:default/u' })],
        later,
      );
      knex.off('query', listen);
      // One statement of one row (9 columns): "moved"; "kept" is as stored, "gone" is deleted.
      expect(
        written.map(b => [b.length, b.includes('component:default/moved')]),
      ).toEqual([[9, true]]);
      expect(
        (await store.listWorkloads()).map(w => [w.ref, w.team, w.lastSeenAt]),
      ).toEqual([
        ['component:default/kept', 'group:default/t', later.toISOString()],
        ['component:default/moved', 'group:default/u', later.toISOString()],
      ]);
    });

    it('replaces an inventory larger than one page of comparison, changes and removals spread over the pages', async () => {
      const { store } = await createStore();
      const names = Array.from(
        { length: 1201 },
        (_, i) => `w${String(i).padStart(4, '0')}`,
      );
      await store.replaceInventory(
        names.map(n => workload(n)),
        new Date('2026-11-20T00:00:00Z'),
      );
      // Every 7th workload gone, every 100th given 8 cores, 50 new ones at the end.
      const next = [
        ...names
          .filter((_, i) => i % 7 !== 0)
          .map((n, i) => workload(n, i % 100 === 0 ? { cores: 8 } : {})),
        ...Array.from({ length: 50 }, (_, i) =>
          workload(`x${String(i).padStart(2, '0')}`),
        ),
      ];
      await store.replaceInventory(next, new Date('2026-11-21T00:00:00Z'));
      const items = await store.listWorkloads();
      // 1,201 − 172 gone (0, 7, …, 1197) + 50 new; 1,029 kept of which every 100th (11) has 8 cores.
      expect(items).toHaveLength(1079);
      expect(items.filter(w => w.cores === 8)).toHaveLength(11);
      expect(items.map(w => w.ref)).toEqual(next.map(w => w.ref).sort());
    });

    it('filters by hierarchy level', async () => {
      const { store } = await createStore();
      await store.replaceInventory(
        [
          workload('a', {
            department: 'group:default/x',
            product: 'system:default/p',
          }),
          workload('b', {
            department: 'group:default/y',
            product: 'system:default/p',
          }),
        ],
        new Date(),
      );
      expect(
        (await store.listWorkloads({ department: 'group:default/y' })).map(
          w => w.ref,
        ),
      ).toEqual(['component:default/b']);
      expect(
        await store.listWorkloads({
          product: 'system:default/p',
          department: 'group:default/x',
        }),
      ).toHaveLength(1);
    });

    it('keeps the previous inventory when a replacement fails mid-write', async () => {
      const { store } = await createStore();
      await store.replaceInventory(
        [workload('a')],
        new Date('2026-11-20T00:00:00Z'),
      );
      // 60 good rows go in (two insert chunks), then a NOT NULL violation aborts the write.
      const good = Array.from({ length: 60 }, (_, n) => workload(`w${n}`));
      const broken = { ...workload('broken'), coresSource: null as any };
      await expectWriteToFail(
        store.replaceInventory([...good, broken], new Date()),
      );
      expect((await store.listWorkloads()).map(w => w.ref)).toEqual([
        'component:default/a',
      ]);
      expect((await store.getInventoryRefreshedAt())?.toISOString()).toBe(
        '2026-11-20T00:00:00.000Z',
      );
    });
  },
);

describe.each(postgresIds(databases))(
  'DatabaseMaturityStore on %p: planner statistics',
  databaseId => {
    it('analyzes the inventory after a change of more than a tenth of it, and not after less', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseMaturityStore.create({
        database: mockServices.database({ knex }),
      });
      const first = (count: number) =>
        Array.from({ length: count }, (_, i) =>
          workload(`w${String(i).padStart(2, '0')}`),
        );

      await store.replaceInventory(first(30), new Date('2026-11-20T00:00:00Z'));
      expect(await estimatedRows(knex, 'maturity_workloads')).toBe(30);
      // 2 new of 30 stored is under a tenth: the statistics wait for autovacuum.
      await store.replaceInventory(first(32), new Date('2026-11-21T00:00:00Z'));
      expect(await estimatedRows(knex, 'maturity_workloads')).toBe(30);
      // 4 new of 32 stored is over it.
      await store.replaceInventory(first(36), new Date('2026-11-22T00:00:00Z'));
      expect(await estimatedRows(knex, 'maturity_workloads')).toBe(36);
    });
  },
);
