import { gunzipSync } from 'node:zlib';
import { encodeAnswer } from './encodedAnswer';

describe('encodeAnswer', () => {
  it('keeps a small answer plain only', async () => {
    const answer = await encodeAnswer({ items: ['a', 'b'] });
    expect(answer.body.toString()).toBe('{"items":["a","b"]}');
    expect(answer.gzipped).toBeUndefined();
  });

  it.each([
    ['a scorecard-sized answer (gzipped in place)', 200],
    ['a leaderboard-sized answer (gzipped on the thread pool)', 20_000],
  ])('keeps %s gzipped beside its plain form', async (_label, rows) => {
    const value = { items: Array.from({ length: rows }, (_, i) => ({ ref: `group:default/team-${i}`, score: i % 100 })) };
    const answer = await encodeAnswer(value);
    expect(JSON.parse(answer.body.toString())).toEqual(value);
    expect(gunzipSync(answer.gzipped!.body).equals(answer.body)).toBe(true);
    expect(answer.gzipped!.body.length).toBeLessThan(answer.body.length / 3);
    expect(answer.gzipped!.etag).not.toBe(answer.etag);
  });
});
