import {
  CollectedFacts,
  DetailNames,
  factsFromCollector,
  mergeFacts,
  numbersIn,
  packWorkloadDetail,
  readWorkloadDetail,
  withNames,
  WorkloadDetail,
} from './workloadDetail';

/** Names numbered from 0 in the order first asked for, as a run numbers new ones. */
function testNames() {
  const numbers = new Map<string, number>();
  const names: DetailNames & { nameOf(n: number): string } = {
    numberOf(name) {
      if (!numbers.has(name)) numbers.set(name, numbers.size);
      return numbers.get(name)!;
    },
    nameOf: n => [...numbers.keys()][n],
  };
  return names;
}

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

/** A detail packed as a run packs it, and read back from its JSON as the database gives it. */
const packedThroughJson = (
  readable: WorkloadDetail,
  sources: CollectedFacts[],
  names: DetailNames,
) =>
  JSON.parse(
    JSON.stringify(
      packWorkloadDetail(readable, sources, mergeFacts(ref, sources), names),
    ),
  );

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

  it('places the facts of each workload in the order it saw them, whatever the order before', () => {
    const source = (facts: Record<string, boolean>): CollectedFacts => ({
      collector: 'c',
      source: 'kubernetes',
      facts,
    });
    const places = (facts: Record<string, boolean>[]) =>
      Object.fromEntries(mergeFacts(ref, facts.map(source)).placeOf);
    expect(places([{ a: true, b: true }])).toEqual({ a: 0, b: 1 });
    expect(places([{ b: true, a: true }])).toEqual({ b: 0, a: 1 });
    expect(places([{ b: true }, { a: true, b: false, c: true }])).toEqual({
      b: 0,
      a: 1,
      c: 2,
    });
    expect(places([{ a: true, b: true }])).toEqual({ a: 0, b: 1 });
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

  it('packs a detail whole after a packing that failed part-way', () => {
    const names = testNames();
    // Numbering fails at the third check, after two checks' columns were written.
    let asked = 0;
    const failing: DetailNames = {
      numberOf: name => {
        if (detail.checks.some(c => c.id === name) && ++asked === 3)
          throw new Error('names are unreachable');
        return names.numberOf(name);
      },
    };
    expect(() =>
      packWorkloadDetail(
        detail,
        collected,
        mergeFacts(ref, collected),
        failing,
      ),
    ).toThrow('names are unreachable');
    const stored = packedThroughJson(detail, collected, names);
    expect(stored.status).toBe('fAfAw');
    expect(stored.flags).toBe('23240');
    expect(stored.read).toBe('2.3 5 0 1 ');
  });

  it('stores each fact and check once, names by number, and reads back the scorecard detail with provenance, through JSON', () => {
    const names = testNames();
    const stored = packedThroughJson(detail, collected, names);
    // The facts in the order first seen, numbered first; then the checks.
    expect(stored.facts).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map(names.nameOf)).toEqual([
      'practice.gradual-release',
      'practice.code-scanning',
      'kubernetes.workloadKind',
      'kubernetes.hpaElastic',
      'prometheus.cpuMean',
      'prometheus.cpuP95OfRequests',
    ]);
    expect(stored.values).toEqual([false, true, 'stateless', false, 1.25, 0.3]);
    // The measurement of gradual release (source 2) and Prometheus's mean (3) won.
    expect(stored.from).toEqual([2, 0, 1, 1, 3, 3]);
    expect(stored.checks).toEqual([6, 7, 8, 9, 10]);
    // Fail, partial (its credit in `credits`), fail, partial, waived.
    expect(stored.status).toBe('fAfAw');
    expect(stored.credits).toEqual([0.5, 0.5]);
    // Flags: 2 = measured, 1 = stale, 4 = declared.
    expect(stored.flags).toBe('23240');
    // hpa-elastic read the workload kind and the HPA; the waived check read nothing.
    expect(stored.read).toBe('2.3 5 0 1 ');
    expect(stored.waivers).toEqual({ 4: detail.checks[4].waiver });
    expect(numbersIn(stored)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
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
    const read = readWorkloadDetail(withNames(stored, names.nameOf), startedAt);
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

  it("stores a credit that is not its status's own, and no sources by fact when all came from the first", () => {
    const names = testNames();
    const only = [collected[1]];
    const checks = [
      { ...detail.checks[0], status: 'unknown' as const, credit: 0 },
      { ...detail.checks[0], id: 'cpu-requests-set', facts: {} },
    ];
    const stored = packedThroughJson({ ...detail, checks }, only, names);
    expect(stored.from).toBeUndefined();
    expect(stored.status).toBe('Uf');
    expect(stored.credits).toEqual([0]);
    expect(stored.waivers).toBeUndefined();
    const read = readWorkloadDetail(withNames(stored, names.nameOf), startedAt);
    expect(read.checks.map(c => [c.id, c.status, c.credit])).toEqual([
      ['hpa-elastic', 'unknown', 0],
      ['cpu-requests-set', 'fail', 0],
    ]);
    expect(read.checks[0].facts).toEqual({
      'kubernetes.workloadKind': 'stateless',
      'kubernetes.hpaElastic': false,
    });
    expect(Object.keys(read).sort()).toEqual(Object.keys(detail).sort());
  });

  it("gives back one collector's facts by origin, with the time they were collected: their own, else their snapshot's start", () => {
    const names = testNames();
    const stored = withNames(
      packedThroughJson(detail, collected, names),
      names.nameOf,
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
