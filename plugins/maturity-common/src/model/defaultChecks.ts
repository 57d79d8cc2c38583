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
    side: 'business',
    weight: 2,
    rule: { kind: 'true', fact: practice('tracing') },
    rationale:
      'Across many small services only traces show where a slow request spent its time.',
    remediation:
      'Instrument with OpenTelemetry (or SkyWalking) and declare `tracing` in maturity.cloudnative.dev/practices.',
    cases: ['nio'],
  },
  {
    id: 'trace-id-in-logs',
    title: 'Trace ids in logs',
    dimension: 'architecture',
    side: 'business',
    weight: 1,
    rule: { kind: 'true', fact: practice('trace-id-in-logs') },
    rationale:
      'Logs that carry the trace id join the story of one request across services.',
    remediation:
      'Inject the active trace id into every log line through the logging library, then declare `trace-id-in-logs`.',
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
      'Platform metrics say the service runs; business metrics say it works.',
    remediation:
      'Export the few numbers that show the service doing its job (orders, plays, searches) and declare `business-metrics`.',
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
    id: 'auto-instrumentation',
    title: 'Observability attached without code',
    dimension: 'architecture',
    side: 'platform',
    weight: 2,
    rule: { kind: 'true', fact: capability('autoInstrumentation') },
    rationale:
      'Call metrics, storage metrics and contextual logs can come from the platform; then only business metrics and trace ids need code.',
    remediation:
      'Platform team: attach metrics, logs and traces through a mesh, gateway or agent.',
    cases: ['happy-games'],
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
