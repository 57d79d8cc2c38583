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
      facts: { 'prometheus.cpuP95OfRequests': 0.3 },
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
const collected: CollectedFacts[] = [
  // Collected by the run that stores the detail: no time of its own.
  {
    collector: 'kubernetes',
    facts: {
      'kubernetes.workloadKind': 'stateless',
      'kubernetes.hpaElastic': false,
      'prometheus.cpuMean': 9,
    },
  },
  {
    collector: 'prometheus',
    at: '2026-11-22T10:00:00.000Z',
    facts: { 'prometheus.cpuP95OfRequests': 0.3, 'prometheus.cpuMean': 1.25 },
  },
];

describe('stored workload detail', () => {
  it('merges facts with the later collector winning', () => {
    expect(mergeFacts(collected)).toEqual({
      'kubernetes.workloadKind': 'stateless',
      'kubernetes.hpaElastic': false,
      'prometheus.cpuMean': 1.25,
      'prometheus.cpuP95OfRequests': 0.3,
    });
  });

  it('stores each fact once and reads back the scorecard detail unchanged, through JSON', () => {
    const stored = JSON.parse(
      JSON.stringify(packWorkloadDetail(detail, collected)),
    );
    expect(stored.facts).toEqual([
      ['kubernetes.workloadKind', 'stateless', 0],
      ['kubernetes.hpaElastic', false, 0],
      ['prometheus.cpuMean', 1.25, 1],
      ['prometheus.cpuP95OfRequests', 0.3, 1],
    ]);
    expect(stored.sources).toEqual([
      { collector: 'kubernetes' },
      { collector: 'prometheus', at: '2026-11-22T10:00:00.000Z' },
    ]);
    expect(stored.checks[0]).toEqual(['hpa-elastic', 'fail', 0, [0, 1], 0]);
    expect(readWorkloadDetail(stored)).toEqual(detail);
  });

  it("gives back one collector's facts with the time they were collected: their own, else their snapshot's start", () => {
    const stored = JSON.parse(
      JSON.stringify(packWorkloadDetail(detail, collected)),
    );
    const snapshot = { startedAt: new Date('2026-11-23T10:00:00Z') };
    expect(factsFromCollector(stored, 'prometheus', snapshot)).toEqual({
      facts: { 'prometheus.cpuP95OfRequests': 0.3, 'prometheus.cpuMean': 1.25 },
      collectedAt: new Date('2026-11-22T10:00:00Z'),
    });
    expect(factsFromCollector(stored, 'kubernetes', snapshot)).toEqual({
      facts: {
        'kubernetes.workloadKind': 'stateless',
        'kubernetes.hpaElastic': false,
      },
      collectedAt: snapshot.startedAt,
    });
    expect(factsFromCollector(stored, 'catalog', snapshot)).toBeUndefined();
    expect(factsFromCollector(detail, 'prometheus', snapshot)).toBeUndefined();
  });
});
