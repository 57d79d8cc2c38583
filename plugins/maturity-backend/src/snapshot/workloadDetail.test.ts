import {
  CollectedFacts,
  factsFromCollector,
  mergeFacts,
  packWorkloadDetail,
  readWorkloadDetail,
  WorkloadDetail,
} from './workloadDetail';

const detail: WorkloadDetail = {
  title: 'Cart',
  coresSource: 'kubernetes',
  dimensions: {
    development: 50,
    compute: 100,
    architecture: null,
    data: null,
    security: 0,
  },
  checks: [
    {
      id: 'hpa-elastic',
      status: 'fail',
      credit: 0,
      stale: false,
      basis: 'measured',
      facts: {
        'kubernetes.workloadKind': 'stateless',
        'kubernetes.hpaElastic': false,
      },
    },
    {
      id: 'cpu-utilisation',
      status: 'partial',
      credit: 0.5,
      stale: true,
      basis: 'measured',
      facts: { 'prometheus.cpuP95OfRequests': 0.3 },
    },
    {
      id: 'gradual-release',
      status: 'fail',
      credit: 0,
      stale: false,
      basis: 'measured',
      facts: { 'practice.gradual-release': false },
    },
    {
      id: 'code-scanning',
      status: 'partial',
      credit: 0.5,
      stale: false,
      basis: 'declared',
      facts: { 'practice.code-scanning': true },
    },
    {
      id: 'tracing',
      status: 'waived',
      credit: null,
      stale: false,
      facts: {},
      waiver: { checkId: 'tracing', reason: 'migrating', until: '2026-12-31' },
    },
  ],
  problems: [],
  staleSources: [
    {
      collector: 'prometheus',
      reason: 'timeout',
      since: '2026-11-22T10:00:00.000Z',
    },
  ],
  tags: ['java'],
  cost: { basis: 'none', estimate: false } as unknown as WorkloadDetail['cost'],
};
const ref = 'component:default/cart';
const declaration = 'annotation maturity.cloudnative.dev/practices';
const collected: CollectedFacts[] = [
  // Declared first: the catalog's collector runs before the measuring ones.
  {
    collector: 'catalog',
    source: 'annotation',
    from: declaration,
    facts: {
      'practice.gradual-release': true,
      'practice.code-scanning': true,
    },
  },
  // Collected by the run that stores the detail: no time of its own.
  {
    collector: 'kubernetes',
    source: 'kubernetes',
    from: 'cluster a: Deployment shop/cart',
    facts: {
      'kubernetes.workloadKind': 'stateless',
      'kubernetes.hpaElastic': false,
      'prometheus.cpuMean': 9,
    },
  },
  {
    collector: 'kubernetes',
    source: 'kubernetes',
    from: 'cluster a: no Rollout or Canary targets Deployment shop/cart',
    facts: { 'practice.gradual-release': false },
  },
  {
    collector: 'prometheus',
    source: 'prometheus',
    at: '2026-11-22T10:00:00.000Z',
    facts: { 'prometheus.cpuP95OfRequests': 0.3, 'prometheus.cpuMean': 1.25 },
  },
];
const startedAt = new Date('2026-11-23T10:00:00Z');

describe('stored workload detail', () => {
  it('merges facts: a measurement wins over a declaration, else the later source wins', () => {
    const merged = mergeFacts(ref, collected);
    expect(merged.facts).toEqual({
      'practice.gradual-release': false,
      'practice.code-scanning': true,
      'kubernetes.workloadKind': 'stateless',
      'kubernetes.hpaElastic': false,
      'prometheus.cpuMean': 1.25,
      'prometheus.cpuP95OfRequests': 0.3,
    });
    expect([...merged.declared]).toEqual(['practice.code-scanning']);
    expect(merged.contradictions).toEqual([
      `Entity ${ref}: the measured practice.gradual-release = false (kubernetes: cluster a: no Rollout or Canary targets Deployment shop/cart) contradicts its declaration true (annotation: ${declaration}); the measurement is used`,
    ]);
  });

  it('keeps a measurement when a declaration comes after it, and reports only a claim it does not back', () => {
    const [declared, measured] = [collected[0], collected[2]];
    const merged = mergeFacts(ref, [
      measured,
      { ...declared, facts: { 'practice.gradual-release': false } },
    ]);
    expect(merged.facts).toEqual({ 'practice.gradual-release': false });
    expect(merged.declared.size).toBe(0);
    expect(merged.contradictions).toEqual([]);
    expect(mergeFacts(ref, [measured, declared]).contradictions).toHaveLength(
      1,
    );
    // Measured where the owner listed nothing (declared false): no claim to contradict.
    const provided = mergeFacts(ref, [
      { ...declared, facts: { 'practice.gradual-release': false } },
      { ...measured, facts: { 'practice.gradual-release': true } },
    ]);
    expect(provided.facts['practice.gradual-release']).toBe(true);
    expect(provided.contradictions).toEqual([]);
  });

  it('stores each fact once with the source it was taken from, and reads back the scorecard detail with provenance, through JSON', () => {
    const stored = JSON.parse(
      JSON.stringify(
        packWorkloadDetail(detail, collected, mergeFacts(ref, collected)),
      ),
    );
    expect(stored.facts).toEqual([
      ['practice.gradual-release', false, 2],
      ['practice.code-scanning', true, 0],
      ['kubernetes.workloadKind', 'stateless', 1],
      ['kubernetes.hpaElastic', false, 1],
      ['prometheus.cpuMean', 1.25, 3],
      ['prometheus.cpuP95OfRequests', 0.3, 3],
    ]);
    expect(stored.sources).toEqual([
      { collector: 'catalog', source: 'annotation', from: declaration },
      {
        collector: 'kubernetes',
        source: 'kubernetes',
        from: 'cluster a: Deployment shop/cart',
      },
      {
        collector: 'kubernetes',
        source: 'kubernetes',
        from: 'cluster a: no Rollout or Canary targets Deployment shop/cart',
      },
      {
        collector: 'prometheus',
        source: 'prometheus',
        at: '2026-11-22T10:00:00.000Z',
      },
    ]);
    // Flags: 2 = measured, 1 = stale, 4 = declared.
    expect(stored.checks.map((c: unknown[]) => c[4])).toEqual([2, 3, 2, 4, 0]);
    const read = readWorkloadDetail(stored, startedAt);
    const kubernetes = {
      source: 'kubernetes',
      from: 'cluster a: Deployment shop/cart',
      at: startedAt.toISOString(),
    };
    expect(read).toEqual({
      ...detail,
      checks: [
        {
          ...detail.checks[0],
          provenance: {
            'kubernetes.workloadKind': kubernetes,
            'kubernetes.hpaElastic': kubernetes,
          },
        },
        {
          ...detail.checks[1],
          provenance: {
            'prometheus.cpuP95OfRequests': {
              source: 'prometheus',
              at: '2026-11-22T10:00:00.000Z',
            },
          },
        },
        {
          ...detail.checks[2],
          provenance: {
            'practice.gradual-release': {
              source: 'kubernetes',
              from: 'cluster a: no Rollout or Canary targets Deployment shop/cart',
              at: startedAt.toISOString(),
            },
          },
        },
        {
          ...detail.checks[3],
          provenance: {
            'practice.code-scanning': {
              source: 'annotation',
              from: declaration,
              at: startedAt.toISOString(),
            },
          },
        },
        detail.checks[4],
      ],
    });
  });

  it('reads a detail stored before facts had provenance', () => {
    const old = {
      v: 2,
      ...detail,
      sources: [{ collector: 'kubernetes' }],
      facts: [['kubernetes.hpaElastic', false, 0]],
      checks: [['hpa-elastic', 'fail', 0, [0], 1]],
    };
    expect(readWorkloadDetail(old, startedAt).checks).toEqual([
      {
        id: 'hpa-elastic',
        status: 'fail',
        credit: 0,
        stale: true,
        facts: { 'kubernetes.hpaElastic': false },
      },
    ]);
    expect(factsFromCollector(old, 'kubernetes', { startedAt })).toEqual({
      sources: [
        {
          collector: 'kubernetes',
          source: 'config',
          facts: { 'kubernetes.hpaElastic': false },
        },
      ],
      collectedAt: startedAt,
    });
  });

  it("gives back one collector's facts by origin, with the time they were collected: their own, else their snapshot's start", () => {
    const stored = JSON.parse(
      JSON.stringify(
        packWorkloadDetail(detail, collected, mergeFacts(ref, collected)),
      ),
    );
    const snapshot = { startedAt };
    expect(factsFromCollector(stored, 'prometheus', snapshot)).toEqual({
      sources: [
        {
          collector: 'prometheus',
          source: 'prometheus',
          facts: {
            'prometheus.cpuMean': 1.25,
            'prometheus.cpuP95OfRequests': 0.3,
          },
        },
      ],
      collectedAt: new Date('2026-11-22T10:00:00Z'),
    });
    expect(factsFromCollector(stored, 'kubernetes', snapshot)).toEqual({
      sources: [
        {
          collector: 'kubernetes',
          source: 'kubernetes',
          from: 'cluster a: Deployment shop/cart',
          facts: {
            'kubernetes.workloadKind': 'stateless',
            'kubernetes.hpaElastic': false,
          },
        },
        {
          collector: 'kubernetes',
          source: 'kubernetes',
          from: 'cluster a: no Rollout or Canary targets Deployment shop/cart',
          facts: { 'practice.gradual-release': false },
        },
      ],
      collectedAt: snapshot.startedAt,
    });
    // The catalog's practices lost to measurements; its code-scanning declaration stands.
    expect(factsFromCollector(stored, 'catalog', snapshot)).toEqual({
      sources: [
        {
          collector: 'catalog',
          source: 'annotation',
          from: declaration,
          facts: { 'practice.code-scanning': true },
        },
      ],
      collectedAt: snapshot.startedAt,
    });
    expect(factsFromCollector(stored, 'platform', snapshot)).toBeUndefined();
    expect(factsFromCollector(detail, 'prometheus', snapshot)).toBeUndefined();
  });
});
