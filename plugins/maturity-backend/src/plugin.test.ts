import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { maturityPlugin } from './plugin';

const entity = (kind: string, name: string, spec: object, annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec,
});

const entities: Entity[] = [
  entity('Group', 'acme', { type: 'organization', children: [] }),
  entity('Group', 'retail', { type: 'department', parent: 'acme', children: [] }),
  entity('Group', 'checkout-team', { type: 'team', parent: 'retail', children: [] }),
  entity('Component', 'cart', { type: 'service', owner: 'checkout-team', system: 'shop' }, { 'maturity.cloudnative.dev/cores': '12' }),
  entity('Component', 'pricing', { type: 'service', owner: 'retail' }, { 'maturity.cloudnative.dev/cores': 'lots' }),
];

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { maturity: { inventory: { schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } } } } },
      }),
    ],
  });
  return server;
}

async function waitForInventory(server: Parameters<typeof request>[0]) {
  for (let i = 0; i < 100; i++) {
    const res = await request(server).get('/api/maturity/v1/workloads');
    if (res.body.refreshedAt) return res;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('inventory never refreshed');
}

describe('maturity backend plugin', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/maturity/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists workloads with their hierarchy resolved from the catalog', async () => {
    const server = await startBackend();
    const res = await waitForInventory(server);
    expect(res.status).toBe(200);
    expect(res.body.unweighted).toBe(1);
    expect(res.body.items).toEqual([
      {
        ref: 'component:default/cart',
        product: 'system:default/shop',
        team: 'group:default/checkout-team',
        department: 'group:default/retail',
        company: 'group:default/acme',
        cores: 12,
        coresSource: 'annotation',
        problems: [],
        lastSeenAt: res.body.refreshedAt,
      },
      {
        ref: 'component:default/pricing',
        department: 'group:default/retail',
        company: 'group:default/acme',
        cores: null,
        coresSource: 'unknown',
        problems: [
          'Entity component:default/pricing has an invalid annotation maturity.cloudnative.dev/cores: "lots"; expected a non-negative number of CPU cores, e.g. "16" or "0.5"',
        ],
        lastSeenAt: res.body.refreshedAt,
      },
    ]);
  });

  it('filters by department and rejects an unknown parameter shape', async () => {
    const server = await startBackend();
    await waitForInventory(server);
    const none = await request(server).get('/api/maturity/v1/workloads?department=group:default/other');
    expect(none.body).toMatchObject({ items: [] });
    const bad = await request(server).get('/api/maturity/v1/workloads?department=a&department=b');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/department/);
  });
});
