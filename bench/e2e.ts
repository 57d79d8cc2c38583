/* eslint-disable no-console */
/**
 * `yarn bench:e2e`: one scoring run through the real sources, on SQLite and PostgreSQL.
 *
 * - A real Backstage backend (`bench/e2e/backend.ts`, in a process of its own): the catalog
 *   backend on its database holding the fleet's Components, Systems and Groups (loaded by an
 *   entity provider in one full mutation, then processed by the catalog), the maturity plugin and
 *   its Kubernetes and Prometheus modules.
 * - Kubernetes: the API's list answers for every workload's Deployment, pods, HPAs and PDBs,
 *   served page by page by `bench/e2e/kubernetesReplay.ts` (a process of its own), read through
 *   the module's real client.
 * - Prometheus: Debian's server over a TSDB backfilled with promtool (`bench/e2e/prometheus.ts`),
 *   holding load for the first `--prometheus-workloads` workloads and the module's recording
 *   rules' series.
 *
 * The run is started through the REST API as an operator would and timed by the backend itself
 * (the run's closing log line gives each phase). Peak RSS is the backend process's high-water
 * mark over the run alone (reset through /proc before it starts). Results replace the end-to-end
 * section of docs/benchmarks.md.
 *
 * Options: --workloads 100000, --prometheus-workloads 50000, --days 1, --databases SQLite,PostgreSQL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { fleetEntityCount } from './e2e/fleet';
import {
  freePort,
  PrometheusData,
  preparePrometheusData,
  reusablePrometheusData,
  startPrometheus,
} from './e2e/prometheus';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tools', 'bench-e2e');
const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const TOKEN = 'bench-e2e-static-token-0123456789';
const PG_PREFIX = 'bench_e2e_';
/** Runs only when triggered through the API (the scheduler's manual cadence). */
const NO_SCHEDULED_RUNS = {
  frequency: { trigger: 'manual' },
  timeout: { minutes: 60 },
};

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
/** `--workloads 100000` for every database, or `--workloads SQLite=20000,PostgreSQL=100000`. */
const WORKLOADS_OF = new Map<string, number>(
  arg('workloads', '100000').includes('=')
    ? arg('workloads', '')
        .split(',')
        .map(pair => pair.split('='))
        .map(([db, n]) => [db, Number(n)] as [string, number])
    : [['*', Number(arg('workloads', '100000'))]],
);
const DATABASES = arg('databases', 'SQLite,PostgreSQL').split(
  ',',
) as DatabaseName[];
const workloadsOf = (name: DatabaseName) =>
  WORKLOADS_OF.get(name) ?? WORKLOADS_OF.get('*')!;
/** The largest catalog: the size of the replayed cluster. */
const WORKLOADS = Math.max(...DATABASES.map(workloadsOf));
const PROMETHEUS_WORKLOADS = Math.min(
  WORKLOADS,
  Number(arg('prometheus-workloads', '50000')),
);
const DAYS = Number(arg('days', '1'));

type DatabaseName = 'SQLite' | 'PostgreSQL';

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
const count = (n: number) => n.toLocaleString('en-US');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function databaseConfig(name: DatabaseName) {
  if (name === 'SQLite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: path.join(WORK, 'sqlite') },
    };
  }
  const url = new URL(PG);
  return {
    client: 'pg',
    prefix: PG_PREFIX,
    connection: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      password: decodeURIComponent(url.password) || undefined,
    },
  };
}

/** An empty database for a fresh catalog: the SQLite directory, or every `bench_e2e_` database. */
async function resetDatabase(name: DatabaseName) {
  if (name === 'SQLite') {
    fs.rmSync(path.join(WORK, 'sqlite'), { recursive: true, force: true });
    fs.mkdirSync(path.join(WORK, 'sqlite'), { recursive: true });
    return;
  }
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of rows)
      await admin.raw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
}

interface Backend {
  origin: string;
  pid: number;
  log: string;
  stop: () => Promise<void>;
}

/** Starts bench/e2e/backend.ts with a config of its own, and waits until it answers. */
async function startBackend(
  name: DatabaseName,
  label: string,
  extra: Record<string, unknown>,
): Promise<Backend> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = {
    backend: {
      baseUrl: origin,
      listen: { host: '127.0.0.1', port },
      database: databaseConfig(name),
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'bench' } },
        ],
      },
    },
    catalog: {
      // Entities are processed once when loaded; the catalog's periodic refresh is kept out of
      // the measured run (in production it shares the backend with runs).
      processingInterval: { minutes: 120 },
      rules: [
        {
          allow: [
            'Component',
            'System',
            'Group',
            'API',
            'User',
            'Location',
            'Domain',
            'Resource',
          ],
        },
      ],
    },
    ...extra,
  };
  const configFile = path.join(WORK, `app-config.${label}.json`);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const log = path.join(WORK, `backend.${label}.log`);
  const out = fs.openSync(log, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...process.execArgv,
      path.join(__dirname, 'e2e', 'backend.ts'),
      '--config',
      configFile,
    ],
    {
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(
        `The backend exited (${child.exitCode}); see ${path.relative(
          ROOT,
          log,
        )}`,
      );
    try {
      // Ready once every plugin has started: the catalog applies the fleet while it starts.
      if ((await fetch(`${origin}/.backstage/health/v1/readiness`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 7200)
      throw new Error(
        `The backend did not start; see ${path.relative(ROOT, log)}`,
      );
    await sleep(500);
  }
  return {
    origin,
    pid: child.pid!,
    log,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise(r =>
        child.exitCode !== null ? r(null) : child.once('exit', r),
      );
      fs.closeSync(out);
    },
  };
}

const api = async (backend: Backend, route: string, init: RequestInit = {}) => {
  const res = await fetch(`${backend.origin}${route}`, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${route}: ${res.status} ${await res.text()}`,
    );
  return res.json();
};

/** Entities the catalog stores on this database, processed or not (0 for none). */
async function storedEntities(name: DatabaseName): Promise<number> {
  const connection =
    name === 'SQLite'
      ? {
          client: 'better-sqlite3',
          connection: { filename: path.join(WORK, 'sqlite', 'catalog.sqlite') },
          useNullAsDefault: true,
        }
      : { client: 'pg', connection: `${PG}/${PG_PREFIX}catalog` };
  if (
    name === 'SQLite' &&
    !fs.existsSync(connection.connection.filename as string)
  )
    return 0;
  const knex = knexFactory(connection);
  try {
    const [{ n }] = await knex('refresh_state').count({ n: '*' });
    return Number(n);
  } catch {
    return 0;
  } finally {
    await knex.destroy();
  }
}

/**
 * Loads the fleet into a fresh catalog and waits until every Component is processed and stored.
 * Loading 100,000 entities takes the catalog tens of minutes, so a catalog an earlier round left
 * holding the same fleet is kept, and one whose mutation was applied but not yet processed is
 * processed to the end rather than loaded again.
 */
async function loadCatalog(name: DatabaseName): Promise<number> {
  const workloads = workloadsOf(name);
  const record = path.join(WORK, `catalog.${name}.json`);
  const earlier = fs.existsSync(record)
    ? JSON.parse(fs.readFileSync(record, 'utf8'))
    : undefined;
  const stored = await storedEntities(name);
  const applied = stored === fleetEntityCount(workloads);
  if (!applied) await resetDatabase(name);
  const start = performance.now();
  const backend = await startBackend(name, `${name}-load`, {
    ...(applied ? {} : { bench: { load: workloads } }),
    maturity: { schedule: NO_SCHEDULED_RUNS },
  });
  try {
    for (;;) {
      const { totalItems } = await api(
        backend,
        '/api/catalog/entities/by-query?filter=kind=component&limit=1',
      );
      if (totalItems >= workloads) break;
      await sleep(5000);
    }
  } finally {
    await backend.stop();
  }
  const kept = applied && earlier?.workloads === workloads;
  const seconds = kept ? earlier.seconds : (performance.now() - start) / 1000;
  const how = kept
    ? 'kept from an earlier round'
    : applied
    ? 'processed to the end after a restart'
    : 'loaded and processed';
  console.log(
    `    ${name}: ${count(workloads)} Components ${how}, ${fmt(
      seconds / 60,
    )} min in all`,
  );
  fs.writeFileSync(
    record,
    JSON.stringify({ workloads, seconds, complete: true }),
  );
  return seconds;
}

function readProc(pid: number, field: 'VmRSS' | 'VmHWM') {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find(l => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1]) / 1024;
}

interface RunResult {
  name: DatabaseName;
  catalogWorkloads: number;
  loadSeconds: number;
  seconds: number;
  phases: Record<string, number>;
  workloads: number;
  queries: number;
  rssBeforeMB: number;
  peakRssMB: number;
}

async function measureRun(
  name: DatabaseName,
  loadSeconds: number,
  sources: {
    kubernetes: string;
    prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  },
): Promise<RunResult> {
  const backend = await startBackend(name, `${name}-run`, {
    maturity: {
      schedule: NO_SCHEDULED_RUNS,
      kubernetes: {
        clusters: [
          {
            name: 'bench',
            url: sources.kubernetes,
            serviceAccountToken: 'bench',
            skipTLSVerify: true,
          },
        ],
        pageSize: 500,
        timeoutSeconds: 120,
      },
      prometheus: {
        url: sources.prometheus.url,
        recordingRules: true,
        lookbackDays: DAYS,
        timeoutSeconds: 600,
      },
    },
  });
  try {
    await sleep(5000);
    const before = (await api(backend, '/api/maturity/v1/runs'))
      .items as Array<{ id: number }>;
    const queriesBefore = await sources.prometheus.queries();
    const rssBeforeMB = readProc(backend.pid, 'VmRSS');
    // Resets the process's RSS high-water mark, so the peak read below is the run's own.
    fs.writeFileSync(`/proc/${backend.pid}/clear_refs`, '5');
    const start = performance.now();
    await api(backend, '/api/maturity/v1/runs', { method: 'POST', body: '{}' });
    let run:
      | { id: number; status: string; error?: string; workloads: number }
      | undefined;
    for (;;) {
      await sleep(1000);
      const { items } = await api(backend, '/api/maturity/v1/runs');
      run = items.find(
        (r: { id: number; status: string }) =>
          !before.some(b => b.id === r.id) && r.status !== 'running',
      );
      if (run) break;
    }
    const seconds = (performance.now() - start) / 1000;
    const peakRssMB = readProc(backend.pid, 'VmHWM');
    if (run.status !== 'succeeded')
      throw new Error(`The run on ${name} failed: ${run.error}`);
    const queries = (await sources.prometheus.queries()) - queriesBefore;
    // The run logs its phases after it is published and retention has run: wait for the line.
    let line: string | undefined;
    for (let i = 0; i < 120 && !line; i++) {
      line = fs
        .readFileSync(backend.log, 'utf8')
        .split('\n')
        .reverse()
        .find(l => l.includes('"phases"'));
      if (!line) await sleep(500);
    }
    const phases = line
      ? (JSON.parse(line).phases as Record<string, number>)
      : {};
    const sample = await api(
      backend,
      '/api/maturity/v1/scorecards/component/default/w-000001',
    );
    fs.writeFileSync(
      path.join(WORK, `scorecard.${name}.json`),
      JSON.stringify(sample, null, 1),
    );
    return {
      name,
      catalogWorkloads: workloadsOf(name),
      loadSeconds,
      seconds,
      phases,
      workloads: run.workloads,
      queries,
      rssBeforeMB,
      peakRssMB,
    };
  } finally {
    await backend.stop();
  }
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  console.log(
    `==> e2e: ${DATABASES.map(
      d => `${count(workloadsOf(d))} workloads on ${d}`,
    ).join(', ')}; Prometheus load for ${count(
      PROMETHEUS_WORKLOADS,
    )} over ${DAYS} day(s)`,
  );

  // Side by side: each catalog's processing keeps about one core busy for tens of minutes.
  console.log(`==> loading the catalog on ${DATABASES.join(' and ')}`);
  const loads = new Map<DatabaseName, number>(
    await Promise.all(
      DATABASES.map(
        async name => [name, await loadCatalog(name)] as [DatabaseName, number],
      ),
    ),
  );

  console.log('==> Kubernetes replay and Prometheus data');
  const replay = spawn(
    process.execPath,
    [
      ...process.execArgv,
      path.join(__dirname, 'e2e', 'kubernetesReplay.ts'),
      String(WORKLOADS),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const kubernetes = await new Promise<{ url: string; pods: number }>(resolve =>
    replay.stdout!.once('data', chunk => resolve(JSON.parse(String(chunk)))),
  );
  let data: PrometheusData | undefined;
  let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  const results: RunResult[] = [];
  try {
    // An earlier round's data is kept while it still reaches past the runs (it takes minutes to make).
    data =
      reusablePrometheusData(WORK, PROMETHEUS_WORKLOADS, DAYS) ??
      (await preparePrometheusData(WORK, PROMETHEUS_WORKLOADS, DAYS));
    console.log(
      `    ${count(data.series)} series, ${count(
        data.samples,
      )} samples; written in ${fmt(data.writeSeconds)} s, backfilled in ${fmt(
        data.backfillSeconds,
      )} s`,
    );
    prometheus = await startPrometheus(data);
    for (const name of DATABASES) {
      console.log(`==> the run on ${name}`);
      const result = await measureRun(name, loads.get(name)!, {
        kubernetes: kubernetes.url,
        prometheus,
      });
      console.log(
        `    ${fmt(result.seconds)} s, peak RSS ${fmt(
          result.peakRssMB,
          0,
        )} MB, ${result.queries} Prometheus queries; ${JSON.stringify(
          result.phases,
        )}`,
      );
      results.push(result);
    }
  } finally {
    replay.kill();
    await prometheus?.stop();
  }
  writeReport(results, data!, kubernetes.pods);
}

function writeReport(results: RunResult[], data: PrometheusData, pods: number) {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out('<!-- e2e:start -->');
  out(
    `## End to end through the real sources · ${new Date()
      .toISOString()
      .slice(0, 10)}`,
  );
  out();
  out(
    `\`yarn bench:e2e\` (bench/e2e.ts): one scoring run started through \`POST /v1/runs\` on a real backend,`,
  );
  out(
    `2 cores. The catalog backend holds the fleet's Components (the table gives how many) with their Systems and`,
  );
  out(
    `Groups; Kubernetes answers for ${count(WORKLOADS)} Deployments, ${count(
      pods,
    )} pods, ${count(Math.ceil(WORKLOADS / 3))} HPAs and ${count(
      Math.ceil(WORKLOADS / 2),
    )} PDBs come page by page`,
  );
  out(
    `from a replay server through the module's client; Prometheus 2.42 holds ${count(
      data.series,
    )} series, ${count(data.samples)} samples`,
  );
  out(
    `(load for ${count(
      PROMETHEUS_WORKLOADS,
    )} workloads over ${DAYS} day(s) at 5-minute resolution, with the module's recording rules' series),`,
  );
  out(
    "backfilled with promtool. Phases are the backend's own timings of the run (its closing log line); they",
  );
  out(
    'count only the time the run waited on each, so reading the next page while the last is written is not',
  );
  out(
    "counted twice. Peak RSS is the backend process's high-water mark over the run (reset before it starts), the",
  );
  out(
    "catalog's own memory included. The catalog load (the provider's mutation until every Component is",
  );
  out(
    'processed and stitched) ran on both databases side by side, and is not part of the run.',
  );
  out();
  out('What it leaves out, and why:');
  out(
    `- Prometheus holds load for ${count(PROMETHEUS_WORKLOADS)} of the ${count(
      WORKLOADS,
    )} workloads, one pod each, over ${DAYS} day(s) rather`,
  );
  out(
    '  than the default 7: a week of 50,000 workloads is 3.5 times the samples to write and backfill on this',
  );
  out(
    '  machine. At 7 days a workload holds 2,017 samples a series, so the default `maxSamplesPerQuery` (50,000,000)',
  );
  out('  would cut 50,000 workloads into 3 shards: 1 + 3 × 12 = 37 queries.');
  out(
    "- The recording rules' series are written into the TSDB as the rules would have recorded them, not",
  );
  out(
    "  evaluated by this Prometheus; evaluating them is the server's continuous work, not a run's.",
  );
  out(
    "- The Kubernetes replay makes pages from an index: the API server's own cost of listing is not here.",
  );
  out(
    "- The backend runs the TypeScript sources through sucrase's require hook, not a production build, and",
  );
  out('  permissions are off (the ALLOW path).');
  out();
  const phaseNames = [
    'catalog',
    'collector kubernetes',
    'collector prometheus',
    'collector catalog',
    'collector platform',
    'scoring',
    'writing',
    'roll-up',
  ];
  out(
    `| database | Components | run | ${phaseNames.join(
      ' | ',
    )} | Prometheus queries | RSS before | peak RSS | catalog load |`,
  );
  out(
    `|---|---:|---:|${phaseNames
      .map(() => '---:')
      .join('|')}|---:|---:|---:|---:|`,
  );
  for (const r of results) {
    const phase = (p: string) =>
      r.phases[p] === undefined ? '–' : `${fmt(r.phases[p])} s`;
    out(
      `| ${r.name} | ${count(r.catalogWorkloads)} | ${fmt(
        r.seconds,
      )} s | ${phaseNames.map(phase).join(' | ')} | ${r.queries} | ${fmt(
        r.rssBeforeMB,
        0,
      )} MB | ${fmt(r.peakRssMB, 0)} MB | ${fmt(r.loadSeconds / 60)} min |`,
    );
  }
  out();
  out('<!-- e2e:end -->');
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(file, 'utf8');
  const section = lines.join('\n');
  const replaced = /<!-- e2e:start -->[\s\S]*<!-- e2e:end -->/.test(text)
    ? text.replace(/<!-- e2e:start -->[\s\S]*<!-- e2e:end -->/, section)
    : text.replace(/^(# Benchmarks\n[\s\S]*?\n)(## )/, `$1${section}\n\n$2`);
  fs.writeFileSync(file, replaced);
  console.log(section);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
