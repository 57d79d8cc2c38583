import request from 'supertest';

/**
 * Polls `GET /v1/runs` until at least `count` runs are listed (newest first) and returns them;
 * fails after `timeoutMs`.
 */
export async function waitForRuns(
  server: Parameters<typeof request>[0],
  count = 1,
  timeoutMs = 10_000,
): Promise<any[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const items: any[] =
      (await request(server).get('/api/maturity/v1/runs')).body.items ?? [];
    if (items.length >= count) return items;
    if (Date.now() > until)
      throw new Error(`expected ${count} scoring runs, saw ${items.length}`);
    await new Promise(r => setTimeout(r, 100));
  }
}
