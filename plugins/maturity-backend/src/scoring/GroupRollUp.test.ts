import { combineScore } from '@internal/plugin-maturity-node';
import { ALL_ROLL_UP_LEVELS } from '@internal/plugin-maturity-common';
import {
  GroupRollUp,
  listedOutside,
  rollUp,
  RollUpWorkload,
} from './GroupRollUp';

const ACME = 'group:default/acme';
/** A workload scored 50 on both sides with `cores` cores. */
const scored = (_name: string, cores: number) => ({
  cores,
  platform: 50,
  business: 50,
});

// A 2,000-core and a 2-core service in department A, a 10-core one and an unknown-cores one in B.
const workloads: RollUpWorkload[] = [
  {
    cores: 2000,
    platform: 80,
    business: 60,
    measuredShare: 0.9,
    product: 'system:default/shop',
    team: 'group:default/t1',
    department: 'group:default/a',
    company: 'group:default/acme',
  },
  {
    cores: 2,
    platform: 20,
    business: 40,
    measuredShare: 0.5,
    product: 'system:default/shop',
    team: 'group:default/t1',
    department: 'group:default/a',
    company: 'group:default/acme',
  },
  {
    cores: 10,
    platform: 50,
    business: 50,
    measuredShare: 0.6,
    product: 'system:default/media',
    team: 'group:default/t2',
    department: 'group:default/b',
    company: 'group:default/acme',
  },
  {
    cores: null,
    platform: 100,
    business: 100,
    product: 'system:default/old',
    department: 'group:default/b',
    company: 'group:default/acme',
  },
];

describe('rollUp', () => {
  const result = rollUp(workloads);
  const find = (list: { ref: string }[], ref: string) =>
    list.find(g => g.ref === ref)!;

  it('scores a lone workload as 0.5·platform + 0.5·business: blog (50, 50) makes media 50', () => {
    expect(find(result.product, 'system:default/media')).toMatchObject({
      score: 50,
      platform: 50,
      business: 50,
      cores: 10,
    });
  });

  it('weights a department by cores: (70·2000 + 30·2) / 2002', () => {
    const a = find(result.department, 'group:default/a') as any;
    expect(a.score).toBeCloseTo(140060 / 2002, 10); // 69.96004
    expect(a.platform).toBeCloseTo((80 * 2000 + 20 * 2) / 2002, 10);
    expect(a.business).toBeCloseTo((60 * 2000 + 40 * 2) / 2002, 10);
    // The share of check weight measured is weighted the same way: (0.9·2000 + 0.5·2) / 2002.
    expect(a.measuredShare).toBeCloseTo(1801 / 2002, 10);
    expect(a.cores).toBe(2002);
    expect(a.workloads).toBe(2);
    expect(a.unweightedWorkloads).toBe(0);
  });

  it('lists an unknown-cores workload without giving it weight', () => {
    const b = find(result.department, 'group:default/b') as any;
    expect(b).toMatchObject({
      score: 50,
      cores: 10,
      workloads: 2,
      unweightedWorkloads: 1,
    });
  });

  it('gives a group whose workloads all lack cores a null score, not a made-up one', () => {
    expect(find(result.product, 'system:default/old')).toEqual({
      ref: 'system:default/old',
      score: null,
      platform: null,
      business: null,
      measuredShare: null,
      cores: 0,
      workloads: 1,
      unweightedWorkloads: 1,
      dimensions: {
        development: null,
        compute: null,
        architecture: null,
        data: null,
        security: null,
      },
      estimatedWorkloads: 0,
      adoption: {},
      impact: [],
      // Its workloads are found through their places when asked for (listedOutside), not kept.
      members: {},
    });
  });

  it('rolls the company up over workloads, not as a mean of department means', () => {
    const acme = find(result.company, 'group:default/acme') as any;
    // Σ score·cores = 70·2000 + 30·2 + 50·10 = 140560 over 2012 cores.
    expect(acme.score).toBeCloseTo(140560 / 2012, 10); // 69.86083
    const meanOfDepartmentMeans = (140060 / 2002 + 50) / 2; // 59.98002
    expect(Math.abs(acme.score - meanOfDepartmentMeans)).toBeGreaterThan(9.8);
    // (0.9·2000 + 0.5·2 + 0.6·10) / 2012; the unknown-cores workload weighs nothing.
    expect(acme.measuredShare).toBeCloseTo(1807 / 2012, 10);
    expect(acme.workloads).toBe(4);
  });

  it('builds teams and products only from workloads that name them', () => {
    expect(result.team.map(t => t.ref)).toEqual([
      'group:default/t1',
      'group:default/t2',
    ]);
    expect(result.product.map(p => p.ref)).toEqual([
      'system:default/media',
      'system:default/old',
      'system:default/shop',
    ]);
    expect(find(result.product, 'system:default/shop')).toMatchObject({
      cores: 2002,
    });
  });

  it('applies configured weights: 0.7·80 + 0.3·60 = 74', () => {
    const weighted = rollUp(workloads.slice(0, 1), {
      platform: 0.7,
      business: 0.3,
    });
    expect(weighted.company[0].score).toBeCloseTo(74, 10);
  });

  it('treats zero, negative and non-finite cores as no weight', () => {
    const r = rollUp([
      { cores: 0, platform: 10, business: 10, company: 'c' },
      { cores: -4, platform: 20, business: 20, company: 'c' },
      {
        cores: Number.NaN,
        platform: 30,
        business: 30,
        company: 'c',
      },
      { cores: 1, platform: 90, business: 70, company: 'c' },
    ]);
    expect(r.company[0]).toMatchObject({
      score: 80,
      cores: 1,
      workloads: 4,
      unweightedWorkloads: 3,
    });
  });

  it('returns empty levels for no workloads', () => {
    expect(rollUp([])).toEqual({
      platform: [],
      product: [],
      team: [],
      department: [],
      company: [],
    });
  });
});

describe('GroupRollUp', () => {
  it('rolls up workloads added page by page as rollUp() does in one call', () => {
    const rolled = new GroupRollUp();
    rolled.add(workloads[0]);
    rolled.add(workloads[1]);
    const afterOnePage = rolled
      .groupsOf('department')
      .find(d => d.ref === 'group:default/a')!;
    expect(afterOnePage.score).toBeCloseTo(140060 / 2002, 10);
    rolled.add(workloads[2]);
    rolled.add(workloads[3]);
    const all = rollUp(workloads);
    expect(rolled.groupsOf('department')).toEqual(all.department);
    expect(rolled.groupsOf('company')).toEqual(all.company);
  });

  it('checks the weights once, when it is made', () => {
    expect(() => new GroupRollUp({ platform: 0, business: 0 })).toThrow(
      /positive sum/,
    );
  });
});

describe('combineScore', () => {
  it('normalises weights by their sum', () => {
    expect(combineScore(80, 40, { platform: 1, business: 1 })).toBe(60);
    expect(combineScore(80, 40, { platform: 3, business: 1 })).toBe(70);
  });

  it('rejects weights that cannot make a score', () => {
    expect(() => combineScore(1, 1, { platform: 0, business: 0 })).toThrow(
      /positive sum/,
    );
    expect(() => combineScore(1, 1, { platform: -1, business: 2 })).toThrow(
      /non-negative/,
    );
  });
});

describe('GroupRollUp, cost', () => {
  const place = { department: 'group:default/d1', company: ACME };
  const rolled = rollUp([
    {
      ...scored('a', 4),
      ...place,
      team: 'group:default/t1',
      cost: {
        hourlyCost: 10,
        hourlyWaste: 4,
        monthlySaving: 100,
        efficiency: 0.5,
      },
    },
    {
      ...scored('b', 4),
      ...place,
      team: 'group:default/t2',
      cost: {
        hourlyCost: 30,
        hourlyWaste: 6,
        monthlySaving: 50,
        efficiency: 0.9,
      },
    },
    {
      ...scored('c', 4),
      ...place,
      team: 'group:default/t2',
      cost: {
        hourlyCost: 5,
        hourlyWaste: 0,
        monthlySaving: 0,
        efficiency: null,
      },
    },
    // Nothing priced: it adds no cost, and a group of such workloads has none.
    { ...scored('d', 4), ...place, team: 'group:default/t3' },
  ]);

  it('adds money plainly and weights efficiency by cost', () => {
    // (0.5 × 10 + 0.9 × 30) / 40 = 0.8; the workload of unknown efficiency adds cost only.
    expect(rolled.department[0].cost).toEqual({
      hourlyCost: 45,
      hourlyWaste: 10,
      monthlySaving: 150,
      efficiency: 0.8,
    });
    expect(
      rolled.team.map(t => [t.ref, t.cost?.hourlyCost, t.cost?.efficiency]),
    ).toEqual([
      ['group:default/t1', 10, 0.5],
      ['group:default/t2', 35, 0.9],
      ['group:default/t3', undefined, undefined],
    ]);
    expect(rolled.team[2]).not.toHaveProperty('cost');
  });
});

describe('GroupRollUp, detail', () => {
  const RETAIL = 'group:default/retail';
  const dimensions = {
    development: 50,
    compute: 50,
    architecture: 50,
    data: 50,
    security: 50,
  };
  const rolled = new GroupRollUp();
  rolled.add({
    ...scored('cart', 12),
    department: RETAIL,
    company: ACME,
    team: 'group:default/checkout',
    dimensions: { ...dimensions, development: 80, compute: 20, security: null },
    estimatedCost: true,
  });
  rolled.add({
    ...scored('basket', 4),
    department: RETAIL,
    company: ACME,
    team: 'group:default/checkout',
    dimensions: { ...dimensions, development: 40, compute: 60, security: 10 },
  });
  // No score and no cores: a member and counted, no weight in the dimensions.
  rolled.add({
    cores: null,
    platform: null,
    business: null,
    department: RETAIL,
    company: ACME,
    dimensions: { development: 0 },
    estimatedCost: true,
  });
  // A score of 0 is weighted; only a missing score is not.
  rolled.add({
    ...scored('lab', 2),
    department: 'group:default/labs',
    company: ACME,
    dimensions: { ...dimensions, development: 100 },
  });
  const group = (level: 'team' | 'department' | 'company', ref: string) =>
    rolled.groupsOf(level).find(g => g.ref === ref)!;

  it('weights each dimension by cores over the scored workloads that have it', () => {
    // development (12·80 + 4·40) / 16 = 70, compute (12·20 + 4·60) / 16 = 30, security only basket's 10.
    expect(group('team', 'group:default/checkout').dimensions).toEqual({
      development: 70,
      compute: 30,
      architecture: 50,
      data: 50,
      security: 10,
    });
    expect(group('department', RETAIL).dimensions.development).toBe(70);
    // acme adds lab: (12·80 + 4·40 + 2·100) / 18 = 73.33…
    expect(group('company', ACME).dimensions.development).toBeCloseTo(
      1320 / 18,
      12,
    );
  });

  it('counts the workloads with an estimated cost under each group', () => {
    expect(group('team', 'group:default/checkout').estimatedWorkloads).toBe(1);
    expect(group('department', RETAIL).estimatedWorkloads).toBe(2);
    expect(group('department', 'group:default/labs').estimatedWorkloads).toBe(
      0,
    );
  });

  it('keeps the member groups of every group, each once', () => {
    expect(group('department', RETAIL).members).toEqual({
      team: ['group:default/checkout'],
    });
    expect(group('company', ACME).members).toEqual({
      department: ['group:default/labs', RETAIL],
    });
    expect(group('team', 'group:default/checkout').members).toEqual({});
  });
});

describe('listedOutside', () => {
  it('has a department list its workloads in none of its teams, a company those in none of its departments, and the others every workload under them', () => {
    expect(ALL_ROLL_UP_LEVELS.map(listedOutside)).toEqual([
      undefined,
      undefined,
      'team',
      'department',
      undefined,
    ]);
    expect(ALL_ROLL_UP_LEVELS).toEqual([
      'product',
      'team',
      'department',
      'company',
      'platform',
    ]);
  });
});
