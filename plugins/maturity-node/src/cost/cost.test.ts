import { DEFAULT_COST_PRICES } from '@internal/plugin-maturity-common';
import { computeWorkloadCost } from './computeWorkloadCost';
import { pricesFor } from './pricesFor';
import { workloadCores } from './workloadCores';
import {
  elasticityHint,
  recommendReplicas,
  recommendRequests,
} from './rightSizing';

const prices = DEFAULT_COST_PRICES; // 0.031611 per core-hour, 0.004237 per GiB-hour

describe('computeWorkloadCost', () => {
  it('prices max(request, usage) and counts idle requests as waste', () => {
    const cost = computeWorkloadCost(
      {
        'kubernetes.cores': 4,
        'kubernetes.memoryRequestGiB': 8,
        'prometheus.cpuMean': 1,
        'prometheus.memoryMeanGiB': 6,
      },
      { cores: 4, source: 'kubernetes' },
      prices,
    );
    expect(cost.basis).toBe('measured');
    // CPU: 4 × 0.031611 = 0.126444, idle 3 × 0.031611 = 0.094833, 1/4 used.
    expect(cost.cpu.hourlyCost).toBeCloseTo(0.126444, 9);
    expect(cost.cpu.hourlyWaste).toBeCloseTo(0.094833, 9);
    expect(cost.cpu.efficiency).toBe(0.25);
    // Memory: 8 × 0.004237 = 0.033896, idle 2 × 0.004237 = 0.008474, 6/8 used.
    expect(cost.memory.hourlyCost).toBeCloseTo(0.033896, 9);
    expect(cost.memory.hourlyWaste).toBeCloseTo(0.008474, 9);
    expect(cost.memory.efficiency).toBe(0.75);
    expect(cost.hourlyCost).toBeCloseTo(0.16034, 9);
    expect(cost.hourlyWaste).toBeCloseTo(0.103307, 9);
    // (1 × 0.031611 + 6 × 0.004237) / 0.16034 = 0.057033 / 0.16034
    expect(cost.efficiency).toBeCloseTo(0.057033 / 0.16034, 9);
  });

  it('charges usage above the request and finds no waste there', () => {
    const cost = computeWorkloadCost(
      { 'kubernetes.cores': 2, 'prometheus.cpuMean': 3 },
      { cores: 2, source: 'kubernetes' },
      prices,
    );
    expect(cost.cpu.hourlyCost).toBeCloseTo(3 * 0.031611, 9);
    expect(cost.cpu.hourlyWaste).toBe(0);
    expect(cost.cpu.efficiency).toBe(1.5);
  });

  it('estimates from declared cores, after the discount, when Kubernetes says nothing', () => {
    const cost = computeWorkloadCost(
      {},
      { cores: 10, source: 'annotation' },
      { ...prices, discount: 0.2 },
    );
    expect(cost.basis).toBe('declared');
    // 10 × 0.031611 × 0.8
    expect(cost.hourlyCost).toBeCloseTo(0.252888, 9);
    expect(cost.memory.hourlyCost).toBe(0);
    expect(cost.efficiency).toBeNull();
  });

  it('prices requests alone when usage is unknown, without guessing waste', () => {
    const cost = computeWorkloadCost(
      { 'kubernetes.cores': 4, 'kubernetes.memoryRequestGiB': 8 },
      { cores: 4, source: 'kubernetes' },
      prices,
    );
    expect(cost.basis).toBe('requests');
    expect(cost.hourlyCost).toBeCloseTo(0.16034, 9);
    expect(cost.hourlyWaste).toBe(0);
    expect(cost.efficiency).toBeNull();
  });

  it('prices the requests kube-state-metrics reports when Kubernetes gave none', () => {
    const facts = {
      'prometheus.cpuRequestCores': 5,
      'prometheus.cpuMean': 2,
    };
    const cost = computeWorkloadCost(facts, workloadCores(facts, 40), prices);
    // The declared 40 cores are outranked: 5 × 0.031611 = 0.158055, 3 idle = 0.094833.
    expect(cost.basis).toBe('measured');
    expect(cost.cpu.request).toBe(5);
    expect(cost.hourlyCost).toBeCloseTo(0.158055, 9);
    expect(cost.hourlyWaste).toBeCloseTo(0.094833, 9);
    expect(cost.efficiency).toBeCloseTo(0.4, 9);
  });

  it('has nothing to price without requests, usage or declared cores', () => {
    expect(
      computeWorkloadCost({}, { cores: null, source: 'unknown' }, prices),
    ).toMatchObject({
      basis: 'none',
      hourlyCost: 0,
    });
  });
});

describe('workloadCores', () => {
  it('takes measured requests over declared cores: Kubernetes, then kube-state-metrics', () => {
    const both = { 'kubernetes.cores': 6, 'prometheus.cpuRequestCores': 5.5 };
    expect(workloadCores(both, 40)).toEqual({ cores: 6, source: 'kubernetes' });
    expect(workloadCores({ 'prometheus.cpuRequestCores': 5.5 }, 40)).toEqual({
      cores: 5.5,
      source: 'prometheus',
    });
    expect(workloadCores({}, 40)).toEqual({ cores: 40, source: 'annotation' });
    expect(workloadCores({}, null)).toEqual({ cores: null, source: 'unknown' });
  });

  it('passes over a measurement that is no amount of cores', () => {
    expect(
      workloadCores(
        { 'kubernetes.cores': -1, 'prometheus.cpuRequestCores': 'x' },
        8,
      ),
    ).toEqual({ cores: 8, source: 'annotation' });
  });
});

describe('computeWorkloadCost with GPUs', () => {
  it('prices the GPUs it holds, at the discount, and counts none of them as waste', () => {
    // 8 GPUs × 0.95 × (1 − 0.25) = 5.7 an hour; CPU 4 × 0.031611 × 0.75 = 0.094833, memory
    // 8 × 0.004237 × 0.75 = 0.025422.
    const cost = computeWorkloadCost(
      {
        'kubernetes.cores': 4,
        'kubernetes.memoryRequestGiB': 8,
        'kubernetes.gpus': 8,
        'prometheus.cpuMean': 1,
        'prometheus.memoryMeanGiB': 6,
      },
      { cores: 4, source: 'kubernetes' },
      { ...prices, discount: 0.25 },
    );
    expect(cost.gpu).toEqual({
      request: 8,
      usage: null,
      hourlyCost: expect.closeTo(5.7, 9),
      hourlyWaste: 0,
      efficiency: null,
    });
    expect(cost.hourlyCost).toBeCloseTo(5.7 + 0.094833 + 0.025422, 9);
    // Waste and efficiency are CPU's and memory's: 3 idle cores and 2 idle GiB.
    expect(cost.hourlyWaste).toBeCloseTo(
      (3 * 0.031611 + 2 * 0.004237) * 0.75,
      9,
    );
    expect(cost.efficiency).toBeCloseTo(
      (1 * 0.031611 + 6 * 0.004237) / (4 * 0.031611 + 8 * 0.004237),
      9,
    );
    // Without GPUs there is no GPU line.
    expect(
      computeWorkloadCost(
        { 'kubernetes.cores': 4 },
        { cores: 4, source: 'kubernetes' },
        prices,
      ).gpu,
    ).toBeUndefined();
  });
});

describe('pricesFor', () => {
  const overrides = [
    { cluster: 'prod-1', cpuCoreHour: 0.04 },
    { namespace: 'ml', cpuCoreHour: 0.05 },
    { cluster: 'prod-1', namespace: 'ml', memoryGiBHour: 0.01 },
  ];
  it('takes the most specific override, its unset fields from the defaults', () => {
    expect(
      pricesFor({ cluster: 'prod-1', namespace: 'ml' }, prices, overrides),
    ).toEqual({ ...prices, memoryGiBHour: 0.01 });
    expect(
      pricesFor({ cluster: 'prod-2', namespace: 'ml' }, prices, overrides)
        .cpuCoreHour,
    ).toBe(0.05);
    expect(
      pricesFor({ cluster: 'prod-1', namespace: 'web' }, prices, overrides)
        .cpuCoreHour,
    ).toBe(0.04);
    expect(pricesFor({}, prices, overrides)).toBe(prices);
  });

  it('ranks a node type between a namespace and a cluster, and takes the first of a tie', () => {
    const rates = [
      { nodeType: 'S5.16XLARGE', discount: 0.3 },
      { cluster: 'prod-1', nodeType: 'S5.16XLARGE', discount: 0.4 },
      { cluster: 'prod-1', discount: 0.1 },
      { cluster: 'prod-1', discount: 0.2 },
      { namespace: 'ml', discount: 0.5 },
    ];
    const discount = (where: object) =>
      pricesFor(where, prices, rates).discount;
    // Cluster and node type (1 + 2) over node type alone (2) over the cluster (1).
    expect(discount({ cluster: 'prod-1', nodeType: 'S5.16XLARGE' })).toBe(0.4);
    expect(discount({ cluster: 'prod-2', nodeType: 'S5.16XLARGE' })).toBe(0.3);
    expect(discount({ cluster: 'prod-1', nodeType: 'SA3.8XLARGE' })).toBe(0.1);
    // A namespace (4) outranks cluster and node type together (3).
    expect(
      discount({ cluster: 'prod-1', namespace: 'ml', nodeType: 'S5.16XLARGE' }),
    ).toBe(0.5);
  });
});

describe('recommendRequests (Crane)', () => {
  it('recommends p99 × 1.15 per replica and prices the saving over 730 hours', () => {
    const advice = recommendRequests(
      {
        'kubernetes.replicas': 4,
        'kubernetes.cores': 8,
        'kubernetes.memoryRequestGiB': 16,
        'prometheus.cpuP99': 2,
        'prometheus.memoryP99GiB': 8,
      },
      prices,
    );
    // CPU: 2 → 0.5 × 1.15 = 0.575 per replica; (2 − 0.575) × 4 × 0.031611 × 730 = 131.533371
    expect(advice.cpu).toMatchObject({
      current: 2,
      recommended: 0.575,
      replicas: 4,
    });
    expect(advice.cpu!.monthlySaving).toBeCloseTo(131.533371, 5);
    // Memory: 4 → 2 × 1.15 = 2.3 GiB; (4 − 2.3) × 4 × 0.004237 × 730 = 21.032468
    expect(advice.memory).toMatchObject({ current: 4, recommended: 2.3 });
    expect(advice.memory!.monthlySaving).toBeCloseTo(21.032468, 5);
    expect(advice.monthlySaving).toBeCloseTo(152.565839, 5);
  });

  it('raises memory after an OOM kill to max(peak + 100 MiB, peak × 1.2)', () => {
    const advice = recommendRequests(
      {
        'kubernetes.replicas': 1,
        'kubernetes.memoryRequestGiB': 1,
        'prometheus.memoryP99GiB': 0.5,
        'prometheus.memoryMaxGiB': 0.9,
        'prometheus.oomKills': 1,
      },
      prices,
    );
    // 0.5 × 1.15 = 0.575 < max(0.9 + 0.098, 0.9 × 1.2 = 1.08)
    expect(advice.memory).toMatchObject({
      recommended: 1.08,
      basis: 'OOM-killed in the window: peak usage + margin',
    });
    expect(advice.memory!.monthlySaving).toBeCloseTo(-0.08 * 0.004237 * 730, 9);
    expect(advice.cpu).toBeNull();
    expect(advice.monthlySaving).toBe(0);
  });

  it('never recommends less than 0.1 core', () => {
    const advice = recommendRequests(
      { 'kubernetes.cores': 1, 'prometheus.cpuP99': 0.02 },
      prices,
    );
    expect(advice.cpu).toMatchObject({
      recommended: 0.1,
      basis: 'floor of 0.1 core',
    });
  });
});

describe('elasticityHint (Crane)', () => {
  const swinging = {
    'kubernetes.hpaElastic': false,
    'kubernetes.cores': 10,
    'prometheus.hourlyPeakToTrough': 2,
  };
  it.each([
    [0.4, 40],
    [0.1, 30],
    [0.9, 75],
  ])(
    'targets a p95 of %d of requests, clamped to 30–75 %%, as %d %%',
    (ratio, target) => {
      expect(
        elasticityHint({ ...swinging, 'prometheus.cpuP95OfRequests': ratio }),
      ).toMatchObject({
        recommended: true,
        targetUtilization: target,
        checkId: 'hpa-elastic',
      });
    },
  );

  it('leaves steady load, workloads with an HPA and stateful ones alone', () => {
    expect(
      elasticityHint({ ...swinging, 'prometheus.hourlyPeakToTrough': 1.4 })
        .recommended,
    ).toBe(false);
    expect(
      elasticityHint({ ...swinging, 'kubernetes.hpaElastic': true })
        .recommended,
    ).toBe(false);
    expect(
      elasticityHint({ ...swinging, 'kubernetes.workloadKind': 'stateful' })
        .recommended,
    ).toBe(false);
  });
});

describe('computeWorkloadCost with measured GPUs', () => {
  it("counts the idle part of its GPUs as waste once DCGM's utilisation is known", () => {
    // 8 GPUs at 25 %: 2 used. At 0.95 × 0.75 = 0.7125 a GPU-hour, 6 idle waste 4.275 an hour.
    const cost = computeWorkloadCost(
      {
        'kubernetes.cores': 4,
        'kubernetes.memoryRequestGiB': 8,
        'kubernetes.gpus': 8,
        'prometheus.cpuMean': 1,
        'prometheus.memoryMeanGiB': 6,
        'prometheus.gpuUtilisation': 0.25,
      },
      { cores: 4, source: 'kubernetes' },
      { ...prices, discount: 0.25 },
    );
    expect(cost.gpu).toEqual({
      request: 8,
      usage: 2,
      hourlyCost: expect.closeTo(5.7, 9),
      hourlyWaste: expect.closeTo(4.275, 9),
      efficiency: 0.25,
    });
    // CPU's 3 idle cores and memory's 2 idle GiB, and the GPUs'.
    expect(cost.hourlyWaste).toBeCloseTo(
      (3 * 0.031611 + 2 * 0.004237) * 0.75 + 4.275,
      9,
    );
    // Used over requested, each at its price: (1 × 0.031611 + 6 × 0.004237 + 2 × 0.95) /
    // (4 × 0.031611 + 8 × 0.004237 + 8 × 0.95) = 1.957033 / 7.76034.
    expect(cost.efficiency).toBeCloseTo(1.957033 / 7.76034, 9);
  });
});

describe('computeWorkloadCost with persistent volumes', () => {
  it('prices the GiB it claims by the month, at the discount, and counts none as waste', () => {
    // 200 GiB × 0.04 a GiB-month × 0.75 = 6 a month: 6 / 730 = 0.00821918 an hour.
    const cost = computeWorkloadCost(
      { 'kubernetes.cores': 2, 'kubernetes.storageGiB': 200 },
      { cores: 2, source: 'kubernetes' },
      { ...prices, discount: 0.25 },
    );
    expect(cost.storage).toEqual({
      request: 200,
      usage: null,
      hourlyCost: expect.closeTo(6 / 730, 12),
      hourlyWaste: 0,
      efficiency: null,
    });
    // CPU 2 × 0.031611 × 0.75 = 0.0474165, and the volumes.
    expect(cost.hourlyCost).toBeCloseTo(0.0474165 + 6 / 730, 9);
    expect(cost.hourlyWaste).toBe(0);
  });

  it('counts what kubelet says is free on them as waste once it is known', () => {
    // 50 of 200 GiB used: 150 × 0.04 × 0.75 = 4.5 a month idle.
    const cost = computeWorkloadCost(
      {
        'kubernetes.cores': 2,
        'kubernetes.storageGiB': 200,
        'prometheus.storageUsedGiB': 50,
      },
      { cores: 2, source: 'kubernetes' },
      { ...prices, discount: 0.25 },
    );
    expect(cost.storage).toMatchObject({ request: 200, usage: 50 });
    expect(cost.storage!.hourlyWaste * 730).toBeCloseTo(4.5, 9);
    expect(cost.hourlyWaste * 730).toBeCloseTo(4.5, 9);
  });
});

describe('recommendRequests per container', () => {
  // 4 replicas of an app container (2 cores, 4 GiB) and a sidecar (0.5 core, 0.5 GiB); the
  // busiest replica's app used 1 core and 2 GiB at p99, its sidecar 0.2 core. An HPA ran it on
  // anywhere from 2 to 10 replicas over the week: the per-replica figures do not depend on it.
  const facts = {
    'kubernetes.replicas': 4,
    'kubernetes.cores': 10,
    'kubernetes.memoryRequestGiB': 18,
    'kubernetes.container.app.cpuRequest': 2,
    'kubernetes.container.app.memoryRequestGiB': 4,
    'kubernetes.container.sidecar.cpuRequest': 0.5,
    'kubernetes.container.sidecar.memoryRequestGiB': 0.5,
    'prometheus.container.app.cpuP99': 1,
    'prometheus.container.app.memoryP99GiB': 2,
    'prometheus.container.sidecar.cpuP99': 0.2,
    // Workload sums that would mislead under an HPA: not read when containers are known.
    'prometheus.cpuP99': 30,
    'prometheus.memoryP99GiB': 60,
  };

  it("recommends each container's requests from its own usage, and sums them", () => {
    const advice = recommendRequests(facts, prices);
    // app: 1 × 1.15 = 1.15 cores, saving (2 − 1.15) × 4 × 0.031611 × 730 = 78.457;
    // 2 × 1.15 = 2.3 GiB, saving (4 − 2.3) × 4 × 0.004237 × 730 = 21.032.
    // sidecar: 0.2 × 1.15 = 0.23 core, saving 0.27 × 4 × 0.031611 × 730 = 24.922; its memory
    // has no usage figure.
    expect(advice.containers).toEqual([
      {
        container: 'app',
        cpu: {
          current: 2,
          recommended: 1.15,
          replicas: 4,
          monthlySaving: expect.closeTo(0.85 * 4 * 0.031611 * 730, 9),
          basis: 'p99 usage × 1.15',
        },
        memory: {
          current: 4,
          recommended: 2.3,
          replicas: 4,
          monthlySaving: expect.closeTo(1.7 * 4 * 0.004237 * 730, 9),
          basis: 'p99 usage × 1.15',
        },
      },
      {
        container: 'sidecar',
        cpu: {
          current: 0.5,
          recommended: 0.23,
          replicas: 4,
          monthlySaving: expect.closeTo(0.27 * 4 * 0.031611 * 730, 9),
          basis: 'p99 usage × 1.15',
        },
        memory: null,
      },
    ]);
    // A replica: 2.5 cores now, 1.38 recommended; memory 4.5 GiB, 2.8 (the sidecar's kept).
    expect(advice.cpu).toMatchObject({
      current: 2.5,
      recommended: 1.38,
      basis: 'Σ of 2 containers',
    });
    expect(advice.memory).toMatchObject({ current: 4.5, recommended: 2.8 });
    expect(advice.monthlySaving).toBeCloseTo(
      (0.85 + 0.27) * 4 * 0.031611 * 730 + 1.7 * 4 * 0.004237 * 730,
      9,
    );
  });

  it("bumps every container's memory from its own p99 after an OOM kill", () => {
    const advice = recommendRequests(
      { ...facts, 'prometheus.oomKills': 1 },
      prices,
    );
    // app: max(2 + 100/1024, 2 × 1.2) = 2.4 GiB, above 2.3.
    expect(advice.containers![0].memory).toMatchObject({
      recommended: 2.4,
      basis: 'OOM-killed in the window: peak usage + margin',
    });
  });
});

describe('recommendReplicas (Crane)', () => {
  const facts = {
    'kubernetes.workloadKind': 'stateless',
    'kubernetes.replicas': 6,
    'kubernetes.cores': 12,
    'prometheus.cpuQuietHour': 4.2,
    'prometheus.cpuP95': 9,
    'prometheus.cpuP95OfRequests': 0.6,
    'kubernetes.hpaMinReplicas': 6,
    'kubernetes.hpaMaxReplicas': 6,
  };

  it('bounds an HPA by the quietest hour and the p95', () => {
    // 2 cores a replica. Min: ⌈4.2 / (0.75 × 2)⌉ = ⌈2.8⌉ = 3. Max: target 60 %,
    // ⌈9 × 3 / (0.6 × 2)⌉ = ⌈22.5⌉ = 23.
    expect(recommendReplicas(facts)).toEqual({
      current: 6,
      hpa: { min: 6, max: 6 },
      min: 3,
      max: 23,
      targetUtilization: 60,
      basis:
        'quietest hour 4.2 cores at 75 % of 2 cores a replica (at least 2); p95 9 cores at 60 % × 3',
    });
  });

  it('keeps the default minimum, and none for stateful or unmeasured workloads', () => {
    expect(
      recommendReplicas({ ...facts, 'prometheus.cpuQuietHour': 0.5 })!.min,
    ).toBe(2);
    expect(
      recommendReplicas({ ...facts, 'kubernetes.workloadKind': 'stateful' }),
    ).toBeNull();
    const { 'prometheus.cpuQuietHour': _quiet, ...unmeasured } = facts;
    expect(recommendReplicas(unmeasured)).toBeNull();
  });
});
