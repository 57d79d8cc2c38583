import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** Latencies in ms: as the closed-loop clients saw them, and with wrk's correction (bench/load.lua). */
export interface LoadResult {
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  corrected: { p95: number; p99: number };
}

/**
 * `clients` closed-loop connections on `paths` of `origin` for `seconds`, through wrk
 * (bench/load.lua), GET by default or `method` with a JSON `body`. The load generator shares the
 * machine's cores with the server, so it has to be light: autocannon, used before, decoded every
 * body into a string, which cost it more CPU than the server spent answering a large gzipped
 * leaderboard. `work` holds the paths file.
 */
export async function load(
  work: string,
  origin: string,
  paths: string[],
  seconds: number,
  clients = 50,
  request?: { method: 'POST'; body: unknown },
): Promise<LoadResult> {
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, 'paths.txt');
  fs.writeFileSync(file, `${paths.join('\n')}\n`);
  const extra: string[] = [];
  if (request) {
    const body = path.join(work, 'body.json');
    fs.writeFileSync(body, JSON.stringify(request.body));
    extra.push(request.method, body);
  }
  const { stdout: output } = await promisify(execFile)('wrk', [
    '-t1',
    `-c${clients}`,
    `-d${seconds}s`,
    '-s',
    path.join(__dirname, 'load.lua'),
    origin,
    '--',
    file,
    String(clients),
    ...extra,
  ]);
  const json = output.indexOf('{"requests"');
  if (json < 0)
    throw new Error(
      `wrk printed no result (bench/load.lua needs wrk 4 built with LuaJIT):\n${output}`,
    );
  const result = JSON.parse(output.slice(json)) as LoadResult;
  if (result.requests === 0)
    throw new Error(`${paths[0]}: every request failed`);
  return result;
}
