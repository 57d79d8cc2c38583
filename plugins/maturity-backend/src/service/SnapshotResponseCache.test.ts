import { SnapshotResponseCache } from './SnapshotResponseCache';

describe('SnapshotResponseCache', () => {
  const at = new Date('2026-11-23T06:00:00Z');
  const store = (ids: number[]) => ({
    getCurrentSnapshot: jest.fn(async () => {
      const id = ids.shift();
      return id === undefined
        ? undefined
        : {
            id,
            startedAt: at,
            finishedAt: at,
            status: 'succeeded' as const,
            workloads: 1,
          };
    }),
  });

  it('computes an answer once per snapshot and again when a newer snapshot lands', async () => {
    const snapshots = store([1, 1, 2]);
    const cache = new SnapshotResponseCache(snapshots, {
      ttlMs: 0,
      maxEntries: 10,
    });
    let calls = 0;
    const compute = jest.fn(async () => ({ n: ++calls }));
    expect(await cache.get('/v1/leaderboard', compute)).toEqual({ n: 1 });
    expect(await cache.get('/v1/leaderboard', compute)).toEqual({ n: 1 });
    expect(await cache.get('/v1/leaderboard', compute)).toEqual({ n: 2 });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('reads the current snapshot at most once per ttl and shares concurrent misses', async () => {
    const snapshots = store([7]);
    const cache = new SnapshotResponseCache(snapshots, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const compute = jest.fn(async () => 'answer');
    await Promise.all([
      cache.get('a', compute),
      cache.get('a', compute),
      cache.get('b', compute),
    ]);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(snapshots.getCurrentSnapshot).toHaveBeenCalledTimes(1);
    await cache.get('a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not remember failures', async () => {
    const cache = new SnapshotResponseCache(store([1, 1]), {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    await expect(
      cache.get('x', async () => Promise.reject(new Error('no run yet'))),
    ).rejects.toThrow('no run yet');
    await expect(cache.get('x', async () => 'now there is')).resolves.toBe(
      'now there is',
    );
  });

  it('lets answers read the snapshot they are cached under, and keeps asking until a first run lands', async () => {
    const snapshots = {
      ...store([undefined as unknown as number, 3]),
      listRuns: jest.fn(async () => []),
    };
    const cache = new SnapshotResponseCache(snapshots, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const reader = cache.reader();
    expect(await reader.getCurrentSnapshot()).toBeUndefined();
    expect(
      await cache.get('a', async () => (await reader.getCurrentSnapshot())?.id),
    ).toBe(3);
    expect((await reader.getCurrentSnapshot())?.id).toBe(3);
    expect(snapshots.getCurrentSnapshot).toHaveBeenCalledTimes(2);
    await reader.listRuns();
    expect(snapshots.listRuns).toHaveBeenCalledTimes(1);
  });

  it('keeps answers within maxBytes, dropping the least recently used, and none larger than that', async () => {
    const cache = new SnapshotResponseCache(store([1]), {
      ttlMs: 60_000,
      maxBytes: 100,
    });
    const compute = jest.fn(async (bytes: number) => 'x'.repeat(bytes));
    const get = (key: string, bytes: number) =>
      cache.get(
        key,
        () => compute(bytes),
        answer => answer.length,
      );
    await get('a', 40);
    await get('b', 40);
    await get('a', 40);
    expect(compute).toHaveBeenCalledTimes(2);
    // 120 bytes: b, used longest ago, goes.
    await get('c', 40);
    await get('a', 40);
    expect(compute).toHaveBeenCalledTimes(3);
    await get('b', 40);
    expect(compute).toHaveBeenCalledTimes(4);
    await get('huge', 101);
    await get('huge', 101);
    expect(compute).toHaveBeenCalledTimes(6);
  });
});
