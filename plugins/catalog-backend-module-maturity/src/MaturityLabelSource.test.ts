import { mockServices } from '@backstage/backend-test-utils';
import { MaturityLabelSource } from './MaturityLabelSource';

const body = (score: number) => ({
  snapshot: { id: 1, at: '2026-11-23T00:00:00Z' },
  items: [{ ref: 'component:default/cart', level: 'L3', score }],
});

describe('MaturityLabelSource', () => {
  it('asks the maturity backend once per TTL, with a service token, and keeps the last answer on failure', async () => {
    let now = 0;
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify(body(64))))
      .mockResolvedValueOnce(new Response('{}', { status: 503 }))
      .mockResolvedValueOnce(new Response(JSON.stringify(body(70))));
    const source = new MaturityLabelSource({
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
      ttlMs: 60_000,
      fetch,
      now: () => now,
    });
    now = 100_000;
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a.get('component:default/cart')).toEqual({ level: 'L3', score: 64 });
    expect(b).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toMatch(/\/api\/maturity\/v1\/labels$/);
    expect(init.headers.Authorization).toMatch(/^Bearer /);

    now += 30_000; // within the TTL: no request
    await source.get();
    expect(fetch).toHaveBeenCalledTimes(1);

    now += 60_000; // the backend is down: the last labels stay
    expect((await source.get()).get('component:default/cart')?.score).toBe(64);
    now += 60_000;
    expect((await source.get()).get('component:default/cart')?.score).toBe(70);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
