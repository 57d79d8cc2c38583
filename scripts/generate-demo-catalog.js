#!/usr/bin/env node
// Writes the demo organisation to catalog-info/: a company, 4 departments, 12 teams, users,
// 9 products (Systems) and 44 workloads (Components) whose CPU cores span 2 to 2,400, so that
// core weighting visibly changes department scores. Run again after editing the tables below.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const out = path.resolve(__dirname, '..', 'catalog-info');
const company = { name: 'acme-cloud', title: 'ACME Cloud Group' };

const departments = [
  [
    'search-ai',
    'Search & AI',
    'Search, recommendation and model training; the largest CPU footprint.',
  ],
  ['commerce', 'Commerce', 'Shop, checkout and payments.'],
  ['media', 'Media', 'Video streaming and editorial content.'],
  ['corporate-it', 'Corporate IT', 'Internal tools with small services.'],
];

// [team, department, display name]
const teams = [
  ['ranking', 'search-ai', 'Ranking'],
  ['recsys', 'search-ai', 'Recommendations'],
  ['ml-platform', 'search-ai', 'ML Platform'],
  ['storefront', 'commerce', 'Storefront'],
  ['checkout', 'commerce', 'Checkout'],
  ['payments', 'commerce', 'Payments'],
  ['streaming', 'media', 'Streaming'],
  ['editorial', 'media', 'Editorial Tools'],
  ['transcoding', 'media', 'Transcoding'],
  ['workplace', 'corporate-it', 'Workplace'],
  ['finance-apps', 'corporate-it', 'Finance Apps'],
  ['identity', 'corporate-it', 'Identity'],
];

// [system, owner team, title, description]
const systems = [
  [
    'web-search',
    'ranking',
    'Web Search',
    'Query understanding, retrieval and ranking.',
  ],
  [
    'recommendations',
    'recsys',
    'Recommendations',
    'Personalised feeds and related items.',
  ],
  [
    'model-training',
    'ml-platform',
    'Model Training',
    'Training pipelines and feature store.',
  ],
  [
    'online-shop',
    'storefront',
    'Online Shop',
    'Catalogue browsing, cart and checkout.',
  ],
  [
    'payments-hub',
    'payments',
    'Payments Hub',
    'Card, wallet and settlement services.',
  ],
  [
    'video-platform',
    'streaming',
    'Video Platform',
    'Streaming, transcoding and playback.',
  ],
  ['newsroom', 'editorial', 'Newsroom', 'Editorial CMS and publishing.'],
  [
    'intranet',
    'workplace',
    'Intranet',
    'Employee portal and collaboration tools.',
  ],
  [
    'back-office',
    'finance-apps',
    'Back Office',
    'Expenses, invoicing and sign-in.',
  ],
];

// [component, team, system, type, cores (null = not declared), description]
const components = [
  [
    'query-frontend',
    'ranking',
    'web-search',
    'service',
    2400,
    'Parses and routes search queries.',
  ],
  [
    'index-serving',
    'ranking',
    'web-search',
    'service',
    1800,
    'Serves the inverted index shards.',
  ],
  [
    'ranker',
    'ranking',
    'web-search',
    'service',
    960,
    'Scores candidates with the ranking model.',
  ],
  [
    'spell-check',
    'ranking',
    'web-search',
    'service',
    64,
    'Suggests query corrections.',
  ],
  [
    'feed-service',
    'recsys',
    'recommendations',
    'service',
    1200,
    'Builds personalised feeds.',
  ],
  [
    'candidate-retrieval',
    'recsys',
    'recommendations',
    'service',
    720,
    'Retrieves candidates from embeddings.',
  ],
  [
    'user-profile-store',
    'recsys',
    'recommendations',
    'service',
    180,
    'Keeps user interest profiles.',
  ],
  [
    'realtime-features',
    'recsys',
    'recommendations',
    'service',
    240,
    'Streams real-time features.',
  ],
  [
    'training-orchestrator',
    'ml-platform',
    'model-training',
    'service',
    96,
    'Schedules training jobs.',
  ],
  [
    'gpu-trainer',
    'ml-platform',
    'model-training',
    'batch-job',
    2000,
    'Runs distributed training.',
  ],
  [
    'feature-store',
    'ml-platform',
    'model-training',
    'service',
    320,
    'Serves offline and online features.',
  ],
  [
    'product-catalog',
    'storefront',
    'online-shop',
    'service',
    128,
    'Product data and search facets.',
  ],
  [
    'storefront-web',
    'storefront',
    'online-shop',
    'website',
    96,
    'Server-side rendered shop front.',
  ],
  ['cart', 'checkout', 'online-shop', 'service', 48, 'Shopping cart.'],
  [
    'checkout-api',
    'checkout',
    'online-shop',
    'service',
    64,
    'Orders and checkout flow.',
  ],
  [
    'inventory',
    'checkout',
    'online-shop',
    'service',
    32,
    'Stock levels and reservations.',
  ],
  [
    'promotions',
    'storefront',
    'online-shop',
    'service',
    16,
    'Coupons and campaigns.',
  ],
  [
    'card-gateway',
    'payments',
    'payments-hub',
    'service',
    40,
    'Card authorisation gateway.',
  ],
  ['wallet', 'payments', 'payments-hub', 'service', 24, 'Stored balances.'],
  [
    'settlement-batch',
    'payments',
    'payments-hub',
    'batch-job',
    12,
    'Nightly settlement.',
  ],
  [
    'fraud-scoring',
    'payments',
    'payments-hub',
    'service',
    80,
    'Scores transactions for fraud.',
  ],
  [
    'playback-api',
    'streaming',
    'video-platform',
    'service',
    400,
    'Playback sessions and DRM.',
  ],
  [
    'edge-cache',
    'streaming',
    'video-platform',
    'service',
    600,
    'Video segment cache.',
  ],
  [
    'transcoder',
    'transcoding',
    'video-platform',
    'batch-job',
    1500,
    'Transcodes uploads.',
  ],
  [
    'thumbnailer',
    'transcoding',
    'video-platform',
    'batch-job',
    60,
    'Generates thumbnails.',
  ],
  [
    'live-ingest',
    'streaming',
    'video-platform',
    'service',
    200,
    'Ingests live streams.',
  ],
  [
    'cms',
    'editorial',
    'newsroom',
    'service',
    24,
    'Editorial content management.',
  ],
  [
    'publishing-pipeline',
    'editorial',
    'newsroom',
    'service',
    16,
    'Publishes articles to the site.',
  ],
  ['comments', 'editorial', 'newsroom', 'service', 8, 'Reader comments.'],
  ['newsletter', 'editorial', 'newsroom', 'batch-job', 4, 'Sends newsletters.'],
  [
    'media-archive',
    'transcoding',
    'video-platform',
    'service',
    null,
    'Cold storage of masters; cores not declared yet.',
  ],
  [
    'intranet-portal',
    'workplace',
    'intranet',
    'website',
    4,
    'Employee portal.',
  ],
  ['wiki', 'workplace', 'intranet', 'service', 2, 'Team wiki.'],
  [
    'room-booking',
    'workplace',
    'intranet',
    'service',
    2,
    'Meeting room booking.',
  ],
  [
    'chat-bridge',
    'workplace',
    'intranet',
    'service',
    2,
    'Bridges chat systems.',
  ],
  ['expenses', 'finance-apps', 'back-office', 'service', 4, 'Expense claims.'],
  [
    'invoicing',
    'finance-apps',
    'back-office',
    'service',
    2,
    'Supplier invoices.',
  ],
  [
    'payroll-export',
    'finance-apps',
    'back-office',
    'batch-job',
    2,
    'Exports payroll data.',
  ],
  [
    'sso-proxy',
    'identity',
    'back-office',
    'service',
    8,
    'Single sign-on proxy.',
  ],
  [
    'directory-sync',
    'identity',
    'back-office',
    'batch-job',
    2,
    'Syncs the staff directory.',
  ],
  [
    'mfa-service',
    'identity',
    'back-office',
    'service',
    4,
    'Second-factor checks.',
  ],
  [
    'legacy-hr',
    'finance-apps',
    'back-office',
    'service',
    null,
    'Old HR system on a VM; cores unknown.',
  ],
  [
    'asset-tracker',
    'workplace',
    'intranet',
    'service',
    0,
    'Scaled to zero; kept for records.',
  ],
  [
    'audit-log',
    'identity',
    'back-office',
    'service',
    6,
    'Collects audit events.',
  ],
];

// Practices each team declares (maturity.cloudnative.dev/practices); a team missing here has not
// filled them in, so those checks stay unknown for its workloads.
const practices = {
  ranking:
    'ci-pipeline, devops-roles, gradual-release, gitops, tracing, trace-id-in-logs, contextual-logs, business-metrics, alerting, load-testing, code-scanning, dependency-scanning, image-scanning, managed-data',
  recsys:
    'ci-pipeline, gradual-release, tracing, business-metrics, alerting, code-scanning, image-scanning',
  'ml-platform': 'ci-pipeline, tracing, managed-data',
  storefront:
    'ci-pipeline, devops-roles, gradual-release, gitops, tracing, trace-id-in-logs, contextual-logs, business-metrics, alerting, load-testing, code-scanning, dependency-scanning, image-scanning, image-signing, managed-data',
  checkout:
    'ci-pipeline, gradual-release, tracing, alerting, code-scanning, dependency-scanning, managed-data',
  payments:
    'ci-pipeline, tracing, trace-id-in-logs, contextual-logs, alerting, code-scanning, dependency-scanning, image-scanning, image-signing',
  streaming: 'ci-pipeline, alerting, business-metrics',
  editorial: 'ci-pipeline',
  transcoding: 'ci-pipeline, image-scanning',
  workplace: 'ci-pipeline, managed-data',
  identity: 'ci-pipeline, code-scanning, dependency-scanning, alerting',
};
const stateful = new Set([
  'user-profile-store',
  'feature-store',
  'inventory',
  'wallet',
  'media-archive',
]);
const onLegacyVms = new Set(['legacy-hr', 'media-archive']);
// Services that publish an API entity.
const apis = [
  'query-frontend',
  'feed-service',
  'checkout-api',
  'card-gateway',
  'playback-api',
  'sso-proxy',
];
// Owners' waivers of checks that do not fit their workload, with a reason and a last day.
const waivers = {
  ranker: {
    'no-static-cpu-binding':
      '2027-06-30: the ranking model pins cores to meet its latency budget',
  },
  'gpu-trainer': {
    'no-exclusive-nodes':
      '2027-03-31: GPU nodes are dedicated until the shared GPU pool opens',
  },
};

const users = [
  ['guest', 'Guest', 'checkout'],
  ['li-wei', 'Li Wei', 'ranking'],
  ['maria-garcia', 'Maria Garcia', 'storefront'],
  ['tom-becker', 'Tom Becker', 'streaming'],
  ['amina-okafor', 'Amina Okafor', 'workplace'],
];

const doc = (kind, metadata, spec) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata,
  spec,
});
const deptOf = Object.fromEntries(teams.map(([t, d]) => [t, d]));

const org = [
  doc(
    'Group',
    {
      name: company.name,
      title: company.title,
      description: 'The whole company.',
    },
    {
      type: 'organization',
      profile: { displayName: company.title },
      children: departments.map(d => d[0]),
    },
  ),
  ...departments.map(([name, title, description]) =>
    doc(
      'Group',
      { name, title, description },
      {
        type: 'department',
        profile: { displayName: title },
        parent: company.name,
        children: teams.filter(t => t[1] === name).map(t => t[0]),
      },
    ),
  ),
  ...teams.map(([name, parent, title]) =>
    doc(
      'Group',
      { name, title },
      { type: 'team', profile: { displayName: title }, parent, children: [] },
    ),
  ),
  ...users.map(([name, displayName, team]) =>
    doc(
      'User',
      { name },
      {
        profile: { displayName, email: `${name}@acme.example` },
        memberOf: [team],
      },
    ),
  ),
];

const products = systems.map(([name, owner, title, description]) =>
  doc('System', { name, title, description }, { owner }),
);

const workloads = components.map(
  ([name, team, system, type, cores, description]) => {
    const namespace = `${deptOf[team]}`;
    // Workloads on the legacy VMs have no Kubernetes objects and no container metrics.
    const annotations = onLegacyVms.has(name)
      ? {}
      : {
          'backstage.io/kubernetes-id': name,
          'backstage.io/kubernetes-namespace': namespace,
        };
    if (cores !== null)
      annotations['maturity.cloudnative.dev/cores'] = String(cores);
    annotations['maturity.cloudnative.dev/workload-kind'] =
      type === 'batch-job'
        ? 'batch'
        : stateful.has(name)
        ? 'stateful'
        : 'stateless';
    if (practices[team])
      annotations['maturity.cloudnative.dev/practices'] = practices[team];
    if (onLegacyVms.has(name))
      annotations['maturity.cloudnative.dev/platform'] = 'legacy-vms';
    for (const [check, value] of Object.entries(waivers[name] ?? {})) {
      annotations[`maturity.cloudnative.dev/waiver.${check}`] = value;
    }
    return doc(
      'Component',
      { name, description, annotations, tags: [type] },
      {
        type,
        lifecycle: 'production',
        owner: team,
        system,
        ...(apis.includes(name) ? { providesApis: [`${name}-api`] } : {}),
      },
    );
  },
);

const apiEntities = apis.map(name => {
  const [, team, system] = components.find(c => c[0] === name);
  return doc(
    'API',
    { name: `${name}-api`, description: `Public API of ${name}.` },
    {
      type: 'openapi',
      lifecycle: 'production',
      owner: team,
      system,
      definition: `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: '1'\npaths: {}\n`,
    },
  );
});

// The platforms workloads run on: the two clusters the Kubernetes module reads and the legacy
// virtual machines. The leaderboard ranks them under these Resources (resource:default/<name>).
const platforms = [
  [
    'prod-shared',
    'kubernetes-cluster',
    'Shared production cluster of Search & AI and Media.',
  ],
  [
    'prod-classic',
    'kubernetes-cluster',
    'Production cluster of Commerce and Corporate IT.',
  ],
  [
    'legacy-vms',
    'virtual-machines',
    'Dedicated virtual machines a few legacy systems still use.',
  ],
];
const resources = platforms.map(([name, type, description]) =>
  doc('Resource', { name, description }, { type, owner: company.name }),
);

const write = (file, docs) =>
  fs.writeFileSync(
    path.join(out, file),
    `# Generated by scripts/generate-demo-catalog.js; edit the script, not this file.\n` +
      docs.map(d => YAML.stringify(d)).join('---\n'),
  );
fs.mkdirSync(out, { recursive: true });
write('org.yaml', org);
write('systems.yaml', products);
write('components.yaml', workloads);
write('apis.yaml', apiEntities);
write('resources.yaml', resources);
console.log(
  `catalog-info/: ${org.length} org entities, ${products.length} systems, ${workloads.length} components, ${apiEntities.length} APIs, ${resources.length} platform resources`,
);
