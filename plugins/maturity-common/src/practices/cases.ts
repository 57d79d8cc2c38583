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
 * A measured outcome, as the source states it: a relative `change` (-0.43 = 43 % less), a `from` →
 * `to` pair, or a `value`. Where the source gives a range, `changeMax`, `fromMax`, `toMax` or
 * `valueMax` holds its upper end ("+50–70 %", "3–5 s → 1–2 s"); where it gives a floor or a
 * ceiling ("over 40 %", "up to 5×"), `bound` says which. `of` names whose figure it is when it is
 * not the organisation's own (the availability of the platform that served it). Where the source
 * reports an outcome without a figure, only `note` says what changed.
 * @public
 */
export interface CaseOutcome {
  metric: string;
  change?: number;
  changeMax?: number;
  from?: number;
  fromMax?: number;
  to?: number;
  toMax?: number;
  value?: number;
  valueMax?: number;
  bound?: 'atLeast' | 'upTo';
  unit?: string;
  note?: string;
  of?: string;
}

/** A published best-practice case. @public */
export interface PracticeCase {
  id: string;
  organisation: string;
  industry: string;
  category: CaseCategory;
  dimensions: DimensionId[];
  products: string[];
  /** Tags matched against entity tags and types (this project's, for matching). */
  tags: string[];
  /** The source's own scenario tags, translated (the handbook's cases; empty where it gives none). */
  scenarios: string[];
  /** What they did, in one or two sentences of our own. */
  summary: string;
  /** What was measured after the change. */
  outcomes: CaseOutcome[];
  /** What the source states as a goal, not yet a result. */
  targets?: CaseOutcome[];
  /** The document the facts come from. */
  source: string;
}

const HANDBOOK = 'Cloud-native roadmap handbook (best-practice cases)';
const SUMMIT = 'Cloud-native technology summit report';

/**
 * The 22 published cases: 16 from the roadmap handbook and 6 from the summit report. Summaries
 * are our own words; figures, products and scenario tags are the documents'.
 * @public
 */
export const PRACTICE_CASES: readonly PracticeCase[] = [
  {
    id: 'zuoyebang',
    organisation: 'Zuoyebang',
    industry: 'online education',
    category: 'containers',
    dimensions: ['compute', 'data'],
    products: ['TKE', 'Bare Metal 2.0'],
    tags: ['containerisation', 'elasticity', 'cost', 'service', 'stateless'],
    scenarios: [
      'massive-scale business',
      'online education',
      'physical machines to cloud native',
      'high concurrency, low latency',
    ],
    summary:
      'Moved its whole estate onto managed Kubernetes in three months and let workloads scale with class-time peaks.',
    outcomes: [
      { metric: 'cost', change: -0.43 },
      { metric: 'API response speed', change: 0.1 },
      { metric: 'stability (availability)', from: 0.9995, to: 0.99995 },
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
    scenarios: [
      'e-commerce',
      'massive data',
      'recommendation and search',
      'model training',
    ],
    summary:
      'Runs search, recommendation and training on about twenty large shared clusters, with canary releases through a service mesh.',
    outcomes: [
      { metric: 'TKE clusters (about)', value: 20 },
      { metric: 'nodes in one cluster', value: 4000, bound: 'atLeast' },
      { metric: 'training resource cost', change: -0.4, bound: 'atLeast' },
      {
        metric: 'QPS, short-lived connections (new container network)',
        change: 0.5,
        changeMax: 0.7,
      },
      {
        metric: 'QPS, long-lived connections (new container network)',
        change: 0.4,
        changeMax: 0.6,
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'china-southern-power-grid',
    organisation: 'China Southern Power Grid',
    industry: 'utilities',
    category: 'microservices',
    dimensions: ['development', 'architecture'],
    products: ['TStack', 'TSF'],
    tags: ['microservices', 'platform', 'enterprise', 'service'],
    scenarios: [
      'utilities',
      'Internet of Things',
      'energy internet',
      'digital government',
      'digital transformation',
      'digital upgrade',
    ],
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
    scenarios: [
      'e-commerce',
      'cost reduction and efficiency',
      'industrial upgrade',
      'manufacturing upgrade',
      'digital transformation',
    ],
    summary:
      'Re-architected the order path of its web shop as microservices to survive sales peaks.',
    outcomes: [
      {
        metric: 'order path',
        note: 'architecture and business modules upgraded on the microservice platform; the source reports no measured figure yet',
      },
    ],
    targets: [{ metric: 'orders saved per second', value: 10000 }],
    source: HANDBOOK,
  },
  {
    id: 'mogujie',
    organisation: 'Mogujie',
    industry: 'e-commerce',
    category: 'serverless',
    dimensions: ['compute', 'data'],
    products: ['Serverless', 'SCF', 'CKafka'],
    tags: ['etl', 'kafka', 'event-driven', 'batch-job'],
    scenarios: ['ETL', 'streaming log processing'],
    summary:
      'Replaced hand-written Kafka consumers with functions triggered by the queue, billed by the millisecond.',
    outcomes: [
      {
        metric: 'message sync between Kafka instances',
        note: 'functions replaced self-built connectors and consumers, cutting engineering and running cost; the source gives no figure',
      },
      {
        metric: 'billing granularity',
        value: 1,
        unit: 'ms',
        of: 'the function platform',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'cheetah-mobile',
    organisation: 'Cheetah Mobile',
    industry: 'mobile internet (front end)',
    category: 'serverless',
    dimensions: ['development', 'compute', 'architecture'],
    products: ['Serverless'],
    tags: ['ssr', 'front end', 'website', 'serverless'],
    scenarios: ['SSR (server-side rendering)', 'front end'],
    summary:
      'Moved server-side rendering of its web front ends onto functions.',
    outcomes: [
      {
        metric: 'resource cost of web SSR',
        change: -0.9,
        bound: 'upTo',
        of: 'serverless SSR for web sites, as the source states it',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'weread-mini-program',
    organisation: 'WeRead mini program',
    industry: 'reading',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['Mini Program Cloud Development', 'CloudBase'],
    tags: ['mini program', 'small team', 'website'],
    scenarios: ['mini program', 'agile development', 'apps as mini programs'],
    summary:
      'Built and shipped its mini program on a cloud development platform, one developer covering three roles.',
    outcomes: [
      { metric: 'releases in 10 months', value: 349 },
      { metric: 'development efficiency vs the app', value: 4, unit: '×' },
      { metric: 'development efficiency vs H5', value: 2, unit: '×' },
    ],
    source: HANDBOOK,
  },
  {
    id: 'chaoban',
    organisation: 'Chaoban',
    industry: 'start-up (IP merchandise)',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['Mini Program Cloud Development', 'CloudBase'],
    tags: ['start-up', 'small team', 'cost'],
    scenarios: ['mini program', '0-to-1 innovation', 'start-up'],
    summary:
      'A three-person start-up ran its whole business on cloud development instead of servers.',
    outcomes: [
      {
        metric: 'revenue in 10 months',
        value: 30_000_000,
        unit: 'CNY',
        bound: 'atLeast',
      },
      {
        metric: 'monthly IT cost',
        value: 200,
        unit: 'CNY',
        bound: 'upTo',
      },
      {
        metric: 'monthly cost of servers for the same load (estimate)',
        value: 20_000,
        valueMax: 30_000,
        unit: 'CNY',
        bound: 'atLeast',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'chuang-2020',
    organisation: 'Chuang 2020 (TV show)',
    industry: 'media',
    category: 'cloud development',
    dimensions: ['development'],
    products: ['Mini Program Cloud Development', 'CloudBase'],
    tags: ['voting', 'peak traffic', 'anti-fraud'],
    scenarios: [
      'traffic peaks',
      'anti-abuse',
      'fast launch',
      'campaign operations',
    ],
    summary:
      'Ran the audience vote of a TV show on cloud development, including anti-fraud, without servers to manage.',
    outcomes: [
      { metric: 'votes', value: 1_000_000_000, bound: 'atLeast' },
      {
        metric: 'availability',
        value: 0.9999,
        bound: 'atLeast',
        of: 'CloudBase (the platform’s data path and resources)',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'mininglamp',
    organisation: 'Mininglamp',
    industry: 'AI and data',
    category: 'DevOps',
    dimensions: ['development', 'compute', 'data'],
    products: ['CODING DevOps'],
    tags: ['devops', 'ci', 'large organisation'],
    scenarios: [
      'artificial intelligence',
      'big data',
      'intelligent decisions',
      'agile development',
      'DevOps',
      'digital transformation',
    ],
    summary:
      'Put an engineering organisation of up to 3,000 people, and its many project teams, on one delivery platform.',
    outcomes: [
      {
        metric: 'planning and collaboration',
        note: 'clear requirements and measured staff cost made iteration planning sounder and business and engineering work closer; the source gives no figure',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'modao',
    organisation: 'Modao',
    industry: 'design SaaS',
    category: 'DevOps',
    dimensions: ['development'],
    products: ['CODING DevOps'],
    tags: ['testing', 'devops', 'saas'],
    scenarios: [
      'SaaS',
      'design',
      'test management',
      'agile development',
      'DevOps',
    ],
    summary: 'Moved test management onto a DevOps platform.',
    outcomes: [
      {
        metric: 'test management efficiency',
        change: 0.5,
        bound: 'atLeast',
      },
    ],
    source: HANDBOOK,
  },
  {
    id: 'bocom-schroders',
    organisation: 'BOCOM Schroders',
    industry: 'fund management',
    category: 'DevOps',
    dimensions: ['development'],
    products: ['CODING DevOps'],
    tags: ['finance', 'git', 'ci', 'private deployment'],
    scenarios: [
      'finance',
      'fund company',
      'SVN to Git',
      'agile development',
      'DevOps',
      'digital development process',
      'internet finance',
    ],
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
    scenarios: [
      'epidemic control',
      'data search',
      'health code',
      'data verification',
      'Elasticsearch data analysis',
    ],
    summary:
      'Served a national health-code service on managed Elasticsearch with a memory circuit breaker and multi-zone failover.',
    outcomes: [
      { metric: 'code displays', value: 1_600_000_000 },
      { metric: 'visits, cumulative', value: 26_000_000_000 },
      { metric: 'people covered', value: 1_000_000_000, bound: 'atLeast' },
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
    scenarios: [
      'online/offline co-location',
      'big-data cluster management',
      'data asset management',
      'data resource processing',
    ],
    summary:
      'Ran big-data jobs on containers alongside online services to use off-peak capacity.',
    outcomes: [
      {
        metric: 'off-peak resource utilisation',
        value: 5,
        unit: '×',
        bound: 'upTo',
      },
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
    products: ['TDSQL Serverless'],
    tags: ['database', 'elasticity', 'peak traffic', 'stateful'],
    scenarios: [
      'to the cloud without changing the business',
      'less DBA operations work',
      'high performance, low latency',
    ],
    summary:
      'Moved to a serverless database that adds read replicas for weekend peaks.',
    outcomes: [
      {
        metric: 'check-in time',
        from: 3,
        fromMax: 5,
        to: 1,
        toMax: 2,
        unit: 's',
      },
      { metric: 'read replicas, weekday to weekend peak', from: 3, to: 5 },
    ],
    source: HANDBOOK,
  },
  {
    id: 'yangshipin',
    organisation: 'Yangshipin (CCTV video)',
    industry: 'media (hybrid cloud)',
    category: 'security',
    dimensions: ['security'],
    products: ['private cloud'],
    tags: ['security', 'hybrid cloud', 'video'],
    scenarios: [
      'massive-scale business, C2G',
      'broadcasting',
      'live streaming',
      'video on demand',
      'social media',
      'hybrid cloud security-compliance model platform',
      'national new-media platform',
      'fully cloud native',
    ],
    summary:
      'Built a hybrid-cloud video platform in 200 days with security built into every cloud it runs on.',
    outcomes: [
      { metric: 'days to build the platform', value: 200 },
      { metric: 'systems protected', value: 7 },
      { metric: 'subsystems protected', value: 58 },
      {
        metric: 'security event alerts handled a day',
        value: 1000,
        bound: 'atLeast',
        note: 'thousands a day, over ten of them high severity',
      },
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
    scenarios: [],
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
    scenarios: [],
    summary: 'Migrated game services onto a service mesh and containers.',
    outcomes: [
      { metric: 'CPU and memory', change: -0.5, bound: 'atLeast' },
      {
        metric: 'game server resources',
        change: -2 / 3,
        note: 'in the cloud, a third of what they took on premises',
      },
      {
        metric: 'CPU and memory of the CGI tier',
        change: -0.7,
        note: 'nearly 70 %',
      },
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
    scenarios: [],
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
    scenarios: [],
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
    scenarios: [],
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
  {
    id: 'wps',
    organisation: 'WPS',
    industry: 'office software',
    category: 'API gateway',
    dimensions: ['architecture'],
    products: ['Apache APISIX'],
    tags: ['api gateway', 'traffic', 'service'],
    scenarios: [],
    summary:
      'The third company the talk names as moving its API traffic onto a cloud-native gateway, and feeding its use cases back to the project.',
    outcomes: [
      {
        metric: 'gateway adoption',
        note: 'named as a user whose needs the gateway met; the source gives no figure',
      },
    ],
    source: SUMMIT,
  },
];
