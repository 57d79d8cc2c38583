import { combineScore, rollUp, RollUpWorkload, ScoreRollUp } from './rollUp';

// A 2,000-core and a 2-core service in department A, a 10-core one and an unknown-cores one in B.
const workloads: RollUpWorkload[] = [
  {
    ref: 'component:default/search',
    cores: 2000,
    platform: 80,
    business: 60,
    product: 'system:default/shop',
    team: 'group:default/t1',
    department: 'group:default/a',
    company: 'group:default/acme',
  },
  {
    ref: 'component:default/cron',
    cores: 2,
    platform: 20,
    business: 40,
    product: 'system:default/shop',
    team: 'group:default/t1',
    department: 'group:default/a',
    company: 'group:default/acme',
  },
  {
    ref: 'component:default/blog',
    cores: 10,
    platform: 50,
    business: 50,
    product: 'system:default/media',
    team: 'group:default/t2',
    department: 'group:default/b',
    company: 'group:default/acme',
  },
  {
    ref: 'component:default/legacy',
    cores: null,
    platform: 100,
    business: 100,
    product: 'system:default/old',
    department: 'group:default/b',
    company: 'group:default/acme',
  },
];

describe('rollUp', () => {
  const result = rollUp({ workloads });
  const find = (list: { ref: string }[], ref: string) =>
    list.find(g => g.ref === ref)!;

  it('scores a lone workload as 0.5·platform + 0.5·business: blog (50, 50) makes media 50', () => {
    expect(find(result.products, 'system:default/media')).toMatchObject({
      score: 50,
      platform: 50,
      business: 50,
      cores: 10,
    });
  });

  it('weights a department by cores: (70·2000 + 30·2) / 2002', () => {
    const a = find(result.departments, 'group:default/a') as any;
    expect(a.score).toBeCloseTo(140060 / 2002, 10); // 69.96004
    expect(a.platform).toBeCloseTo((80 * 2000 + 20 * 2) / 2002, 10);
    expect(a.business).toBeCloseTo((60 * 2000 + 40 * 2) / 2002, 10);
    expect(a.cores).toBe(2002);
    expect(a.workloads).toBe(2);
    expect(a.unweightedWorkloads).toBe(0);
  });

  it('lists an unknown-cores workload without giving it weight', () => {
    const b = find(result.departments, 'group:default/b') as any;
    expect(b).toMatchObject({
      score: 50,
      cores: 10,
      workloads: 2,
      unweightedWorkloads: 1,
    });
  });

  it('gives a group whose workloads all lack cores a null score, not a made-up one', () => {
    expect(find(result.products, 'system:default/old')).toEqual({
      ref: 'system:default/old',
      score: null,
      platform: null,
      business: null,
      cores: 0,
      workloads: 1,
      unweightedWorkloads: 1,
    });
  });

  it('rolls the company up over workloads, not as a mean of department means', () => {
    const acme = find(result.companies, 'group:default/acme') as any;
    // Σ score·cores = 70·2000 + 30·2 + 50·10 = 140560 over 2012 cores.
    expect(acme.score).toBeCloseTo(140560 / 2012, 10); // 69.86083
    const meanOfDepartmentMeans = (140060 / 2002 + 50) / 2; // 59.98002
    expect(Math.abs(acme.score - meanOfDepartmentMeans)).toBeGreaterThan(9.8);
    expect(acme.workloads).toBe(4);
  });

  it('builds teams and products only from workloads that name them', () => {
    expect(result.teams.map(t => t.ref)).toEqual([
      'group:default/t1',
      'group:default/t2',
    ]);
    expect(result.products.map(p => p.ref)).toEqual([
      'system:default/media',
      'system:default/old',
      'system:default/shop',
    ]);
    expect(find(result.products, 'system:default/shop')).toMatchObject({
      cores: 2002,
    });
  });

  it('applies configured weights: 0.7·80 + 0.3·60 = 74', () => {
    const weighted = rollUp({
      workloads: workloads.slice(0, 1),
      weights: { platform: 0.7, business: 0.3 },
    });
    expect(weighted.companies[0].score).toBeCloseTo(74, 10);
  });

  it('treats zero, negative and non-finite cores as no weight', () => {
    const r = rollUp({
      workloads: [
        { ref: 'a', cores: 0, platform: 10, business: 10, company: 'c' },
        { ref: 'b', cores: -4, platform: 20, business: 20, company: 'c' },
        {
          ref: 'd',
          cores: Number.NaN,
          platform: 30,
          business: 30,
          company: 'c',
        },
        { ref: 'e', cores: 1, platform: 90, business: 70, company: 'c' },
      ],
    });
    expect(r.companies[0]).toMatchObject({
      score: 80,
      cores: 1,
      workloads: 4,
      unweightedWorkloads: 3,
    });
  });

  it('returns empty levels for no workloads', () => {
    expect(rollUp({ workloads: [] })).toEqual({
      products: [],
      teams: [],
      departments: [],
      companies: [],
    });
  });
});

describe('ScoreRollUp', () => {
  it('rolls up workloads added page by page as rollUp() does in one call', () => {
    const rolled = new ScoreRollUp();
    rolled.add(workloads[0]);
    rolled.add(workloads[1]);
    const afterOnePage = rolled
      .result()
      .departments.find(d => d.ref === 'group:default/a')!;
    expect(afterOnePage.score).toBeCloseTo(140060 / 2002, 10);
    rolled.add(workloads[2]);
    rolled.add(workloads[3]);
    expect(rolled.result()).toEqual(rollUp({ workloads }));
  });

  it('checks the weights once, when it is made', () => {
    expect(() => new ScoreRollUp({ platform: 0, business: 0 })).toThrow(
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
