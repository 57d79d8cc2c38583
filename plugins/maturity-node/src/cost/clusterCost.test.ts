import { CostPrices, NodeUtilisation } from '@internal/plugin-maturity-common';
import { ClusterNode } from '../extensions';
import { computeClusterCost, shareIdle } from './clusterCost';
import { nodeSignals } from './nodeSignals';

const list: CostPrices = {
  cpuCoreHour: 0.03,
  memoryGiBHour: 0.004,
  gpuHour: 1,
  currency: 'USD',
  discount: 0,
};
// The GPU type is negotiated: half off.
const pricesOf = (nodeType?: string) =>
  nodeType === 'gpu.8x' ? { ...list, discount: 0.5 } : list;

const node = (
  name: string,
  nodeType: string | undefined,
  zone: string,
  capacity: [number, number, number],
  requested: [number, number, number],
  // The system reserves 1 core and 4 GiB of each node unless said otherwise.
  allocatable: [number, number, number] = [
    capacity[0] - 1,
    capacity[1] - 4,
    capacity[2],
  ],
): ClusterNode => ({
  name,
  ...(nodeType ? { nodeType } : {}),
  zone,
  addresses: [`10.0.0.${name.slice(-1)}`],
  capacity: {
    cpuCores: capacity[0],
    memoryGiB: capacity[1],
    gpus: capacity[2],
  },
  allocatable: {
    cpuCores: allocatable[0],
    memoryGiB: allocatable[1],
    gpus: allocatable[2],
  },
  requested: {
    cpuCores: requested[0],
    memoryGiB: requested[1],
    gpus: requested[2],
  },
});

const nodes = [
  // 16 cores, 64 GiB: 12 cores and 40 GiB requested.
  node('node-1', 'std.16x', 'zone-a', [16, 64, 0], [12, 40, 0]),
  // Memory over-committed (allocatable above capacity): allocated at most its 64 GiB.
  node('node-2', 'std.16x', 'zone-b', [16, 64, 0], [4, 70, 0], [15, 80, 0]),
  // 8 GPUs at 0.5, 4 requested.
  node('node-3', 'gpu.8x', 'zone-a', [32, 128, 8], [8, 32, 4]),
];

describe('computeClusterCost', () => {
  const cost = computeClusterCost('prod', nodes, pricesOf);

  it('prices every node at its node type and splits allocated from idle', () => {
    expect(cost.nodes).toBe(3);
    expect(cost.capacity).toEqual({ cpuCores: 64, memoryGiB: 256, gpus: 8 });
    // Reported beside capacity: 15 + 15 + 31 cores, 60 + 80 + 124 GiB.
    expect(cost.allocatable).toEqual({ cpuCores: 61, memoryGiB: 264, gpus: 8 });
    // Requests on node-2 count at most its 64 GiB.
    expect(cost.allocated).toEqual({ cpuCores: 24, memoryGiB: 136, gpus: 4 });
    expect(cost.idle).toEqual({ cpuCores: 40, memoryGiB: 120, gpus: 4 });
    expect(cost.requested).toEqual({ cpuCores: 24, memoryGiB: 142, gpus: 4 });
    // std: 32 cores × 0.03 = 0.96, 128 GiB × 0.004 = 0.512.
    // gpu (half off): 32 × 0.015 = 0.48, 128 × 0.002 = 0.256, 8 × 0.5 = 4.
    expect(cost.hourlyCost.cpu).toBeCloseTo(1.44, 9);
    expect(cost.hourlyCost.memory).toBeCloseTo(0.768, 9);
    expect(cost.hourlyCost.gpu).toBeCloseTo(4, 9);
    expect(cost.hourlyCost.total).toBeCloseTo(6.208, 9);
    // Allocated: std 16 cores × 0.03 = 0.48, 104 GiB × 0.004 = 0.416;
    // gpu 8 × 0.015 = 0.12, 32 × 0.002 = 0.064, 4 × 0.5 = 2.
    expect(cost.allocatedHourlyCost.cpu).toBeCloseTo(0.6, 9);
    expect(cost.allocatedHourlyCost.memory).toBeCloseTo(0.48, 9);
    expect(cost.allocatedHourlyCost.gpu).toBeCloseTo(2, 9);
    expect(cost.idleHourlyCost.cpu).toBeCloseTo(0.84, 9);
    expect(cost.idleHourlyCost.memory).toBeCloseTo(0.288, 9);
    expect(cost.idleHourlyCost.gpu).toBeCloseTo(2, 9);
    expect(cost.idleHourlyCost.total).toBeCloseTo(3.128, 9);
  });

  it('lists node types by cost, with their zones', () => {
    expect(cost.nodeTypes.map(t => [t.nodeType, t.nodes, t.zones])).toEqual([
      ['gpu.8x', 1, ['zone-a']],
      ['std.16x', 2, ['zone-a', 'zone-b']],
    ]);
    // gpu.8x: 4.736 an hour, of which 0.36 + 0.192 + 2 = 2.552 idle.
    expect(cost.nodeTypes[0].hourlyCost).toBeCloseTo(4.736, 9);
    expect(cost.nodeTypes[0].idleHourlyCost).toBeCloseTo(2.552, 9);
    // std.16x: 1.472, of which 16 × 0.03 + 24 × 0.004 = 0.576 idle.
    expect(cost.nodeTypes[1].idleHourlyCost).toBeCloseTo(0.576, 9);
  });

  it('shares idle cost in proportion to requests, per resource', () => {
    // A department requesting 6 cores, 71 GiB and 1 GPU; all departments 20, 120 and 4.
    const share = shareIdle(
      cost,
      { cpuCores: 6, memoryGiB: 71, gpus: 1 },
      { cpuCores: 20, memoryGiB: 120, gpus: 4 },
    );
    // CPU over the pods' 24 cores: 0.84 × 6/24 = 0.21. Memory over the pods' 142 GiB:
    // 0.288 × 71/142 = 0.144. GPU: 2 × 1/4 = 0.5.
    expect(share.cpu).toBeCloseTo(0.21, 9);
    expect(share.memory).toBeCloseTo(0.144, 9);
    expect(share.gpu).toBeCloseTo(0.5, 9);
    expect(share.total).toBeCloseTo(0.854, 9);
  });

  it('shares over what the groups request when that is more than the pods do', () => {
    // Workloads count every replica, running or not: 30 cores asked for, 24 running.
    const share = shareIdle(
      cost,
      { cpuCores: 15, memoryGiB: 0, gpus: 0 },
      { cpuCores: 30, memoryGiB: 0, gpus: 0 },
    );
    expect(share.cpu).toBeCloseTo(0.42, 9); // 0.84 × 15/30
    expect(share.total).toBeCloseTo(0.42, 9);
  });

  it('shares nothing of a cluster where nothing is requested', () => {
    const empty = computeClusterCost(
      'idle',
      [node('node-9', undefined, 'zone-a', [4, 16, 0], [0, 0, 0])],
      pricesOf,
    );
    expect(empty.idleHourlyCost.total).toBeCloseTo(4 * 0.03 + 16 * 0.004, 9);
    expect(empty.nodeTypes[0].nodeType).toBeNull();
    expect(shareIdle(empty, empty.requested, empty.requested).total).toBe(0);
  });
});

describe('nodeSignals', () => {
  const usage = (
    name: string,
    cpuMax1h: number | null,
    cpuMax1d: number | null,
    memoryMax1h: number | null,
    memoryMax1d: number | null,
  ): [string, NodeUtilisation] => [
    name,
    { node: name, cpuMax1h, cpuMax1d, memoryMax1h, memoryMax1d },
  ];

  it('finds hot and cold nodes by name or address, and advises moving load', () => {
    const signals = nodeSignals(
      nodes,
      new Map([
        usage('node-1', 0.82, 0.9, 0.5, 0.6),
        // node exporter's instance, port stripped: node-2's address.
        usage('10.0.0.2', 0.1, 0.2, 0.15, 0.25),
        usage('node-3', 0.4, 0.5, 0.78, 0.8),
      ]),
    )!;
    expect(signals.measuredNodes).toBe(3);
    expect(signals.busiest).toEqual({
      cpuMax1h: 0.82,
      cpuMax1d: 0.9,
      memoryMax1h: 0.78,
      memoryMax1d: 0.8,
    });
    expect(signals.hotNodes.map(n => n.node)).toEqual(['node-1', 'node-3']);
    expect(signals.coldNodes).toBe(1);
    expect(signals.rescheduling.reason).toBe(
      '2 nodes went above 75 % in the last hour (node-1, node-3) while 1 node stayed below 30 % all day: load-aware scheduling and a descheduler would move pods from the hot nodes to the cold ones.',
    );
    // The GPU machine left out: 16 of 32 cores requested (50 %), idle capacity first.
    expect(signals.overcommit.ratio).toBeUndefined();
    expect(signals.overcommit.reason).toMatch(
      /^Pods request 50 % of its CPU capacity: the idle capacity/,
    );
  });

  it('advises an over-commit ratio when requests fill the nodes and use does not', () => {
    // 14 of 16 cores requested on each node (a = 0.875); busiest 1-day CPU 0.25:
    // 0.75 × 0.875 / 0.25 = 2.625, to a tenth below: 2.6.
    const full = [
      node('node-1', 'std.16x', 'zone-a', [16, 64, 0], [14, 40, 0]),
      node('node-2', 'std.16x', 'zone-b', [16, 64, 0], [14, 40, 0]),
    ];
    const signals = nodeSignals(
      full,
      new Map([
        usage('node-1', 0.2, 0.25, 0.3, 0.35),
        usage('node-2', 0.1, 0.15, 0.2, 0.25),
      ]),
    )!;
    expect(signals.overcommit).toEqual({
      check: 'overcommit',
      ratio: 2.6,
      reason:
        'Pods request 88 % of its CPU capacity, yet the busiest node reached only 25 % CPU in the last day: allocating up to 2.6× its capacity would keep it below 75 % at the same use per request.',
    });
    expect(signals.hotNodes).toEqual([]);
    // node-1's memory reached 0.35 in the day: not cold.
    expect(signals.coldNodes).toBe(1);
    expect(signals.rescheduling.reason).toBe(
      'No node went above 75 % CPU or memory in the last hour.',
    );

    // Busier: 0.75 × 0.875 / 0.7 = 0.9375, no room.
    const busy = nodeSignals(
      full,
      new Map([usage('node-1', 0.6, 0.7, 0.3, 0.35)]),
    )!;
    expect(busy.measuredNodes).toBe(1);
    expect(busy.overcommit.ratio).toBeUndefined();
    expect(busy.overcommit.reason).toBe(
      'Pods request 88 % of its CPU capacity and the busiest node reached 70 % CPU in the last day: no room to over-commit below 75 %.',
    );
  });

  it('asks for capacity when nodes are hot and none is cold, and is absent unmeasured', () => {
    const signals = nodeSignals(
      nodes,
      new Map([usage('node-1', 0.9, 0.9, 0.9, 0.9)]),
    )!;
    expect(signals.rescheduling.reason).toBe(
      '1 node went above 75 % in the last hour (node-1) and none stayed below 30 % all day: the cluster needs capacity (cluster autoscaling) more than rescheduling.',
    );
    expect(nodeSignals(nodes, new Map())).toBeUndefined();
  });
});
