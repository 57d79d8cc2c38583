/** A fact value: what collectors report about one workload. @public */
export type FactValue = string | number | boolean | null;

/** Facts about one workload, keyed by fact id. A missing key means the fact is unknown. @public */
export type WorkloadFacts = Record<string, FactValue>;

/**
 * Practices an owner can declare in `maturity.cloudnative.dev/practices`, and the well-known
 * annotations of other Backstage plugins that imply them.
 * @public
 */
export const PRACTICES = {
  'ci-pipeline': {
    title: 'Automated build and test pipeline',
    impliedBy: [
      'jenkins.io/job-full-name',
      'circleci.com/project-slug',
      'buildkite.com/pipeline-slug',
      'dev.azure.com/build-definition',
    ],
  },
  'gradual-release': { title: 'Canary or progressive delivery', impliedBy: [] },
  gitops: { title: 'GitOps deployment', impliedBy: ['argocd/app-name'] },
  tracing: {
    title: 'Distributed tracing (OpenTelemetry, SkyWalking)',
    impliedBy: [],
  },
  'trace-id-in-logs': { title: 'Trace ids in logs', impliedBy: [] },
  'call-metrics': {
    title: 'Call metrics (rate, errors, latency) from a mesh or collector',
    impliedBy: [],
  },
  'contextual-logs': {
    title: 'Logs with their context (application, caller, return code)',
    impliedBy: [],
  },
  'business-metrics': { title: 'Custom business metrics', impliedBy: [] },
  'load-testing': {
    title: 'Load tested, with its metrics, logs and traces observed',
    impliedBy: [],
  },
  'mesh-or-gateway': {
    title: 'Traffic through a service mesh or API gateway',
    impliedBy: [],
  },
  'devops-roles': {
    title: 'One team builds, tests, releases and runs the service',
    impliedBy: [],
  },
  alerting: {
    title: 'Alerts routed to an on-call rotation',
    impliedBy: [
      'pagerduty.com/service-id',
      'pagerduty.com/integration-key',
      'opsgenie.com/component-selector',
    ],
  },
  'code-scanning': {
    title: 'Code and licence scanning',
    impliedBy: ['sonarqube.org/project-key'],
  },
  'dependency-scanning': {
    title: 'Dependency vulnerability scanning',
    impliedBy: ['snyk.io/org-name'],
  },
  'image-scanning': { title: 'Container image scanning', impliedBy: [] },
  'image-signing': { title: 'Container image signing', impliedBy: [] },
  'managed-data': {
    title: 'Managed data services instead of self-run stores',
    impliedBy: [],
  },
} as const;

/** A practice id. @public */
export type PracticeId = keyof typeof PRACTICES;

/** Workload kinds that decide which checks apply. @public */
export const WORKLOAD_KINDS = ['stateless', 'stateful', 'batch'] as const;

/** A workload kind. @public */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/**
 * Capabilities a platform offers its workloads: measured per cluster by the Kubernetes module, or
 * declared per platform in `maturity.platforms.<name>` of `app-config.yaml` for platforms
 * without an API to read (virtual machines).
 * @public
 */
export const PLATFORM_CAPABILITIES = [
  'sharedCluster',
  'overcommit',
  'clusterAutoscaling',
  'rescheduling',
  'colocation',
  'autoInstrumentation',
  'admissionPolicies',
  'runtimeProtection',
  'storageSeparation',
  'sharedDelivery',
  'crossClusterScheduling',
  'serverlessCapacity',
  'elasticDataServices',
  'dataStoreAlerting',
] as const;

/** A platform capability. @public */
export type PlatformCapability = (typeof PLATFORM_CAPABILITIES)[number];

/**
 * Where a fact came from. `kubernetes` and `prometheus` facts are measured from what runs;
 * `annotation` (an owner's annotation), `catalog` (other entity fields), `config` (a profile in
 * `app-config.yaml`) and `tech-insights` (a Tech Insights fact retriever's report, whose own
 * source this suite cannot see) are declared.
 * @public
 */
export type FactSourceKind =
  | 'kubernetes'
  | 'prometheus'
  | 'annotation'
  | 'catalog'
  | 'config'
  | 'tech-insights';

/** The sources whose facts are measured rather than declared. @public */
export const MEASURED_SOURCES: ReadonlySet<FactSourceKind> = new Set([
  'kubernetes',
  'prometheus',
]);

/**
 * A fact's provenance: its source, and where in it the fact was read: a cluster and resource, a
 * query, an annotation or a config key.
 * @public
 */
export interface FactOrigin {
  source: FactSourceKind;
  /** e.g. `cluster prod-a: Deployment shop/checkout`, `annotation maturity.cloudnative.dev/practices`. */
  from?: string;
}

/**
 * What a declared fact is worth in a check (`maturity.declaredFacts`): `count` gives it the
 * credit a measured one would earn, `half` half of that, and `ignore` treats it as unknown, so
 * that editing an annotation cannot move a score at all.
 * @public
 */
export type DeclaredFactsPolicy = 'count' | 'half' | 'ignore';

/** The policies of {@link DeclaredFactsPolicy}, and the default. @public */
export const DECLARED_FACTS_POLICIES: readonly DeclaredFactsPolicy[] = [
  'count',
  'half',
  'ignore',
];

/**
 * Fact ids. Checks read them and collectors write them, so both refer to these names. A prefix
 * says what a fact is about (`catalog.` the entity, `practice.` a practice of the owning team,
 * `platform.` a capability of the platform under the workload, `kubernetes.` and `prometheus.`
 * what runs); where it came from is its {@link FactOrigin}, and several collectors may supply
 * the same fact (a practice declared in an annotation and measured in the cluster).
 * @public
 */
export const FACTS = {
  catalog: {
    workloadKind: 'catalog.workloadKind',
    apiDeclared: 'catalog.apiDeclared',
  },
  practice: (id: PracticeId) => `practice.${id}`,
  platform: {
    capability: (id: PlatformCapability) => `platform.${id}`,
  },
  kubernetes: {
    /** Σ CPU requests × replicas: the workload's weight when known. */
    cores: 'kubernetes.cores',
    replicas: 'kubernetes.replicas',
    memoryRequestGiB: 'kubernetes.memoryRequestGiB',
    workloadKind: 'kubernetes.workloadKind',
    hpaElastic: 'kubernetes.hpaElastic',
    cpuRequestsSet: 'kubernetes.cpuRequestsSet',
    cpuLimitToRequest: 'kubernetes.cpuLimitToRequest',
    /** GPUs (`nvidia.com/gpu`) × replicas, for a workload that asks for any. */
    gpus: 'kubernetes.gpus',
    /** The largest replica's CPU in cores: each container's limit, or its request without one. */
    cpuPerReplica: 'kubernetes.cpuPerReplica',
    memoryGiBPerCore: 'kubernetes.memoryGiBPerCore',
    staticCpuBinding: 'kubernetes.staticCpuBinding',
    exclusiveNodes: 'kubernetes.exclusiveNodes',
    probes: 'kubernetes.probes',
    zoneSpread: 'kubernetes.zoneSpread',
    gracefulShutdown: 'kubernetes.gracefulShutdown',
    pdb: 'kubernetes.pdb',
    runningPods: 'kubernetes.runningPods',
    hpaMinReplicas: 'kubernetes.hpaMinReplicas',
    hpaMaxReplicas: 'kubernetes.hpaMaxReplicas',
    hpaMetrics: 'kubernetes.hpaMetrics',
    /** Cluster and namespace the workload runs in; they select price overrides. */
    cluster: 'kubernetes.cluster',
    namespace: 'kubernetes.namespace',
    /** The instance type of the nodes most of its running pods are on; it selects rates too. */
    nodeType: 'kubernetes.nodeType',
    /** GiB of the bound persistent volume claims its controllers use. */
    storageGiB: 'kubernetes.storageGiB',
    /** The storage class holding most of those GiB; it selects the storage price. */
    storageClass: 'kubernetes.storageClass',
    /** One container's CPU request per replica, in cores. */
    containerCpuRequest: (container: string) =>
      `kubernetes.container.${container}.cpuRequest`,
    /** One container's memory request per replica, in GiB. */
    containerMemoryRequestGiB: (container: string) =>
      `kubernetes.container.${container}.memoryRequestGiB`,
  },
  prometheus: {
    /**
     * p95 over the window of the CPU its pods use over what they request, at each step: the same
     * for any number of replicas, so an HPA's scaling does not skew it.
     */
    cpuP95OfRequests: 'prometheus.cpuP95OfRequests',
    /** CPU used, in cores summed over the workload's pods, over the lookback window. */
    cpuMean: 'prometheus.cpuMean',
    cpuP50: 'prometheus.cpuP50',
    cpuP95: 'prometheus.cpuP95',
    cpuP99: 'prometheus.cpuP99',
    cpuMax1h: 'prometheus.cpuMax1h',
    cpuMax1d: 'prometheus.cpuMax1d',
    cpuRequestCores: 'prometheus.cpuRequestCores',
    /** Memory working set, in GiB summed over the workload's pods. */
    memoryMeanGiB: 'prometheus.memoryMeanGiB',
    memoryP99GiB: 'prometheus.memoryP99GiB',
    memoryMaxGiB: 'prometheus.memoryMaxGiB',
    oomKills: 'prometheus.oomKills',
    /** Metric families the workload's pods export beyond runtime and call metrics. */
    businessMetricFamilies: 'prometheus.businessMetricFamilies',
    /** Busiest hour's mean CPU over the quietest hour's, across the window's hours. */
    hourlyPeakToTrough: 'prometheus.hourlyPeakToTrough',
    /** GiB used on the persistent volumes its pods mount, now (kubelet's volume statistics). */
    storageUsedGiB: 'prometheus.storageUsedGiB',
    /** Mean utilisation, 0–1, of the GPUs its pods hold, over the window (DCGM exporter). */
    gpuUtilisation: 'prometheus.gpuUtilisation',
    /** The quietest whole hour's mean CPU, in cores summed over the workload's pods. */
    cpuQuietHour: 'prometheus.cpuQuietHour',
    /** p99 over the window of one container's CPU in the busiest replica at each step, in cores. */
    containerCpuP99: (container: string) =>
      `prometheus.container.${container}.cpuP99`,
    /** p99 of one container's working set in the busiest replica at each step, in GiB. */
    containerMemoryP99GiB: (container: string) =>
      `prometheus.container.${container}.memoryP99GiB`,
  },
} as const;

/**
 * Every fact id the suite's own collectors can report: what a check may read without declaring
 * a fact of its own.
 * @public
 */
export function builtInFacts(): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') ids.add(value);
    else if (value && typeof value === 'object')
      Object.values(value).forEach(walk);
  };
  walk(FACTS);
  for (const id of Object.keys(PRACTICES))
    ids.add(FACTS.practice(id as PracticeId));
  for (const c of PLATFORM_CAPABILITIES) ids.add(FACTS.platform.capability(c));
  return ids;
}
