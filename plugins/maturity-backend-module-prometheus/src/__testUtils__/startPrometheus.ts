import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A port nothing listens on at the moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Runs Prometheus on 127.0.0.1 over the TSDB in `<directory>/data`, with a minimal config written
 * beside it, and waits until it is ready (a large TSDB takes longer to open: `readyTimeoutMs`).
 */
export async function launchPrometheus(options: {
  directory: string;
  flags?: string[];
  readyTimeoutMs?: number;
  /** Rule files (beside the config) Prometheus loads and evaluates. */
  ruleFiles?: string[];
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = path.join(options.directory, 'prometheus.yml');
  const rules = (options.ruleFiles ?? []).map(f => `  - ${f}\n`).join('');
  await fs.writeFile(
    config,
    `global:\n  scrape_interval: 1m\n${rules ? `rule_files:\n${rules}` : ''}`,
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(options.directory, 'data')}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
      ...(options.flags ?? []),
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || child.exitCode !== null) {
      throw new Error('Prometheus did not become ready');
    }
    await new Promise(r => setTimeout(r, 200));
  }
  const stop = async () => {
    child.kill();
    await new Promise(r =>
      child.exitCode !== null ? r(null) : child.once('exit', r),
    );
  };
  return { url, stop };
}

/**
 * Starts a real Prometheus (Debian's `prometheus` package) on 127.0.0.1 with a temporary data
 * directory backfilled from OpenMetrics text by `promtool`. Fails loudly when it is not installed.
 * With `rules` (a rule file's YAML) the recording rules are backfilled too, with `promtool tsdb
 * create-blocks-from rules` over `rulesFrom`..`rulesTo` at 5-minute steps, as if they had run all
 * along, and Prometheus is restarted to load them. `alertRules` (a rule file's YAML) is loaded for
 * Prometheus to serve at `/api/v1/rules`.
 */
export async function startPrometheus(
  openMetrics: string,
  options: {
    rules?: string;
    rulesFrom?: Date;
    rulesTo?: Date;
    flags?: string[];
    alertRules?: string;
  } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  for (const binary of ['prometheus', 'promtool']) {
    if (spawnSync(binary, ['--version']).error) {
      throw new Error(
        `${binary} is not installed; the Prometheus tests need the real server: apt-get install -y --no-install-recommends prometheus`,
      );
    }
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-prometheus-'));
  const data = path.join(dir, 'data');
  await fs.writeFile(path.join(dir, 'load.om'), openMetrics);
  const backfill = spawnSync(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=24h',
      path.join(dir, 'load.om'),
      data,
    ],
    { encoding: 'utf8' },
  );
  if (backfill.status !== 0)
    throw new Error(`promtool backfill failed: ${backfill.stderr}`);
  if (options.alertRules)
    await fs.writeFile(path.join(dir, 'alerts.yml'), options.alertRules);
  const start = () =>
    launchPrometheus({
      directory: dir,
      flags: options.flags,
      ruleFiles: options.alertRules ? ['alerts.yml'] : [],
    });

  let server = await start();
  if (options.rules && options.rulesFrom && options.rulesTo) {
    await fs.writeFile(path.join(dir, 'rules.yml'), options.rules);
    const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000));
    const recorded = spawnSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--start=${seconds(options.rulesFrom)}`,
        `--end=${seconds(options.rulesTo)}`,
        `--url=${server.url}`,
        `--output-dir=${path.join(dir, 'recorded')}`,
        '--eval-interval=5m',
        path.join(dir, 'rules.yml'),
      ],
      { encoding: 'utf8' },
    );
    if (recorded.status !== 0)
      throw new Error(`promtool rule backfill failed: ${recorded.stderr}`);
    await server.stop();
    for (const block of await fs.readdir(path.join(dir, 'recorded'))) {
      await fs.rename(
        path.join(dir, 'recorded', block),
        path.join(data, block),
      );
    }
    server = await start();
  }
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
