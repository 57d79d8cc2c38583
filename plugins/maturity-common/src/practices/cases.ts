import { DimensionId } from '../model/dimensions';

/** Kinds of cloud-native adoption a case shows. @public */
export const CASE_CATEGORIES = [
  'containers',
  'microservices',
  'serverless',
  'cloud development',
  'DevOps',
  'big data',
  'cloud-native database',
  'security',
  'service mesh',
  'API gateway',
  'hybrid cloud',
] as const;

/** A case category. @public */
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/**
 * A measured outcome: a relative `change` (-0.43 = 43 % less), a `from` → `to` pair, or a `value`.
 * Where the source reports an outcome without a figure, only `note` says what changed.
 * @public
 */
export interface CaseOutcome {
  metric: string;
  change?: number;
  from?: number;
  to?: number;
  value?: number;
  unit?: string;
  note?: string;
}

/** A published best-practice case. @public */
export interface PracticeCase {
  id: string;
  organisation: string;
  industry: string;
  category: CaseCategory;
  dimensions: DimensionId[];
  products: string[];
  /** Scenario tags, matched against entity tags and types. */
  tags: string[];
  /** What they did, in one or two sentences of our own. */
  summary: string;
  outcomes: CaseOutcome[];
  /** The document the facts come from. */
  source: string;
}

const HANDBOOK = 'Cloud-native roadmap handbook (best-practice cases)';
const SUMMIT = 'Cloud-native technology summit report';

/**
 * The 21 published cases: 16 from the roadmap handbook and 5 from the summit report. Summaries
 * are our own words; figures are the documents'.
 * @public
 */
export const PRACTICE_CASES: readonly PracticeCase[] = [
  {
    id: 'zuoyebang',
    organisation: 'Zuoyebang',
    industry: 'online education',
    category: 'containers',
    dimensions: ['compute', 'data'],
    products: ['TKE'],
    tags: ['containerisation', 'elasticity', 'cost', 'service', 'stateless'],
    summary:
      'Moved its whole estate onto managed Kubernetes in three months and let workloads scale with class-time peaks.',
    outcomes: [
      { metric: 'cost', change: -0.43 },
      { metric: 'API response speed', change: 0.1 },
      { metric: 'availability', from: 0.9995, to: 0.99995 },
      {
        metric: 'release efficiency',
        value: 100,
        unit: '× (two orders of magnitude)',
      },
      { metric: 'migration time', value: 3, unit: 'months' },
    ],
    source: HANDBOOK,
  },
  {
    id: 'xiaohongshu',
    organisation: 'Xiaohongshu',
    industry: 'lifestyle e-commerce (AI search and recommendation)',
    category: 'containers',
    dimensions: ['compute', 'data'],
    products: ['TKE', 'EKS'],
    tags: [
      'search',
      'recommendation',
      'machine learning',
      'canary',
      'large clusters',
      'service',
    ],
    summary:
      'Runs search, recommendation and training on about twenty large shared clusters, with canary releases through a service mesh.',
    outcomes: [
      { metric: 'nodes in one cluster', value: 4000 },
      { metric: 'training cost', change: -0.4 },
      { metric: 'QPS, short-lived connections', change: 0.5 },
      { metric: 'QPS, long-lived connections', change: 0.4 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'china-southern-power-grid',
    organisation: 'China Southern Power Grid',
    industry: 'utilities',
    category: 'microservices',
    dimensions: ['development', 'architecture'],
    products: ['TSF'],
    tags: ['microservices', 'platform', 'enterprise', 'service'],
    summary:
      'Built a group-wide microservice platform and brought its subsidiaries onto it.',
    outcomes: [
      {
        metric: 'days to expand the main node and onboard 9 subsidiaries',
        value: 45,
        unit: 'days',
      },
      { metric: 'systems on the platform', value: 376 },
      { metric: 'microservices', value: 519 },
      { metric: 'mean response time', value: 0.52, unit: 's' },
    ],
    source: HANDBOOK,
  },
  {
    id: 'li-ning',
    organisation: 'Li Ning',
    industry: 'retail e-commerce',
    category: 'microservices',
    dimensions: ['architecture'],
    products: ['TSF'],
    tags: ['e-commerce', 'orders', 'peak traffic', 'checkout', 'service'],
    summary:
      'Re-architected the order path as microservices to survive sales peaks.',
    outcomes: [{ metric: 'orders per second', value: 10000 }],
    source: HANDBOOK,
  },
  {
    id: 'mogujie',
    organisation: 'Mogujie',
    industry: 'e-commerce',
    category: 'serverless',
    dimensions: ['compute', 'data'],
    products: ['SCF', 'CKafka'],
    tags: ['etl', 'kafka', 'event-driven', 'batch-job'],
    summary:
      'Replaced hand-written Kafka consumers with functions triggered by the queue, billed by the millisecond.',
    outcomes: [{ metric: 'billing granularity', value: 1, unit: 'ms' }],
    source: HANDBOOK,
  },
  {
    id: 'cheetah-mobile',
    organisation: 'Cheetah Mobile',
    industry: 'mobile internet (front end)',
    category: 'serverless',
    dimensions: ['development', 'compute', 'architecture'],
    products: ['SCF'],
    tags: ['ssr', 'front end', 'website', 'serverless'],
    summary:
      'Moved server-side rendering of its web front ends onto functions.',
    outcomes: [{ metric: 'resource cost', change: -0.9 }],
    source: HANDBOOK,
  },
  {
    id: 'weread-mini-program',
    organisation: 'WeRead mini program',
    industry: 'reading',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['CloudBase'],
    tags: ['mini program', 'small team', 'website'],
    summary:
      'Built and shipped its mini program on a cloud development platform, one developer covering three roles.',
    outcomes: [
      { metric: 'releases in 10 months', value: 349 },
      { metric: 'development speed vs the native app', change: 3 },
      { metric: 'development speed vs H5', change: 1 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'chaoban',
    organisation: 'Chaoban',
    industry: 'start-up (IP merchandise)',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['CloudBase'],
    tags: ['start-up', 'small team', 'cost'],
    summary:
      'A three-person start-up ran its whole business on cloud development instead of servers.',
    outcomes: [
      { metric: 'revenue in 10 months', value: 30_000_000, unit: 'CNY' },
      { metric: 'monthly IT cost', value: 200, unit: 'CNY' },
    ],
    source: HANDBOOK,
  },
  {
    id: 'chuang-2020',
    organisation: 'Chuang 2020 (TV show)',
    industry: 'media',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['CloudBase'],
    tags: ['voting', 'peak traffic', 'anti-fraud'],
    summary:
      'Ran the audience vote of a TV show on cloud development, including anti-fraud, without servers to manage.',
    outcomes: [
      { metric: 'votes', value: 1_000_000_000 },
      { metric: 'availability', value: 0.9999 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'mininglamp',
    organisation: 'Mininglamp',
    industry: 'AI and data',
    category: 'DevOps',
    dimensions: ['development', 'compute', 'data'],
    products: ['CODING'],
    tags: ['devops', 'ci', 'large organisation'],
    summary:
      'Put an engineering organisation of thousands on one delivery platform.',
    outcomes: [{ metric: 'engineers on one platform', value: 3000 }],
    source: HANDBOOK,
  },
  {
    id: 'modao',
    organisation: 'Modao',
    industry: 'design SaaS',
    category: 'DevOps',
    dimensions: ['development'],
    products: ['CODING'],
    tags: ['testing', 'devops', 'saas'],
    summary: 'Moved test management onto a DevOps platform.',
    outcomes: [{ metric: 'test management efficiency', change: 0.5 }],
    source: HANDBOOK,
  },
  {
    id: 'bocom-schroders',
    organisation: 'BOCOM Schroders',
    industry: 'fund management',
    category: 'DevOps',
    dimensions: ['development'],
    products: ['CODING'],
    tags: ['finance', 'git', 'ci', 'private deployment'],
    summary:
      'Moved from SVN to Git with continuous integration on a privately deployed DevOps platform.',
    outcomes: [
      {
        metric: 'delivery',
        note: 'source control moved from SVN to Git, with CI, on a private deployment; the source gives no figure',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'tencent-health-code',
    organisation: 'Tencent Health Code',
    industry: 'public health',
    category: 'big data',
    dimensions: ['compute', 'data'],
    products: ['Elasticsearch Service'],
    tags: ['search', 'high availability', 'multi-zone', 'peak traffic'],
    summary:
      'Served a national health-code service on managed Elasticsearch with a memory circuit breaker and multi-zone failover.',
    outcomes: [
      { metric: 'code displays', value: 1_600_000_000 },
      { metric: 'visits', value: 26_000_000_000 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'zhihu',
    organisation: 'Zhihu',
    industry: 'knowledge platform',
    category: 'big data',
    dimensions: ['compute', 'data'],
    products: ['EMR'],
    tags: ['big data', 'co-location', 'utilisation', 'batch-job'],
    summary:
      'Ran big-data jobs on containers alongside online services to use off-peak capacity.',
    outcomes: [
      { metric: 'off-peak utilisation', change: 4 },
      { metric: 'resource delivery efficiency', change: 0.8 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'fudaomao',
    organisation: 'Fudaomao',
    industry: 'smart campus',
    category: 'cloud-native database',
    dimensions: ['compute', 'data'],
    products: ['TDSQL-C Serverless'],
    tags: ['database', 'elasticity', 'peak traffic', 'stateful'],
    summary:
      'Moved to a serverless database that adds read replicas for weekend peaks.',
    outcomes: [
      { metric: 'check-in latency', from: 4, to: 1.5, unit: 's' },
      { metric: 'read replicas at peak', from: 3, to: 5 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'yangshipin',
    organisation: 'Yangshipin (CCTV video)',
    industry: 'media (hybrid cloud)',
    category: 'security',
    dimensions: ['security'],
    products: ['Cloud security suite'],
    tags: ['security', 'hybrid cloud', 'video'],
    summary:
      'Built security for a hybrid-cloud video platform in 200 days, covering every system.',
    outcomes: [
      { metric: 'days to build', value: 200 },
      { metric: 'systems protected', value: 7 },
      { metric: 'subsystems protected', value: 58 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'nio',
    organisation: 'NIO',
    industry: 'automotive',
    category: 'hybrid cloud',
    dimensions: ['architecture', 'compute'],
    products: ['TKE', 'service mesh'],
    tags: ['hybrid cloud', 'service mesh', 'iot', 'tracing'],
    summary:
      'Built hybrid cloud since 2015 and moved manufacturing, connected-car and data services onto cloud-native infrastructure with a service mesh.',
    outcomes: [
      { metric: 'year hybrid-cloud build-out began', value: 2015 },
      {
        metric: 'year cloud-native data products came into wide use',
        value: 2018,
      },
    ],
    source: SUMMIT,
  },
  {
    id: 'happy-games',
    organisation: 'Happy Games',
    industry: 'gaming',
    category: 'service mesh',
    dimensions: ['architecture', 'compute'],
    products: ['service mesh'],
    tags: ['service mesh', 'game servers', 'cost', 'observability'],
    summary: 'Migrated game services onto a service mesh and containers.',
    outcomes: [
      { metric: 'CPU and memory', change: -0.5 },
      { metric: 'game server cost', change: -0.67 },
      { metric: 'CGI tier cost', change: -0.7 },
    ],
    source: SUMMIT,
  },
  {
    id: 'tal',
    organisation: 'TAL',
    industry: 'education',
    category: 'hybrid cloud',
    dimensions: ['architecture', 'compute'],
    products: ['PaaS', 'service registry'],
    tags: ['hybrid cloud', 'registry', 'high availability', 'multi-zone'],
    summary:
      'Ran a dual-cluster hybrid-cloud PaaS and replaced its service registry.',
    outcomes: [{ metric: 'service registrations tested', value: 80000 }],
    source: SUMMIT,
  },
  {
    id: 'weibo',
    organisation: 'Weibo',
    industry: 'social media',
    category: 'API gateway',
    dimensions: ['architecture'],
    products: ['Apache APISIX'],
    tags: ['api gateway', 'traffic', 'dynamic routing', 'service'],
    summary:
      'Replaced a slow-to-change gateway with a fully dynamic cloud-native API gateway woven into its services.',
    outcomes: [
      {
        metric: 'operability',
        note: 'routes and services change without long upgrade steps, and problems are easier to trace; the source gives no figure',
      },
    ],
    source: SUMMIT,
  },
  {
    id: 'iqiyi',
    organisation: 'iQiyi',
    industry: 'video streaming',
    category: 'API gateway',
    dimensions: ['architecture'],
    products: ['Apache APISIX'],
    tags: ['api gateway', 'video', 'high traffic', 'high availability'],
    summary:
      'Moved to a cloud-native API gateway for heavy, steady video traffic, replacing bloated deployment and slow configuration sync.',
    outcomes: [
      {
        metric: 'traffic handling',
        note: 'sustains growing video traffic with stable performance and simpler high availability; the source gives no figure',
      },
    ],
    source: SUMMIT,
  },
];
