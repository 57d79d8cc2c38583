import express from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { roundFigures } from './roundFigures';

const gzipAsync = promisify(gzip);

/**
 * The size from which an answer is also kept gzipped. Below it compressing costs more than it
 * saves: a workload's scorecard (~10 KB with its checks' facts and their provenance, ~1.6 KB
 * gzipped) is mostly computed for one request, and gzipping it takes up to a quarter of the CPU
 * its first view costs a replica (`bench/run.ts --serve` on SQLite, 50 clients on workloads nobody
 * asked for before, answers in 10 s sent plain against gzipped: ~11,400 against ~9,000 with
 * 100,000 workloads stored, ~8,900 against ~7,400 with 1,000,000). A team's
 * scorecard (~7 KB) is below it too; a department's (~44 KB) and a page of a leaderboard
 * (~20 KB) are above it.
 */
const GZIP_FROM_BYTES = 16 * 1024;
/**
 * The size from which an answer is gzipped on the thread pool: below it, handing the work over
 * costs more than the compression (a 5 KB scorecard: ~30 µs in place, ~200 µs through the pool).
 */
const GZIP_OFF_THREAD_FROM_BYTES = 64 * 1024;

/** An answer serialised once, with its ETag, and gzipped once when large enough to gain from it. */
export interface EncodedAnswer {
  body: Buffer;
  etag: string;
  gzipped?: { body: Buffer; etag: string };
}

/** The bytes an answer holds: its plain body and its gzipped one. */
export function encodedBytes(answer: EncodedAnswer): number {
  return answer.body.length + (answer.gzipped?.body.length ?? 0);
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Serialises an answer, its figures rounded (roundFigures). Backstage's root router gzips every
 * response as it is sent, so a cached leaderboard of ~1 MB would otherwise be compressed again for
 * each request (~10 ms of CPU); kept gzipped, it is compressed once per snapshot, off the event
 * loop.
 */
export async function encodeAnswer(value: unknown): Promise<EncodedAnswer> {
  return encodeRoundedAnswer(roundFigures(value));
}

/**
 * Serialises an answer whose figures are rounded already: one cut from an encoded answer for a
 * caller who may read only part of it, which filters rows and makes no figure of its own.
 */
export async function encodeRoundedAnswer(
  value: unknown,
): Promise<EncodedAnswer> {
  const body = Buffer.from(JSON.stringify(value));
  const answer: EncodedAnswer = { body, etag: etagOf(body) };
  if (body.length >= GZIP_FROM_BYTES) {
    const gzipped =
      body.length < GZIP_OFF_THREAD_FROM_BYTES
        ? gzipSync(body)
        : await gzipAsync(body);
    // Each representation has its own strong ETag (RFC 9110 §8.8.3).
    answer.gzipped = { body: gzipped, etag: etagOf(gzipped) };
  }
  return answer;
}

/**
 * Sends the gzipped representation to a client that accepts it. With Content-Encoding set the
 * compression middleware leaves the body alone, and with the ETag set express answers a matching
 * If-None-Match with 304 without hashing anything. An answer too small to be kept gzipped is
 * marked no-transform, which the compression middleware honours: it would gzip it per request.
 */
export function sendAnswer(
  req: express.Request,
  res: express.Response,
  answer: EncodedAnswer,
): void {
  res.type('application/json').vary('Accept-Encoding');
  if (answer.gzipped && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res
      .set('Content-Encoding', 'gzip')
      .set('ETag', answer.gzipped.etag)
      .send(answer.gzipped.body);
  } else {
    if (!answer.gzipped) res.set('Cache-Control', 'no-transform');
    res.set('ETag', answer.etag).send(answer.body);
  }
}
