import { KubeObject } from '../sources/ClusterSource';
import { PlatformEvidence } from './platformFacts';
import { imageKey } from './practiceFacts';

const node = (name: string, capacity: string, allocatable: string) => ({
  kind: 'Node',
  metadata: { name },
  status: { capacity: { cpu: capacity }, allocatable: { cpu: allocatable } },
});
const pod = (
  namespace: string,
  nodeName: string,
  cpu: string | undefined,
  extra: Partial<{ priority: number; qosClass: string; daemon: boolean }> = {},
): KubeObject =>
  ({
    kind: 'Pod',
    metadata: {
      name: `p-${Math.random()}`,
      namespace,
      ...(extra.daemon ? { ownerReferences: [{ kind: 'DaemonSet' }] } : {}),
    },
    spec: {
      nodeName,
      ...(extra.priority !== undefined ? { priority: extra.priority } : {}),
      containers: [{ resources: cpu ? { requests: { cpu } } : {} }],
    },
    status: { phase: 'Running', qosClass: extra.qosClass ?? 'Burstable' },
  } as KubeObject);
const controller = (
  kind: string,
  namespace: string,
  image: string,
  status: object = { readyReplicas: 1 },
): KubeObject => ({
  kind,
  metadata: { name: image.split(/[/:]/).slice(-2, -1)[0], namespace },
  spec: { template: { spec: { containers: [{ image }] } } },
  status,
});

function evidence(build: (p: PlatformEvidence) => void) {
  const p = new PlatformEvidence('c1');
  build(p);
  return p.facts().facts;
}

describe('PlatformEvidence', () => {
  it('counts a node that allocates more than its capacity as over-commit', () => {
    // 8 cores allocated as 12 by an over-commit controller.
    const facts = evidence(p => {
      p.noteNode(node('a', '8', '12'));
      p.notePod(p.podLoad(pod('shop', 'a', '10')));
    });
    expect(facts['platform.overcommit']).toBe(true);
  });

  it('finds co-location only where offline and online pods share a node', () => {
    const separate = evidence(p => {
      p.noteNode(node('a', '8', '8'));
      p.noteNode(node('b', '8', '8'));
      p.notePod(p.podLoad(pod('shop', 'a', '1')));
      // Offline by negative priority, alone on b; a DaemonSet's pod is neither.
      p.notePod(p.podLoad(pod('batch', 'b', '1', { priority: -5 })));
      p.notePod(p.podLoad(pod('logging', 'b', '1', { daemon: true })));
      // System pods are not online work.
      p.notePod(p.podLoad(pod('kube-system', 'b', '1')));
    });
    expect(separate['platform.colocation']).toBe(false);
    const shared = evidence(p => {
      p.noteNode(node('a', '8', '8'));
      p.notePod(p.podLoad(pod('shop', 'a', '1')));
      p.notePod(
        p.podLoad(pod('batch', 'a', undefined, { qosClass: 'BestEffort' })),
      );
    });
    expect(shared['platform.colocation']).toBe(true);
  });

  it('wants runtime protection ready on every node', () => {
    const facts = evidence(p => {
      p.noteNode(node('a', '8', '8'));
      p.noteNode(node('b', '8', '8'));
      p.noteController(
        controller('DaemonSet', 'security', 'quay.io/cilium/tetragon:v1.2', {
          numberReady: 1,
          desiredNumberScheduled: 2,
        }),
      );
    });
    expect(facts['platform.runtimeProtection']).toBe(false);
  });

  it('leaves node facts and storage unknown when the cluster shows none', () => {
    const facts = evidence(() => {});
    expect(facts).toEqual({
      'platform.clusterAutoscaling': false,
      'platform.rescheduling': false,
      'platform.crossClusterScheduling': false,
      'platform.sharedCluster': false,
      'platform.admissionPolicies': false,
      'platform.autoInstrumentation': false,
    });
  });

  it("recognises Karpenter and Crane's scheduler, and a CronJob descheduler", () => {
    const facts = evidence(p => {
      p.noteController(
        controller(
          'Deployment',
          'karpenter',
          'public.ecr.aws/karpenter/controller:1.0.6',
        ),
      );
      p.noteController({
        kind: 'CronJob',
        metadata: { name: 'descheduler', namespace: 'kube-system' },
        spec: {
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      image: 'registry.k8s.io/descheduler/descheduler:v0.31.0',
                    },
                  ],
                },
              },
            },
          },
        },
      });
    });
    expect(facts['platform.clusterAutoscaling']).toBe(true);
    expect(facts['platform.rescheduling']).toBe(true);
    // An add-on that is installed but not running gives nothing.
    const stopped = evidence(p =>
      p.noteController(
        controller(
          'Deployment',
          'crane-system',
          'gocrane/crane-scheduler:v0.2',
          {
            readyReplicas: 0,
          },
        ),
      ),
    );
    expect(stopped['platform.rescheduling']).toBe(false);
  });

  it('finds cross-cluster scheduling by its agents, serverless capacity by virtual nodes', () => {
    const plain = evidence(p => {
      p.noteNode(node('a', '8', '8'));
    });
    expect(plain['platform.crossClusterScheduling']).toBe(false);
    expect(plain['platform.serverlessCapacity']).toBe(false);
    const origins = new PlatformEvidence('c1');
    origins.noteController(
      controller(
        'Deployment',
        'karmada-system',
        'docker.io/karmada/karmada-agent:v1.12.0',
      ),
    );
    origins.noteNode(node('a', '8', '8'));
    origins.noteNode({
      ...node('eklet-1', '1000', '1000'),
      metadata: {
        name: 'eklet-1',
        labels: { 'node.kubernetes.io/instance-type': 'eklet' },
      },
    });
    // The virtual node's 1,000 cores are a quota, not capacity: 4 of 8 requested, not 4 of 1,008.
    origins.notePod(origins.podLoad(pod('shop', 'a', '4')));
    const { facts, origins: from } = origins.facts();
    expect(facts['platform.crossClusterScheduling']).toBe(true);
    expect(from['platform.crossClusterScheduling'].from).toBe(
      'cluster c1: Karmada (Deployment karmada-system/karmada-agent)',
    );
    expect(facts['platform.serverlessCapacity']).toBe(true);
    expect(from['platform.serverlessCapacity'].from).toBe(
      'cluster c1: virtual nodes for serverless pods: eklet-1',
    );
    expect(from['platform.overcommit'].from).toMatch(
      /^cluster c1: 1 nodes: CPU requested 4 of 8 cores of capacity \(50 %\)/,
    );
  });

  it('finds elastic data services only where an HPA scales a StatefulSet', () => {
    const hpa = (kind: string, min: number, max: number): KubeObject => ({
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'redis', namespace: 'cache' },
      spec: {
        scaleTargetRef: { kind, name: 'redis' },
        minReplicas: min,
        maxReplicas: max,
      },
    });
    const facts = (scaler: KubeObject) =>
      evidence(p => p.noteScaler(scaler))['platform.elasticDataServices'];
    expect(facts(hpa('StatefulSet', 3, 6))).toBe(true);
    // A Deployment's HPA, or one pinned at one size, shows nothing: left to the declaration.
    expect(facts(hpa('Deployment', 3, 6))).toBeUndefined();
    expect(facts(hpa('StatefulSet', 3, 3))).toBeUndefined();
  });

  it('needs enforced image and resource rules, from Kyverno or Gatekeeper', () => {
    const audit = evidence(p =>
      p.notePolicies([
        {
          metadata: { name: 'images' },
          spec: {
            validationFailureAction: 'Audit',
            rules: [
              {
                name: 'r',
                validate: {
                  pattern: { spec: { containers: [{ image: '!*:latest' }] } },
                },
              },
            ],
          },
        },
      ]),
    );
    expect(audit['platform.admissionPolicies']).toBe(false);
    const gatekeeper = evidence(p =>
      p.noteConstraints(
        [{ kind: 'K8sAllowedRepos', metadata: { name: 'repos' }, spec: {} }],
        [
          {
            kind: 'K8sContainerLimits',
            metadata: { name: 'limits' },
            spec: { enforcementAction: 'deny' },
          },
        ],
      ),
    );
    expect(gatekeeper['platform.admissionPolicies']).toBe(true);
    const dryRun = evidence(p =>
      p.noteConstraints(
        [{ kind: 'K8sAllowedRepos', metadata: { name: 'repos' }, spec: {} }],
        [
          {
            kind: 'K8sContainerLimits',
            metadata: { name: 'limits' },
            spec: { enforcementAction: 'dryrun' },
          },
        ],
      ),
    );
    expect(dryRun['platform.admissionPolicies']).toBe(false);
  });

  it('finds storage separated only when no bound volume is on a local class', () => {
    const facts = evidence(p => {
      p.noteStorageClass({
        metadata: { name: 'local-path' },
        provisioner: 'rancher.io/local-path',
      } as KubeObject);
      p.noteClaim({
        metadata: { name: 'a', namespace: 'db' },
        spec: { storageClassName: 'local-path' },
        status: { phase: 'Bound' },
      });
    });
    expect(facts['platform.storageSeparation']).toBe(false);
  });
});

describe('imageKey', () => {
  it.each([
    ['nginx', 'index.docker.io/library/nginx:latest'],
    ['nginx:1.27', 'index.docker.io/library/nginx:1.27'],
    ['docker.io/library/nginx:1.27', 'index.docker.io/library/nginx:1.27'],
    ['envoyproxy/envoy:v1.31.0', 'index.docker.io/envoyproxy/envoy:v1.31.0'],
    ['localhost:5000/app:1@sha256:abc', 'localhost:5000/app:1'],
    ['registry.example.com/shop/cart', 'registry.example.com/shop/cart:latest'],
  ])('%s is %s', (image, key) => expect(imageKey(image)).toBe(key));
});
