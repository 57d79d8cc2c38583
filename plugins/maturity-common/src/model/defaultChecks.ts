import { CheckApplicability, CheckDefinition } from './checks';
import { FACTS, PlatformCapability, PracticeId } from './facts';

const k8s = FACTS.kubernetes;
const workloadKindIs = (...values: string[]): CheckApplicability => ({
  facts: [k8s.workloadKind, FACTS.catalog.workloadKind],
  values,
});
const practice = (id: PracticeId) => FACTS.practice(id);
const capability = (id: PlatformCapability) => FACTS.platform.capability(id);

/**
 * The default checks. Business checks judge what the owning team does with what it is offered;
 * platform checks judge what the platform under the workload provides.
 * @public
 */
export const DEFAULT_CHECKS: readonly CheckDefinition[] = [
  // Compute, business side: elasticity and sane resource requests are the core of the model.
  {
    id: 'hpa-elastic',
    title: 'Horizontal autoscaling configured (min < max replicas)',
    dimension: 'compute',
    side: 'business',
    weight: 3,
    rule: { kind: 'true', fact: k8s.hpaElastic },
    appliesTo: workloadKindIs('stateless'),
    rationale:
      'Elasticity is the core metric: a stateless service that scales with load neither pays for idle replicas nor falls over at peaks.',
    remediation:
      'Add a HorizontalPodAutoscaler whose minReplicas is below maxReplicas, targeting CPU or a load metric.',
    cases: ['zuoyebang', 'xiaohongshu'],
  },
  {
    id: 'cpu-requests-set',
    title: 'CPU requests set on every container',
    dimension: 'compute',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: k8s.cpuRequestsSet },
    rationale:
      'The scheduler can only pack and share nodes well when every container says what it needs.',
    remediation:
      'Set resources.requests.cpu on each container, sized from observed usage.',
    cases: ['zuoyebang'],
  },
  {
    id: 'cpu-limit-ratio',
    title: 'CPU limit at most twice the request',
    dimension: 'compute',
    side: 'business',
    weight: 1,
    rule: { kind: 'atMost', fact: k8s.cpuLimitToRequest, limit: 2, zeroAt: 4 },
    rationale:
      'Limits far above requests hide the real footprint and make noisy neighbours on shared nodes.',
    remediation:
      'Bring limits within twice the request, or raise the request to what the service really needs.',
    cases: [],
  },
  {
    id: 'cpu-size-per-replica',
    title: 'CPU of one replica at most 8 cores',
    dimension: 'compute',
    side: 'business',
    weight: 1,
    rule: { kind: 'atMost', fact: k8s.cpuPerReplica, limit: 8, zeroAt: 16 },
    rationale:
      'A replica of many cores is hard to place, strands the rest of its node, and on large nodes its CPU balancing has caused network jitter; many smaller replicas pack and scale better.',
    remediation:
      'Split the work over more replicas of at most 8 cores (limit, or request where no limit is set).',
    cases: ['zuoyebang'],
  },
  {
    id: 'cpu-memory-ratio',
    title: 'Memory per CPU core between 1 and 8 GiB',
    dimension: 'compute',
    side: 'business',
    weight: 1,
    rule: { kind: 'between', fact: k8s.memoryGiBPerCore, min: 1, max: 8 },
    rationale:
      'Lopsided CPU : memory shapes strand capacity: nodes run out of one resource while the other sits idle.',
    remediation:
      'Reshape requests toward 1–8 GiB per core, or move the workload to a node pool of matching shape.',
    cases: [],
  },
  {
    id: 'no-static-cpu-binding',
    title: 'No static CPU core binding',
    dimension: 'compute',
    side: 'business',
    weight: 2,
    rule: { kind: 'false', fact: k8s.staticCpuBinding },
    rationale:
      'Pinned cores cannot be shared, over-committed or rescheduled; they stay reserved when the service is idle.',
    remediation:
      'Drop the static CPU manager policy or integer-core Guaranteed pods unless latency needs them; waive the check with the reason if it does.',
    cases: [],
  },
  {
    id: 'no-exclusive-nodes',
    title: 'No exclusive nodes',
    dimension: 'compute',
    side: 'business',
    weight: 1,
    rule: { kind: 'false', fact: k8s.exclusiveNodes },
    rationale:
      'Dedicated nodes keep their spare capacity away from the shared pool.',
    remediation:
      'Remove dedicated-node taints and selectors, or waive the check with the reason they are needed.',
    cases: [],
  },
  {
    id: 'cpu-utilisation',
    title: 'Real CPU use (p95 over 7 days) at least half of the request',
    dimension: 'compute',
    side: 'business',
    weight: 3,
    rule: {
      kind: 'atLeast',
      fact: FACTS.prometheus.cpuP95OfRequests,
      target: 0.5,
    },
    rationale:
      'Requests reserve capacity whether used or not; measured load, not requests, shows the waste.',
    remediation:
      'Right-size requests from the p95 usage the cost view recommends, and let the autoscaler add replicas at peaks.',
    cases: ['zuoyebang', 'zhihu'],
  },
  {
    id: 'graceful-shutdown',
    title: 'Stateful workload exits gracefully',
    dimension: 'compute',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: k8s.gracefulShutdown },
    appliesTo: workloadKindIs('stateful'),
    rationale:
      'Stateful services can be rescheduled safely only when they drain and hand over before they stop.',
    remediation:
      'Add a preStop hook or handle SIGTERM, and give it a terminationGracePeriodSeconds long enough to drain.',
    cases: [],
  },
  {
    id: 'zone-spread',
    title: 'Replicas spread across zones',
    dimension: 'compute',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: k8s.zoneSpread },
    rationale:
      'A workload in one zone goes down with it; spreading turns a data-centre failure into lost capacity, not an outage.',
    remediation:
      'Add a topologySpreadConstraint on topology.kubernetes.io/zone (or zone anti-affinity).',
    cases: ['tencent-health-code'],
  },
  // Architecture, business side: observable, well-defined services.
  {
    id: 'health-probes',
    title: 'Readiness and liveness probes',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: k8s.probes },
    rationale:
      'Traffic can only be routed around broken replicas that say they are broken.',
    remediation:
      'Define readinessProbe and livenessProbe on the serving containers.',
    cases: [],
  },
  {
    id: 'api-declared',
    title: 'Provides a declared API',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: FACTS.catalog.apiDeclared },
    rationale:
      'A service with a published contract can be split, routed and replaced independently.',
    remediation:
      'Register its API in the catalog and list it under spec.providesApis.',
    cases: ['china-southern-power-grid', 'li-ning'],
  },
  {
    id: 'tracing',
    title: 'Distributed tracing',
    dimension: 'architecture',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: practice('tracing') },
    rationale:
      'Across many small services only traces show where a slow request spent its time; an OpenTelemetry or SkyWalking agent attaches them without business code.',
    remediation:
      'Platform team: inject the OpenTelemetry (or SkyWalking) agent into the workload’s pods; teams that instrument by hand declare `tracing`.',
    cases: ['nio'],
  },
  {
    id: 'trace-id-in-logs',
    title: 'Trace ids in logs',
    dimension: 'architecture',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: practice('trace-id-in-logs') },
    rationale:
      'Logs that carry the trace id join the story of one request across services; common logging libraries inject it themselves once the agent is attached, without business code.',
    remediation:
      'Platform team: turn on trace-id injection in the agent or logging library the platform ships, then declare `trace-id-in-logs`.',
    cases: [],
  },
  {
    id: 'call-metrics',
    title: 'Call metrics collected without code',
    dimension: 'architecture',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: practice('call-metrics') },
    rationale:
      'Request rate, errors and latency of every call between services can come from a mesh or the tracing collector, so every service has them from its first day.',
    remediation:
      'Platform team: put the workload in the mesh or generate span metrics in the OpenTelemetry Collector, and alert on them.',
    cases: ['happy-games'],
  },
  {
    id: 'contextual-logs',
    title: 'Logs carry their context',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('contextual-logs') },
    rationale:
      'Only the service knows which application, caller and return code a line is about; logs that say so can be searched and counted instead of read.',
    remediation:
      'Log through middleware that adds the application id, caller address and return code to every line, then declare `contextual-logs`.',
    cases: [],
  },
  {
    id: 'business-metrics',
    title: 'Custom business metrics',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('business-metrics') },
    rationale:
      'Platform metrics say the service runs; business metrics say it works, and only the service’s own code can report them.',
    remediation:
      'Export the few numbers that show the service doing its job (orders, plays, searches), alert on them, and declare `business-metrics`.',
    cases: [],
  },
  {
    id: 'alerting',
    title: 'Alerts reach an on-call rotation',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('alerting') },
    rationale: 'Metrics nobody is paged on do not shorten outages.',
    remediation:
      'Route the service’s alerts to PagerDuty or Opsgenie (their catalog annotations count), or declare `alerting`.',
    cases: [],
  },
  {
    id: 'load-tested',
    title: 'Observed under load',
    dimension: 'architecture',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: practice('load-testing') },
    rationale:
      'A load test shows whether the metrics, logs and traces hold up and tell the story when traffic peaks, before a real peak does.',
    remediation:
      'Platform team: offer load testing against a copy of production; run it and declare `load-testing`.',
    cases: ['tal', 'li-ning'],
  },
  {
    id: 'mesh-or-gateway',
    title: 'Traffic routed through a mesh or gateway',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('mesh-or-gateway') },
    rationale:
      'Traffic that passes a mesh or gateway can be shifted, limited and observed without touching the service.',
    remediation:
      'Join the service mesh (sidecar injection) or publish the service through the API gateway, and declare `mesh-or-gateway` for a gateway.',
    cases: ['happy-games', 'weibo', 'iqiyi', 'wps'],
  },
  // Development, business side: automated delivery.
  {
    id: 'ci-pipeline',
    title: 'Automated build and test pipeline',
    dimension: 'development',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: practice('ci-pipeline') },
    rationale:
      'Every manual step in delivery is a chance for error and a brake on release frequency.',
    remediation:
      'Build and test every change in CI; link the pipeline through its catalog annotation or declare `ci-pipeline`.',
    cases: ['mininglamp', 'bocom-schroders', 'modao'],
  },
  {
    id: 'devops-roles',
    title: 'Team organised for DevOps',
    dimension: 'development',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('devops-roles') },
    rationale:
      'Tools speed delivery only when the team that builds a service also tests, releases and runs it, with no hand-offs between separate groups.',
    remediation:
      'Give the team the roles to build, test, release and run its service, and declare `devops-roles`.',
    cases: ['mininglamp', 'weread-mini-program'],
  },
  {
    id: 'gradual-release',
    title: 'Canary or progressive delivery',
    dimension: 'development',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: practice('gradual-release') },
    rationale:
      'Releasing to a slice of traffic first turns a bad release into a small, reversible incident.',
    remediation:
      'Release through canaries or progressive rollouts (Argo Rollouts, Flagger, mesh traffic shifting) and declare `gradual-release`.',
    cases: ['xiaohongshu', 'zuoyebang'],
  },
  // Security, business side.
  {
    id: 'code-scanning',
    title: 'Code and licence scanning',
    dimension: 'security',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: practice('code-scanning') },
    rationale:
      'Vulnerabilities and licence problems are cheapest to fix before they ship.',
    remediation:
      'Scan every change (SonarQube and similar; its catalog annotation counts) or declare `code-scanning`.',
    cases: ['yangshipin'],
  },
  {
    id: 'dependency-scanning',
    title: 'Dependency vulnerability scanning',
    dimension: 'security',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('dependency-scanning') },
    rationale:
      'Most shipped code is other people’s; its known vulnerabilities should block a release.',
    remediation:
      'Scan dependencies in CI (Snyk and similar) and declare `dependency-scanning`.',
    cases: [],
  },
  {
    id: 'image-scanning',
    title: 'Container images scanned',
    dimension: 'security',
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: practice('image-scanning') },
    rationale:
      'Base images age; scanning every build catches the packages that turned vulnerable.',
    remediation:
      'Scan images in the pipeline and in the registry, then declare `image-scanning`.',
    cases: ['yangshipin'],
  },
  {
    id: 'image-signing',
    title: 'Container images signed',
    dimension: 'security',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('image-signing') },
    rationale:
      'Signed images let the cluster refuse anything the pipeline did not build.',
    remediation:
      'Sign images (cosign or Notation) in the pipeline and declare `image-signing`.',
    cases: [],
  },
  // Data, business side.
  {
    id: 'managed-data-services',
    title: 'Managed data services',
    dimension: 'data',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('managed-data') },
    rationale:
      'Ready-made databases and queues scale with demand and spare the team running them.',
    remediation:
      'Move self-run stores to the managed offerings and declare `managed-data`.',
    cases: ['fudaomao', 'tencent-health-code', 'mogujie'],
  },
  // Platform side: what the platform under the workload provides.
  {
    id: 'shared-cluster',
    title: 'Runs on a shared cluster',
    dimension: 'compute',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('sharedCluster') },
    rationale:
      'Shared clusters pool buffers, mix workloads and shift peaks, which dedicated clusters cannot.',
    remediation: 'Platform team: migrate the workload onto a shared cluster.',
    cases: ['xiaohongshu'],
  },
  {
    id: 'overcommit',
    title: 'Idle node capacity is over-committed',
    dimension: 'compute',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('overcommit') },
    rationale:
      'Requested but unused capacity can carry more pods when the platform over-commits it safely.',
    remediation:
      'Platform team: enable over-commit of idle node capacity with eviction safeguards.',
    cases: [],
  },
  {
    id: 'cluster-autoscaling',
    title: 'Cluster autoscaling returns idle nodes',
    dimension: 'compute',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('clusterAutoscaling') },
    rationale:
      'Workload autoscaling saves money only when empty nodes go back to the pool.',
    remediation:
      'Platform team: run a cluster autoscaler on the workload’s node pools.',
    cases: ['zuoyebang'],
  },
  {
    id: 'rescheduling',
    title: 'Platform reschedules to defragment nodes',
    dimension: 'compute',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('rescheduling') },
    rationale:
      'Rescheduling packs pods onto fewer nodes as load shifts, so idle nodes can be released.',
    remediation: 'Platform team: run a descheduler or load-aware rescheduling.',
    cases: [],
  },
  {
    id: 'cross-cluster-scheduling',
    title: 'Workloads scheduled across clusters',
    dimension: 'compute',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('crossClusterScheduling') },
    rationale:
      'Scheduling across clusters and sites moves load to where capacity is, and survives the loss of a cluster or a machine room.',
    remediation:
      'Platform team: federate the clusters (Karmada, Clusternet, Open Cluster Management) so workloads can be placed and failed over across them.',
    cases: ['tal', 'tencent-health-code'],
  },
  {
    id: 'serverless-capacity',
    title: 'Serverless capacity for bursts',
    dimension: 'compute',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('serverlessCapacity') },
    rationale:
      'Bursts that overflow onto serverless pods are paid for while they run, instead of nodes bought for the peak.',
    remediation:
      'Platform team: add a virtual node (serverless pods) to the cluster so peaks can burst onto it.',
    cases: ['xiaohongshu', 'zhihu'],
  },
  {
    id: 'colocation',
    title: 'Online and offline work co-located',
    dimension: 'data',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('colocation') },
    rationale:
      'Batch work filling the troughs of online services raises utilisation without new machines.',
    remediation:
      'Platform team: enable online/offline co-location with priority-based isolation.',
    cases: ['zhihu'],
  },
  {
    id: 'storage-separation',
    title: 'Compute separated from storage',
    dimension: 'data',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('storageSeparation') },
    rationale: 'Compute that holds no data can scale and move freely.',
    remediation:
      'Platform team: offer remote volumes and object storage so pods keep no local state.',
    cases: ['zhihu'],
  },
  {
    id: 'elastic-data-services',
    title: 'Data services scale with demand',
    dimension: 'data',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('elasticDataServices') },
    rationale:
      'Databases and queues sized for the peak sit idle the rest of the day; data services that scale between peak and trough cost what they carry.',
    remediation:
      'Platform team: offer data services that scale (serverless databases, autoscaled stateful sets) and declare `elasticDataServices` for those outside the cluster.',
    cases: ['fudaomao', 'zhihu'],
  },
  {
    id: 'auto-instrumentation',
    title: 'Observability attached without code',
    dimension: 'architecture',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('autoInstrumentation') },
    rationale:
      'Call metrics, storage metrics, trace ids in logs and traces can come from the platform; then only business metrics and contextual logs need business code.',
    remediation:
      'Platform team: attach metrics, logs and traces through a mesh, gateway or agent.',
    cases: ['happy-games'],
  },
  {
    id: 'datastore-alerting',
    title: 'Alerts on the data stores’ own metrics',
    dimension: 'architecture',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('dataStoreAlerting') },
    rationale:
      'MySQL, Redis and the other stores a service depends on report their own trouble; the platform can alert on it without any business code.',
    remediation:
      'Platform team: scrape the data stores’ exporters and alert on their metrics (connections, replication, memory, slow queries).',
    cases: ['tencent-health-code'],
  },
  {
    id: 'shared-delivery',
    title: 'Shared delivery tooling',
    dimension: 'development',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('sharedDelivery') },
    rationale:
      'One delivery platform for every team makes good pipelines the default.',
    remediation:
      'Platform team: offer a shared build, test and release platform.',
    cases: ['mininglamp'],
  },
  {
    id: 'admission-policies',
    title: 'Admission policies enforce image and workload rules',
    dimension: 'security',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('admissionPolicies') },
    rationale:
      'Policies checked at admission stop unsigned images and unsafe specs before they run.',
    remediation:
      'Platform team: enforce signature and workload policies with an admission controller.',
    cases: [],
  },
  {
    id: 'runtime-protection',
    title: 'Runtime protection',
    dimension: 'security',
    side: 'platform',
    weight: 1,
    rule: { kind: 'true', fact: capability('runtimeProtection') },
    rationale:
      'Attacks that get past the pipeline are caught only at runtime, and must be answered automatically at fleet scale.',
    remediation:
      'Platform team: deploy runtime threat detection with automated response.',
    cases: ['yangshipin'],
  },
];
