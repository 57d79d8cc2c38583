import {
  CheckResult,
  DEFAULT_CHECKS,
  describeOutcome,
  PRACTICE_CASES,
} from '@internal/plugin-maturity-common';
import { matchCases } from './matchCases';

const strong = {
  development: 90,
  compute: 90,
  architecture: 90,
  data: 90,
  security: 90,
};
const failing = (id: string, credit = 0): CheckResult => ({
  id,
  status: credit ? 'partial' : 'fail',
  credit,
  facts: {},
  stale: false,
});

describe('matchCases', () => {
  it('puts the security case first for an entity weak in security', () => {
    const [first, second] = matchCases(
      { dimensions: { ...strong, security: 10 }, checks: [], tags: [] },
      PRACTICE_CASES,
      DEFAULT_CHECKS,
    );
    // 2 × (75 − 10) / 75 = 1.73 for the only security case; nothing else is relevant.
    expect(first.caseId).toBe('yangshipin');
    expect(first.relevance).toBeCloseTo((2 * 65) / 75, 5);
    expect(first.reason).toBe(
      'Your security score is 10; Yangshipin (CCTV video): Built a hybrid-cloud video platform in 200 days with security built into every cloud it runs on (days to build the platform: 200; systems protected: 7).',
    );
    expect(second).toBeUndefined();
  });

  it('suggests the elasticity cases to a workload failing the HPA check, ties broken by id', () => {
    const ranked = matchCases(
      { dimensions: strong, checks: [failing('hpa-elastic')], tags: [] },
      PRACTICE_CASES,
      DEFAULT_CHECKS,
    );
    // hpa-elastic (weight 3, no credit) adds 3 × 1 / 3 = 1 to each case it lists.
    expect(ranked.map(s => [s.caseId, s.relevance])).toEqual([
      ['xiaohongshu', 1],
      ['zuoyebang', 1],
    ]);
    expect(ranked[1].reason).toMatch(
      /^You fail "Horizontal autoscaling configured \(min < max replicas\)"; Zuoyebang: /,
    );
  });

  it('adds gap, failing checks and shared tags, and explains each', () => {
    const [top] = matchCases(
      {
        dimensions: { ...strong, compute: 31 },
        checks: [failing('cpu-utilisation', 0.5)],
        tags: ['service', 'cost'],
      },
      PRACTICE_CASES,
      DEFAULT_CHECKS,
    );
    // zuoyebang: compute gap 2 × 44/75 + cpu-utilisation 3 × 0.5 / 3 + tags service, cost 2 × 0.5.
    expect(top.caseId).toBe('zuoyebang');
    expect(top.relevance).toBeCloseTo((2 * 44) / 75 + 0.5 + 1, 5);
    expect(top.because).toEqual([
      'compute score 31',
      'fails "Real CPU use (p95 over 7 days) at least half of the request"',
      'shares cost, service',
    ]);
    expect(top.reason).toMatch(
      /^Your compute score is 31; Zuoyebang: .* \(cost −43 %; API response speed \+10 %\)\.$/,
    );
  });
});

describe('PRACTICE_CASES', () => {
  // The sources report these outcomes without a figure; the case says so in a note.
  const UNQUANTIFIED = [
    'li-ning',
    'mininglamp',
    'bocom-schroders',
    'weibo',
    'iqiyi',
    'wps',
  ];

  it('holds the 22 cases, each with a dimension, a source and a measured outcome', () => {
    expect(PRACTICE_CASES).toHaveLength(22);
    expect(new Set(PRACTICE_CASES.map(c => c.id)).size).toBe(22);
    for (const c of PRACTICE_CASES) {
      expect(c.dimensions.length).toBeGreaterThan(0);
      expect(c.source).toBeTruthy();
      // The handbook gives every case its scenario tags; the summit report none.
      expect({ id: c.id, scenarios: c.scenarios.length > 0 }).toEqual({
        id: c.id,
        scenarios: c.source.startsWith('Cloud-native roadmap handbook'),
      });
      const numeric = c.outcomes.some(o =>
        [o.change, o.value, o.from, o.to].some(n => typeof n === 'number'),
      );
      expect({ id: c.id, numeric }).toEqual({
        id: c.id,
        numeric: !UNQUANTIFIED.includes(c.id),
      });
      expect(c.outcomes.every(o => describeOutcome(o).length > 0)).toBe(true);
    }
  });

  it('is what the checks link to', () => {
    const ids = new Set(PRACTICE_CASES.map(c => c.id));
    for (const check of DEFAULT_CHECKS)
      for (const id of check.cases)
        expect({ check: check.id, id, known: ids.has(id) }).toMatchObject({
          known: true,
        });
  });

  it('describes outcomes in words', () => {
    expect(
      describeOutcome({ metric: 'availability', from: 0.9995, to: 0.99995 }),
    ).toBe('availability 0.9995 → 0.99995');
    expect(describeOutcome({ metric: 'orders per second', value: 10000 })).toBe(
      'orders per second: 10,000',
    );
    expect(
      describeOutcome({
        metric: 'check-in time',
        from: 3,
        fromMax: 5,
        to: 1,
        toMax: 2,
        unit: 's',
      }),
    ).toBe('check-in time 3–5 → 1–2 s');
    expect(
      describeOutcome({ metric: 'QPS', change: 0.5, changeMax: 0.7 }),
    ).toBe('QPS +50–70 %');
    expect(
      describeOutcome({
        metric: 'training cost',
        change: -0.4,
        bound: 'atLeast',
      }),
    ).toBe('training cost −40 % or more');
    expect(
      describeOutcome({
        metric: 'availability',
        value: 0.9999,
        bound: 'atLeast',
        of: 'CloudBase',
      }),
    ).toBe('availability (of CloudBase): 0.9999 or more');
  });

  it('keeps a target apart from the outcomes, and a platform’s figure marked as the platform’s', () => {
    const byId = new Map(PRACTICE_CASES.map(c => [c.id, c]));
    expect(byId.get('li-ning')!.targets).toEqual([
      { metric: 'orders saved per second', value: 10000 },
    ]);
    expect(
      byId.get('li-ning')!.outcomes.every(o => o.value === undefined),
    ).toBe(true);
    const availability = byId
      .get('chuang-2020')!
      .outcomes.find(o => o.metric === 'availability')!;
    expect(availability.of).toMatch(/^CloudBase/);
  });
});
