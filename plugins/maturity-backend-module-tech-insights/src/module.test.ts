import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import maturityPlugin from '@internal/plugin-maturity-backend';
import { createFactCollectionRun } from '@internal/plugin-maturity-node';
import maturityModuleTechInsights from './index';
import { TechInsightsClient } from './TechInsightsClient';
import { TechInsightsFactCollector } from './TechInsightsFactCollector';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'maturity.cloudnative.dev/cores': '4' },
  },
  spec: { type: 'service', owner, lifecycle: 'production' },
});
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  component('cart', 'shop'),
  component('ledger', 'shop'),
  component('orphan', 'shop'),
];

/**
 * An organisation's own fact retriever, as Tech Insights runs it: whether a workload has an
 * on-call rota and how many escalation steps its pager policy has. It knows cart and ledger.
 */
const oncallRetriever: FactRetriever = {
  id: 'acme-oncall',
  version: '1.0.0',
  title: 'On-call',
  description: 'On-call rota and pager policy per service',
  entityFilter: [{ kind: 'component' }],
  schema: {
    hasRota: { type: 'boolean', description: 'An on-call rota is set up' },
    escalationSteps: { type: 'integer', description: 'Pager policy steps' },
  },
  async handler() {
    return [
      {
        entity: { namespace: 'default', kind: 'component', name: 'cart' },
        facts: { hasRota: true, escalationSteps: 3 },
      },
      {
        entity: { namespace: 'default', kind: 'component', name: 'ledger' },
        facts: { hasRota: false, escalationSteps: 1 },
      },
    ];
  },
};

/** The operator's check on a Tech Insights fact, as they would write it in app-config. */
const ROTA_CHECK = {
  id: 'oncall-rota',
  title: 'Has an on-call rota',
  dimension: 'architecture',
  side: 'business',
  weight: 1,
  rule: {
    kind: 'all',
    rules: [
      { kind: 'true', fact: 'techInsights.hasRota' },
      { kind: 'atLeast', fact: 'techInsights.escalationSteps', target: 2 },
    ],
  },
  rationale: 'Someone answers when it breaks.',
  remediation: 'Set up a rota with at least two escalation steps.',
};

describe('the Tech Insights module', () => {
  it("scores an operator's check on facts a real Tech Insights backend's retriever collected", async () => {
    let scheduler: SchedulerService | undefined;
    const { server } = await startTestBackend({
      features: [
        techInsightsPlugin,
        createBackendModule({
          pluginId: 'tech-insights',
          moduleId: 'acme-oncall',
          register(env) {
            env.registerInit({
              deps: {
                retrievers: techInsightsFactRetrieversExtensionPoint,
                scheduler: coreServices.scheduler,
              },
              async init(deps) {
                deps.retrievers.addFactRetrievers({
                  acmeOncall: oncallRetriever,
                });
                scheduler = deps.scheduler;
              },
            });
          },
        }),
        maturityPlugin,
        maturityModuleTechInsights,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            techInsights: {
              factRetrievers: { acmeOncall: { cadence: '0 3 * * *' } },
            },
            maturity: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              platforms: { default: { sharedCluster: true } },
              techInsights: {
                facts: {
                  hasRota: { retriever: 'acme-oncall', fact: 'hasRota' },
                  escalationSteps: {
                    retriever: 'acme-oncall',
                    fact: 'escalationSteps',
                  },
                },
              },
              customChecks: [ROTA_CHECK],
            },
          },
        }),
      ],
    });
    // Tech Insights retrieves, then maturity scores (both through the scheduler).
    await scheduler!.triggerTask('acme-oncall');
    await scheduler!.triggerTask('maturity-scoring-run');
    const check = async (name: string) =>
      (
        await request(server).get(
          `/api/maturity/v1/scorecards/component/default/${name}`,
        )
      ).body.checks.find((c: any) => c.id === 'oncall-rota');
    // cart: a rota and 3 steps, declared facts (a retriever's report), which earn half by default;
    // ledger: no rota; orphan: nothing retrieved.
    expect(await check('cart')).toMatchObject({
      status: 'partial',
      credit: 0.5,
      basis: 'declared',
      facts: {
        'techInsights.hasRota': true,
        'techInsights.escalationSteps': 3,
      },
      provenance: {
        'techInsights.hasRota': {
          source: 'tech-insights',
          from: expect.stringMatching(
            /^Tech Insights acme-oncall: hasRota(, retrieved \d{4}-.*)?$/,
          ),
        },
      },
    });
    expect(await check('ledger')).toMatchObject({ status: 'fail', credit: 0 });
    expect(await check('orphan')).toMatchObject({ status: 'unknown' });
  }, 60_000);

  it('asks a Tech Insights that does not answer once, and marks every workload stale with why', async () => {
    const requests: string[] = [];
    const hanging = http.createServer(req => {
      requests.push(req.url ?? '');
    });
    await new Promise<void>(r => hanging.listen(0, '127.0.0.1', r));
    const { port } = hanging.address() as AddressInfo;
    try {
      const collector = new TechInsightsFactCollector({
        reader: new TechInsightsClient({
          discovery: mockServices.discovery(),
          auth: mockServices.auth(),
          baseUrl: `http://127.0.0.1:${port}/api/tech-insights`,
          timeoutMs: 300,
        }),
        facts: { hasRota: { retriever: 'acme-oncall', fact: 'hasRota' } },
        concurrency: 1,
        timeoutMs: 300,
      });
      // Two pages of one run.
      const run = createFactCollectionRun(new Date());
      const first = await collector.collect(
        [component('cart', 'shop'), component('ledger', 'shop')],
        run,
      );
      const second = await collector.collect(
        [component('orphan', 'shop')],
        run,
      );
      const reason = 'Tech Insights did not answer within 0.3 s';
      expect([...first.failures!]).toEqual([
        ['component:default/cart', reason],
        ['component:default/ledger', reason],
      ]);
      expect([...second.failures!]).toEqual([
        ['component:default/orphan', reason],
      ]);
      expect(requests).toEqual([
        '/api/tech-insights/facts/latest?entity=component%3Adefault%2Fcart&ids%5B%5D=acme-oncall',
      ]);
    } finally {
      hanging.closeAllConnections();
      await new Promise(r => hanging.close(r));
    }
  });
});
