import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchPrometheus } from '../../plugins/maturity-backend-module-prometheus/src/__testUtils__/startPrometheus';
import { writeOpenMetrics } from './prometheusData';

export { freePort } from '../../plugins/maturity-backend-module-prometheus/src/__testUtils__/startPrometheus';

export interface PrometheusData {
  directory: string;
  series: number;
  samples: number;
  writeSeconds: number;
  backfillSeconds: number;
}

/**
 * A TSDB holding `days` of load for `n` workloads, backfilled by promtool into `work`. A run's
 * window ends at "now", and its instant queries (requests, owners) look back only 5 minutes, so
 * the data runs on until `aheadMinutes` after it is made: a run in that time finds samples up to
 * its own "now", as it would from a Prometheus scraping all along.
 */
export async function preparePrometheusData(
  work: string,
  n: number,
  days: number,
  aheadMinutes = 60,
): Promise<PrometheusData> {
  for (const binary of ['prometheus', 'promtool']) {
    if (spawnSync(binary, ['--version']).error) {
      throw new Error(
        `${binary} is not installed: apt-get install -y --no-install-recommends prometheus`,
      );
    }
  }
  const directory = path.join(work, 'prometheus');
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const input = path.join(directory, 'load.om');
  let start = performance.now();
  const end = new Date(Date.now() + aheadMinutes * 60_000);
  const { series, samples } = await writeOpenMetrics(input, {
    n,
    days: days + aheadMinutes / 1440,
    end,
    stepSeconds: 300,
  });
  const writeSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const backfill = spawnSync(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=24h',
      input,
      path.join(directory, 'data'),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  if (backfill.status !== 0)
    throw new Error(
      `promtool backfill failed: ${backfill.stderr.slice(-2000)}`,
    );
  fs.rmSync(input);
  const data = {
    directory,
    series,
    samples,
    writeSeconds,
    backfillSeconds: (performance.now() - start) / 1000,
  };
  fs.writeFileSync(
    path.join(directory, 'made.json'),
    JSON.stringify({ ...data, n, days, until: end.getTime() }),
  );
  return data;
}

/**
 * The TSDB an earlier round made for the same fleet, while its data still runs past now by
 * `marginMinutes` (a run needs samples up to its own "now"); undefined otherwise.
 */
export function reusablePrometheusData(
  work: string,
  n: number,
  days: number,
  marginMinutes = 15,
): PrometheusData | undefined {
  const file = path.join(work, 'prometheus', 'made.json');
  if (!fs.existsSync(file)) return undefined;
  const made = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fresh =
    made.n === n &&
    made.days === days &&
    made.until - Date.now() > marginMinutes * 60_000;
  return fresh ? made : undefined;
}

/** Prometheus on 127.0.0.1 over a prepared TSDB, at its default limits (`--query.max-samples`). */
export async function startPrometheus(data: PrometheusData): Promise<{
  url: string;
  stop: () => Promise<void>;
  queries: () => Promise<number>;
}> {
  // A TSDB of tens of millions of samples takes a while to open.
  const { url, stop } = await launchPrometheus({
    directory: data.directory,
    readyTimeoutMs: 120_000,
  });
  return {
    url,
    stop,
    /** Instant queries Prometheus has answered, from its own metrics. */
    queries: async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          l =>
            l.startsWith('prometheus_http_requests_total{') &&
            l.includes('handler="/api/v1/query"'),
        );
      return line ? Number(line.split(' ').pop()) : 0;
    },
  };
}
