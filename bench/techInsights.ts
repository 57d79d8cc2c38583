/* eslint-disable no-console */
/**
 * `yarn bench:tech-insights`: the same ten checks over the same 10,000 entities, both ways, in one
 * run. Tech Insights (its backend, a fact retriever holding the facts, the json-rules-engine fact
 * checker) runs its bulk check run, `POST /checks/run`; this suite runs a scoring run. Each side
 * runs in a backend of its own, in a process of its own, so that its peak RSS is its own; then its
 * per-entity route takes 50 concurrent clients (wrk): Tech Insights' `POST /checks/run/:entity`,
 * this suite's `GET /v1/scorecards/:entity`. The round replaces the Tech Insights section of
 * docs/benchmarks.md.
 *
 * Options: --entities 10000, --seconds 10.
 */
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import {
  CheckDefinition,
  DEFAULT_CHECKS,
  isCompositeRule,
} from '@internal/plugin-maturity-common';
import { maturityFactCollectorsExtensionPoint } from '@internal/plugin-maturity-node';
import maturityPlugin from '../plugins/maturity-backend/src';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { replaceSection } from './benchmarksDoc';
import { load, LoadResult } from './load';
import { generateOrganisation } from './organisation';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tools', 'bench');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ENTITIES = Number(arg('entities', '10000'));
const SECONDS = Number(arg('seconds', '10'));
const RETRIEVER = 'bench-facts';

/**
 * The ten checks both sides run: yes/no checks of the default model, eight on the owning team's
 * side and two on the platform's (a maturity score needs both), so that Tech Insights' boolean
 * rules and this suite's credits agree check by check.
 */
const CHECK_IDS = [
  'cpu-requests-set',
  'no-static-cpu-binding',
  'no-exclusive-nodes',
  'zone-spread',
  'health-probes',
  'gradual-release',
  'image-scanning',
  'image-signing',
  'shared-cluster',
  'cluster-autoscaling',
];
const CHECKS = CHECK_IDS.map(id => DEFAULT_CHECKS.find(c => c.id === id)!);
/** A fact id as a json-rules-engine fact name: `kubernetes.cpuRequestsSet` → `cpuRequestsSet`. */
const tiName = (fact: string) =>
  fact
    .split('.')
    .pop()!
    .replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const factOf = (check: CheckDefinition) => {
  if (isCompositeRule(check.rule)) throw new Error(`${check.id} is composite`);
  return check.rule;
};

const organisation = generateOrganisation(ENTITIES);
const entities = [
  ...organisation.groups,
  ...Array.from({ length: ENTITIES }, (_, i) => organisation.component(i)),
];
const nameOf = (i: number) => organisation.component(i).metadata.name;

/** What each side measured. */
interface SideResult {
  /** The bulk check run (Tech Insights) or the scoring run (this suite), in seconds. */
  runSeconds: number;
  /** Tech Insights: storing the retriever's facts, in seconds. */
  factsSeconds?: number;
  /** Entities with a result for every check (Tech Insights) or a score (this suite). */
  answered: number;
  peakRssMb: number;
  route: LoadResult;
}

/** Starts a backend and hands back its origin and the scheduler its plugins share. */
async function backend(features: any[], config: object) {
  let scheduler: SchedulerService | undefined;
  const { server } = await startTestBackend({
    features: [
      ...features,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createBackendModule({
        pluginId: 'maturity',
        moduleId: 'bench-scheduler',
        register(env) {
          env.registerInit({
            deps: { s: coreServices.scheduler },
            async init({ s }) {
              scheduler = s;
            },
          });
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, scheduler: scheduler! };
}

const randomPaths = (route: (name: string) => string) =>
  Array.from({ length: 2000 }, () =>
    route(nameOf(Math.floor(Math.random() * ENTITIES))),
  );

async function techInsightsSide(): Promise<SideResult> {
  const retriever: FactRetriever = {
    id: RETRIEVER,
    version: '1.0.0',
    entityFilter: [{ kind: 'component' }],
    schema: Object.fromEntries(
      CHECKS.map(c => [
        tiName(factOf(c).fact),
        { type: 'boolean', description: c.title },
      ]),
    ),
    async handler() {
      return Array.from({ length: ENTITIES }, (_, i) => {
        const facts = organisation.facts(i);
        return {
          entity: { namespace: 'default', kind: 'component', name: nameOf(i) },
          facts: Object.fromEntries(
            CHECKS.map(c => [
              tiName(factOf(c).fact),
              facts[factOf(c).fact] as boolean,
            ]),
          ),
        };
      });
    },
  };
  const checks = Object.fromEntries(
    CHECKS.map(c => [
      c.id,
      {
        type: 'json-rules-engine',
        name: c.title,
        description: c.rationale,
        factIds: [RETRIEVER],
        rule: {
          conditions: {
            all: [
              {
                fact: tiName(factOf(c).fact),
                operator: 'equal',
                value: factOf(c).kind === 'true',
              },
            ],
          },
        },
      },
    ]),
  );
  const { origin, scheduler } = await backend(
    [
      techInsightsPlugin,
      jsonRulesEngineModule,
      createBackendModule({
        pluginId: 'tech-insights',
        moduleId: 'bench-facts',
        register(env) {
          env.registerInit({
            deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
            async init({ retrievers }) {
              retrievers.addFactRetrievers({ benchFacts: retriever });
            },
          });
        },
      }),
    ],
    {
      techInsights: {
        factRetrievers: { benchFacts: { cadence: '0 3 * * *' } },
        factChecker: { checks },
      },
    },
  );
  let t = performance.now();
  await scheduler.triggerTask(RETRIEVER);
  const factsSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const response = await fetch(`${origin}/api/tech-insights/checks/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // No entities named: every entity it holds facts for. A list of 10,000 refs is over the
    // route's 100 KB body limit.
    body: JSON.stringify({ entities: [], checks: CHECK_IDS }),
  });
  const results = (await response.json()) as Array<{ results: unknown[] }>;
  const runSeconds = (performance.now() - t) / 1000;
  if (!response.ok) throw new Error(`checks/run: ${JSON.stringify(results)}`);
  const route = await load(
    WORK,
    origin,
    randomPaths(
      name => `/api/tech-insights/checks/run/default/component/${name}`,
    ),
    SECONDS,
    50,
    { method: 'POST', body: { checks: CHECK_IDS } },
  );
  return {
    runSeconds,
    factsSeconds,
    answered: results.filter(r => r.results.length === CHECK_IDS.length).length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    route,
  };
}

async function maturitySide(): Promise<SideResult> {
  const { origin, scheduler } = await backend(
    [
      maturityPlugin,
      createBackendModule({
        pluginId: 'maturity',
        moduleId: 'bench-facts',
        register(env) {
          env.registerInit({
            deps: { collectors: maturityFactCollectorsExtensionPoint },
            async init({ collectors }) {
              collectors.addFactCollector(organisation.collector);
            },
          });
        },
      }),
    ],
    {
      maturity: {
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
        // The ten checks alone.
        checks: Object.fromEntries(
          DEFAULT_CHECKS.filter(c => !CHECK_IDS.includes(c.id)).map(c => [
            c.id,
            { enabled: false },
          ]),
        ),
      },
    },
  );
  const t = performance.now();
  await scheduler.triggerTask('maturity-scoring-run');
  const runSeconds = (performance.now() - t) / 1000;
  const [run] = (
    (await (await fetch(`${origin}/api/maturity/v1/runs`)).json()) as {
      items: Array<{ status: string; workloads: number; scored: number }>;
    }
  ).items;
  if (run?.status !== 'succeeded')
    throw new Error(`the scoring run did not succeed: ${JSON.stringify(run)}`);
  const route = await load(
    WORK,
    origin,
    randomPaths(
      name => `/api/maturity/v1/scorecards/component/default/${name}`,
    ),
    SECONDS,
  );
  return {
    runSeconds,
    answered: run.workloads,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    route,
  };
}

/** Runs one side in a child process of its own and reads what it measured. */
function side(name: 'tech-insights' | 'maturity'): SideResult {
  const output = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      __filename,
      '--side',
      name,
      '--entities',
      String(ENTITIES),
      '--seconds',
      String(SECONDS),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = output.trim().split('\n').pop()!;
  return JSON.parse(line) as SideResult;
}

function main() {
  const ti = side('tech-insights');
  const maturity = side('maturity');
  const date = new Date().toISOString().slice(0, 10);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const row = (label: string, r: SideResult, route: string) =>
    `| ${label} | ${r.runSeconds.toFixed(2)} s | ${r.answered.toLocaleString(
      'en-US',
    )} | ${Math.round(r.peakRssMb)} MB | ${route} | ${r.route.requests} | ${ms(
      r.route.p50,
    )} | ${ms(r.route.p95)} | ${ms(r.route.p99)} |`;
  const lines = [
    `## Beside Tech Insights · ${date}`,
    '',
    `\`yarn bench:tech-insights\` on ${os.cpus().length} cores (${
      os.cpus()[0].model
    }): the same ten yes/no checks (${CHECK_IDS.map(id => `\`${id}\``).join(
      ', ',
    )}) over the same ${ENTITIES.toLocaleString(
      'en-US',
    )} Components, each side in a backend of its own (a process each, SQLite in memory, the catalog served from memory). Then each side's per-entity route under 50 concurrent clients for ${SECONDS} s (wrk), on random entities.`,
    '',
    '| side | run | entities answered | peak RSS | per-entity route | requests | p50 | p95 | p99 |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    row(
      'Tech Insights 3.1.0, json-rules-engine checks',
      ti,
      '`POST /checks/run/:namespace/:kind/:name`',
    ),
    row('this suite', maturity, '`GET /v1/scorecards/:kind/:namespace/:name`'),
    '',
    `What each "run" holds: Tech Insights' is its bulk \`POST /checks/run\` for every entity it holds facts for (\`entities: []\`: a list of 10,000 refs is over the route's 100 KB body limit): for each, the latest facts read from its database and the ten rules evaluated, answered as one JSON array. Storing the retriever's facts first took ${ti.factsSeconds!.toFixed(
      2,
    )} s and is not in it. This suite's is a scoring run: the catalog read page by page, the facts collected (generated in process: no source is asked), the checks scored, the roll-up to products, teams, departments and the company, and the snapshot written. The per-entity routes differ too: Tech Insights evaluates the rules on each request; this suite reads the stored scorecard. Peak RSS is each process's whole life: the backend, the generated organisation and the load generator's paths included.`,
  ];
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  fs.writeFileSync(
    file,
    replaceSection(
      fs.readFileSync(file, 'utf8'),
      'tech-insights',
      () => `\n${lines.join('\n')}\n`,
    ),
  );
  console.log(lines.join('\n'));
}

const which = arg('side', '');
const job =
  which === 'tech-insights'
    ? techInsightsSide
    : which === 'maturity'
    ? maturitySide
    : async () => main();
job().then(
  result => {
    if (result) console.log(JSON.stringify(result));
    process.exit(0);
  },
  error => {
    console.error(error);
    process.exit(1);
  },
);
