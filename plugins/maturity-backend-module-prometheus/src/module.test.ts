import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import maturityPlugin from '@internal/plugin-maturity-backend';
import request from 'supertest';
import { maturityModulePrometheus } from './module';
import { plantedLoadOpenMetrics } from './__testUtils__/openMetrics';
import { startPrometheus } from './__testUtils__/startPrometheus';

const GiB = 1024 ** 3;
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
// cart's one pod exports orders_placed (1); ledger's exports nothing of its own.
const load = (
  namespace: string,
  pod: string,
  name: string,
  exports: string[],
) => ({
  namespace,
  pod,
  owner: { kind: 'StatefulSet', name },
  end,
  days: 1,
  baseCores: 1,
  peakCores: 1,
  peakHours: [],
  baseBytes: GiB,
  peakBytes: GiB,
  requestCores: 2,
  exports,
});
const component = (name: string, namespace: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': namespace,
      'maturity.cloudnative.dev/cores': '2',
    },
  },
  spec: { type: 'service', owner: 'shop' },
});

describe('maturityModulePrometheus', () => {
  it("scores an operator's check on an operator's PromQL fact, end to end against a real Prometheus", async () => {
    const prometheus = await startPrometheus(
      plantedLoadOpenMetrics([
        load('shop', 'cart-0', 'cart', ['orders_placed']),
        load('bank', 'ledger-0', 'ledger', []),
      ]),
    );
    try {
      const { server } = await startTestBackend({
        features: [
          maturityPlugin,
          maturityModulePrometheus,
          catalogServiceMock.factory({
            entities: [component('cart', 'shop'), component('ledger', 'bank')],
          }),
          mockServices.rootConfig.factory({
            data: {
              maturity: {
                schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
                prometheus: {
                  url: prometheus.url,
                  lookbackDays: 1,
                  facts: {
                    ordersPlaced: {
                      query:
                        'sum by (namespace, workload) (orders_placed * on (namespace, pod) group_left (workload) $owners)',
                    },
                  },
                },
                customChecks: [
                  {
                    id: 'orders-flowing',
                    title: 'Orders are being placed',
                    dimension: 'architecture',
                    side: 'business',
                    weight: 2,
                    rule: {
                      kind: 'atLeast',
                      fact: 'prometheus.ordersPlaced',
                      target: 1,
                    },
                    rationale: 'A shop that takes no orders is down.',
                    remediation: 'Export orders_placed from the order service.',
                  },
                ],
              },
            },
          }),
        ],
      });
      const check = async (name: string) =>
        (
          await request(server).get(
            `/api/maturity/v1/scorecards/component/default/${name}`,
          )
        ).body.checks.find((c: any) => c.id === 'orders-flowing');
      expect(await check('cart')).toMatchObject({
        status: 'pass',
        credit: 1,
        basis: 'measured',
        facts: { 'prometheus.ordersPlaced': 1 },
        provenance: {
          'prometheus.ordersPlaced': {
            source: 'prometheus',
            from: 'maturity.prometheus.facts.ordersPlaced, series of shop/cart',
          },
        },
      });
      // No series for ledger: the fact is unknown, and the check left out.
      expect(await check('ledger')).toMatchObject({
        status: 'unknown',
        credit: null,
        facts: {},
      });
    } finally {
      await prometheus.stop();
    }
  }, 60_000);
});
