import { ClusterIndex } from './ClusterIndex';
import {
  ClusterSource,
  KubeObject,
  resourceLabel,
} from './sources/ClusterSource';

const deployment = (namespace: string, name: string): KubeObject => ({
  kind: 'Deployment',
  metadata: {
    name,
    namespace,
    labels: { 'backstage.io/kubernetes-id': name },
    annotations: { huge: 'x'.repeat(10_000) },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          {
            name: 'app',
            env: [{ name: 'BIG', value: 'y'.repeat(10_000) }],
            resources: { requests: { cpu: '500m' } },
            readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
          },
        ],
      },
    },
  },
  status: { conditions: [{ type: 'Available', message: 'z'.repeat(10_000) }] },
});
const pod = (
  namespace: string,
  app: string,
  phase = 'Running',
): KubeObject => ({
  metadata: { namespace, labels: { app, 'pod-template-hash': 'abc' } },
  status: { phase },
});

/** A source that passes each object through `keep`, as a live one does page by page, and records what it held. */
function sourceOf(objects: Partial<Record<string, KubeObject[]>>) {
  const held: unknown[] = [];
  const source: ClusterSource = {
    cluster: 'test',
    async list(resource, keep) {
      const kept = [];
      for (const item of objects[resourceLabel(resource)] ?? []) {
        const slim = keep(item);
        if (slim !== undefined) kept.push(slim);
      }
      held.push(...kept);
      return kept;
    },
    async listAddOn(resource, keep) {
      return objects[resourceLabel(resource)]
        ? source.list(resource, keep)
        : undefined;
    },
  };
  return { source, held };
}

describe('ClusterIndex', () => {
  it('keeps only what the facts read of each object', async () => {
    const { source, held } = sourceOf({
      deployments: [deployment('shop', 'cart')],
    });
    await ClusterIndex.read(source);
    const text = JSON.stringify(held);
    // The env, the status conditions and the object's annotations are gone; a probe is a marker.
    expect(text).not.toMatch(/BIG|Available|huge/);
    expect(held[0]).toMatchObject({
      kind: 'Deployment',
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              { resources: { requests: { cpu: '500m' } }, readinessProbe: {} },
            ],
          },
        },
      },
    });
    expect(text.length).toBeLessThan(400);
  });

  it('counts the running pods each controller selects, in its own namespace only', async () => {
    const { source } = sourceOf({
      deployments: [
        deployment('shop', 'cart'),
        deployment('staging', 'cart'),
        deployment('shop', 'web'),
      ],
      pods: [
        pod('shop', 'cart'),
        pod('shop', 'cart'),
        pod('shop', 'cart', 'Pending'),
        pod('staging', 'cart'),
        pod('shop', 'web'),
      ],
    });
    const index = await ClusterIndex.read(source);
    const cart = { labels: { 'backstage.io/kubernetes-id': 'cart' } };
    // Without a namespace the Component names both carts: 2 running in shop + 1 in staging.
    expect(index.objectsOf(cart)).toMatchObject({ runningPods: 3 });
    expect(index.objectsOf(cart).controllers).toHaveLength(2);
    expect(index.objectsOf({ ...cart, namespace: 'shop' })).toMatchObject({
      runningPods: 2,
    });
    expect(
      index.objectsOf({ labels: { 'backstage.io/kubernetes-id': 'web' } }),
    ).toMatchObject({ runningPods: 1 });
    expect(
      index.objectsOf({ labels: { 'backstage.io/kubernetes-id': 'ghost' } }),
    ).toMatchObject({ controllers: [], runningPods: 0 });
  });
});
