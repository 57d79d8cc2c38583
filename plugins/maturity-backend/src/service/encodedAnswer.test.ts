import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { encodeAnswer, encodeRoundedAnswer, sendAnswer } from './encodedAnswer';

/** A workload's scorecard as the routes answer it: each check with the fact it read and where from. */
const workloadScorecard = {
  checks: Array.from({ length: 42 }, (_, i) => ({
    id: `check-${i}`,
    facts: { [`kubernetes.fact-${i}`]: i % 2 === 0 },
    stale: false,
    status: i % 2 === 0 ? 'pass' : 'fail',
    credit: i % 2 === 0 ? 1 : 0,
    basis: 'measured',
    provenance: {
      [`kubernetes.fact-${i}`]: {
        source: 'kubernetes',
        at: '2026-12-03T22:05:55.255Z',
      },
    },
  })),
};

describe('encodeAnswer', () => {
  it('rounds the figures, and a part cut from it is serialised as it is', async () => {
    const answer = await encodeAnswer({ score: 200 / 3, cores: 0.1 + 0.2 });
    expect(answer.body.toString()).toBe('{"score":66.6667,"cores":0.3}');
    const cut = await encodeRoundedAnswer(JSON.parse(answer.body.toString()));
    expect(cut.body.toString()).toBe('{"score":66.6667,"cores":0.3}');
    expect(cut.etag).toBe(answer.etag);
  });

  it('keeps a small answer plain only', async () => {
    const answer = await encodeAnswer({ items: ['a', 'b'] });
    expect(answer.body.toString()).toBe('{"items":["a","b"]}');
    expect(answer.gzipped).toBeUndefined();
  });

  it('keeps an answer the size of a workload scorecard plain only', async () => {
    const answer = await encodeAnswer(workloadScorecard);
    // 42 checks of ~200 bytes, each with a fact and its provenance: 8.5 KB.
    expect(answer.body.length).toBeGreaterThan(8 * 1024);
    expect(answer.body.length).toBeLessThan(16 * 1024);
    expect(answer.gzipped).toBeUndefined();
  });

  it.each([
    ['an answer of ~17 KB (gzipped in place)', 400],
    ['a leaderboard-sized answer (gzipped on the thread pool)', 20_000],
  ])('keeps %s gzipped beside its plain form', async (_label, rows) => {
    const value = {
      items: Array.from({ length: rows }, (_, i) => ({
        ref: `group:default/team-${i}`,
        score: i % 100,
      })),
    };
    const answer = await encodeAnswer(value);
    expect(JSON.parse(answer.body.toString())).toEqual(value);
    expect(gunzipSync(answer.gzipped!.body).equals(answer.body)).toBe(true);
    expect(answer.gzipped!.body.length).toBeLessThan(answer.body.length / 3);
    expect(answer.gzipped!.etag).not.toBe(answer.etag);
  });
});

describe('sendAnswer behind the compression middleware of the root router', () => {
  const teams = {
    items: Array.from({ length: 400 }, (_, i) => ({
      ref: `group:default/team-${i}`,
      score: i % 100,
    })),
  };
  const scorecard = workloadScorecard;

  async function app() {
    const answers = {
      '/teams': await encodeAnswer(teams),
      '/scorecard': await encodeAnswer(scorecard),
    };
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.rootLogger(),
    });
    const served = express();
    served.use(middleware.compression());
    served.get('/:answer', (req, res) =>
      sendAnswer(
        req,
        res,
        answers[`/${req.params.answer}` as keyof typeof answers],
      ),
    );
    return { served, answers };
  }

  it('sends a large answer gzipped as kept to clients that accept it, plain to others, each with its ETag', async () => {
    const { served, answers } = await app();
    const gzipped = await request(served)
      .get('/teams')
      .set('Accept-Encoding', 'gzip, deflate');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-length']).toBe(
      String(answers['/teams'].gzipped!.body.length),
    );
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(gzipped.headers.etag).toBe(answers['/teams'].gzipped!.etag);
    expect(gzipped.body).toEqual(teams);
    const plain = await request(served)
      .get('/teams')
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(answers['/teams'].etag);
    expect(plain.body).toEqual(teams);
    const again = await request(served)
      .get('/teams')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', gzipped.headers.etag);
    expect(again.status).toBe(304);
  });

  it('sends a small answer plain even to a client that accepts gzip, and answers 304 to its ETag', async () => {
    const { served, answers } = await app();
    const res = await request(served)
      .get('/scorecard')
      .set('Accept-Encoding', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-transform');
    expect(res.headers['content-length']).toBe(
      String(answers['/scorecard'].body.length),
    );
    expect(res.body).toEqual(scorecard);
    const again = await request(served)
      .get('/scorecard')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });
});
