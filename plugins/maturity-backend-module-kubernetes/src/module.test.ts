import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import maturityPlugin from '@internal/plugin-maturity-backend';
import request from 'supertest';
import { maturityModuleKubernetes } from './module';
import { startReplayServer } from './__testUtils__/replayServer';

describe('maturityModuleKubernetes', () => {
  it('feeds the maturity plugin: measured cores and Kubernetes checks on the scorecard', async () => {
    const cluster = await startReplayServer({ token: 'sa-token' });
    try {
      const { server } = await startTestBackend({
        features: [
          maturityPlugin,
          maturityModuleKubernetes,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'cart',
                  namespace: 'default',
                  annotations: {
                    'backstage.io/kubernetes-id': 'cart',
                    'maturity.cloudnative.dev/cores': '99',
                  },
                },
                spec: { type: 'service', owner: 'shop' },
              },
            ],
          }),
          mockServices.rootConfig.factory({
            data: {
              maturity: {
                schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
                kubernetes: {
                  clusters: [
                    {
                      name: 'prod-1',
                      url: cluster.url,
                      serviceAccountToken: 'sa-token',
                      skipTLSVerify: true,
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      const card = await request(server).get(
        '/api/maturity/v1/scorecards/component/default/cart',
      );
      expect(card.status).toBe(200);
      // Requests × replicas (1.8) outrank the declared 99 cores.
      expect(card.body).toMatchObject({
        cores: 1.8,
        coresSource: 'kubernetes',
        stale: false,
      });
      const status = Object.fromEntries(
        card.body.checks.map((c: any) => [c.id, c.status]),
      );
      expect(status).toMatchObject({
        'hpa-elastic': 'pass',
        'cpu-requests-set': 'pass',
        'cpu-limit-ratio': 'pass',
        'cpu-memory-ratio': 'pass',
        'health-probes': 'pass',
        'zone-spread': 'pass',
        'no-static-cpu-binding': 'pass',
        'graceful-shutdown': 'not-applicable',
      });
    } finally {
      await cluster.close();
    }
  });
});
