import { CheckDefinition, LEVELS } from '@internal/plugin-maturity-common';
import { scoreWorkload } from './scoreWorkload';
import { applyCheckOverrides } from './checkOverrides';

const check = (
  c: Partial<CheckDefinition> &
    Pick<CheckDefinition, 'id' | 'side' | 'dimension' | 'weight' | 'rule'>,
): CheckDefinition => ({
  title: c.id,
  rationale: '',
  remediation: '',
  cases: [],
  ...c,
});

// Hand-worked model: business checks a (3), b (1), c (2), d (2, n/a), e (1, waivable);
// platform checks p1 (2), p2 (1).
const checks = [
  check({
    id: 'a',
    side: 'business',
    dimension: 'compute',
    weight: 3,
    rule: { kind: 'true', fact: 'f.a' },
  }),
  check({
    id: 'b',
    side: 'business',
    dimension: 'architecture',
    weight: 1,
    rule: { kind: 'atLeast', fact: 'f.util', target: 0.5 },
  }),
  check({
    id: 'c',
    side: 'business',
    dimension: 'development',
    weight: 2,
    rule: { kind: 'true', fact: 'f.missing' },
  }),
  check({
    id: 'd',
    side: 'business',
    dimension: 'compute',
    weight: 2,
    rule: { kind: 'true', fact: 'f.hpa' },
    appliesTo: { facts: ['k.kind', 'c.kind'], values: ['stateless'] },
  }),
  check({
    id: 'e',
    side: 'business',
    dimension: 'security',
    weight: 1,
    rule: { kind: 'false', fact: 'f.pinned' },
  }),
  check({
    id: 'p1',
    side: 'platform',
    dimension: 'compute',
    weight: 2,
    rule: { kind: 'true', fact: 'p.shared' },
  }),
  check({
    id: 'p2',
    side: 'platform',
    dimension: 'security',
    weight: 1,
    rule: { kind: 'true', fact: 'p.policies' },
  }),
];
const facts = {
  'f.a': true,
  'f.util': 0.25,
  'f.hpa': false,
  'c.kind': 'stateful',
  'f.pinned': true,
  'p.shared': true,
  'p.policies': false,
};
const now = new Date('2026-11-23T12:00:00Z');
const waiver = {
  checkId: 'e',
  until: '2026-11-23',
  reason: 'pinned for latency',
};

describe('scoreWorkload', () => {
  it('scores sides with partial credit, leaving n/a, unknown and waived checks out', () => {
    const result = scoreWorkload(checks, facts, { now, waivers: [waiver] });
    const status = Object.fromEntries(
      result.checks.map(c => [c.id, [c.status, c.credit]]),
    );
    expect(status).toEqual({
      a: ['pass', 1],
      b: ['partial', 0.5],
      c: ['unknown', null],
      d: ['not-applicable', null],
      e: ['waived', null],
      p1: ['pass', 1],
      p2: ['fail', 0],
    });
    // business (3·1 + 1·0.5) / (3 + 1) = 87.5; platform (2·1 + 1·0) / 3 = 66.67.
    expect(result.business).toBeCloseTo(87.5, 10);
    expect(result.platform).toBeCloseTo(200 / 3, 10);
    expect(result.score).toBeCloseTo((87.5 + 200 / 3) / 2, 10); // 77.08
    expect(result.level).toBe('L4');
    expect(result.dimensions).toEqual({
      compute: 100,
      architecture: 50,
      development: null,
      security: 0,
      data: null,
    });
    expect(result.checks.find(c => c.id === 'd')?.facts).toEqual({
      'c.kind': 'stateful',
      'f.hpa': false,
    });
  });

  it('gives a check on a declared fact what the policy allows, and measures the share that is measured', () => {
    // f.a (a, 3) and p.shared (p1, 2) are declared; the rest measured.
    const declaredFacts = new Set(['f.a', 'p.shared']);
    const score = (policy?: 'count' | 'half' | 'ignore') =>
      scoreWorkload(checks, facts, {
        now,
        waivers: [waiver],
        declaredFacts,
        declaredFactsPolicy: policy,
      });
    // Counted by default: the figures above; measured weight b 1 + p2 1 of 3 + 1 + 2 + 1 = 7.
    const counted = score();
    expect(counted.business).toBeCloseTo(87.5, 10);
    expect(counted.measuredShare).toBeCloseTo(2 / 7, 10);
    expect(counted.checks.map(c => c.basis)).toEqual([
      'declared',
      'measured',
      undefined,
      undefined,
      undefined,
      'declared',
      'measured',
    ]);
    // Half: a earns 0.5 (partial); business (3·0.5 + 0.5) / 4 = 50; platform (2·0.5) / 3.
    const half = score('half');
    expect(half.checks[0]).toMatchObject({ status: 'partial', credit: 0.5 });
    expect(half.business).toBeCloseTo(50, 10);
    expect(half.platform).toBeCloseTo(100 / 3, 10);
    expect(half.measuredShare).toBeCloseTo(2 / 7, 10);
    // Ignored: a and p1 are unknown and left out; business 0.5 / 1 = 50, platform 0 / 1; every
    // check still counted rests on a measurement.
    const ignored = score('ignore');
    expect(ignored.checks[0]).toMatchObject({
      status: 'unknown',
      credit: null,
      basis: 'declared',
    });
    expect(ignored.business).toBeCloseTo(50, 10);
    expect(ignored.platform).toBe(0);
    expect(ignored.measuredShare).toBe(1);
  });

  it('holds a workload below the level its score reaches until it passes the checks the level requires', () => {
    // 77.08 reaches L4's band; L3 requires p2, which fails: held at L2.
    const levels = LEVELS.map(l =>
      l.id === 'L3' ? { ...l, requires: ['p2'] } : l,
    );
    const held = scoreWorkload(checks, facts, {
      now,
      waivers: [waiver],
      levels,
    });
    expect(held.score).toBeCloseTo((87.5 + 200 / 3) / 2, 10);
    expect(held.level).toBe('L2');
    expect(held.nextLevel).toEqual({
      level: 'L3',
      minScore: 60,
      blockingChecks: ['p2'],
    });
    // A waived (e) or not applicable (d) requirement does not block; L5's band is not reached.
    const open = scoreWorkload(checks, facts, {
      now,
      waivers: [waiver],
      levels: LEVELS.map(l =>
        l.id === 'L4' ? { ...l, requires: ['e', 'd', 'a'] } : l,
      ),
    });
    expect(open.level).toBe('L4');
    expect(open.nextLevel).toEqual({
      level: 'L5',
      minScore: 90,
      blockingChecks: [],
    });
    // An unknown requirement (c) blocks.
    expect(
      scoreWorkload(checks, facts, {
        now,
        waivers: [waiver],
        levels: LEVELS.map(l =>
          l.id === 'L2' ? { ...l, requires: ['c'] } : l,
        ),
      }).level,
    ).toBe('L1');
  });

  it('counts unknown facts as 0 when configured to', () => {
    const result = scoreWorkload(checks, facts, {
      now,
      waivers: [waiver],
      unknownAsZero: true,
    });
    // business 3.5 / (3 + 1 + 2) = 58.33; score (58.33 + 66.67) / 2 = 62.5.
    expect(result.business).toBeCloseTo(175 / 3, 10);
    expect(result.score).toBeCloseTo(62.5, 10);
    expect(result.level).toBe('L3');
    expect(result.dimensions.development).toBe(0);
  });

  it('counts a waived check again after its last day', () => {
    const later = new Date('2026-11-24T00:00:00Z');
    const result = scoreWorkload(checks, facts, {
      now: later,
      waivers: [waiver],
    });
    expect(result.checks.find(c => c.id === 'e')).toMatchObject({
      status: 'fail',
      credit: 0,
    });
    // business (3 + 0.5 + 0) / (3 + 1 + 1) = 70.
    expect(result.business).toBeCloseTo(70, 10);
  });

  it('applies the check when its kind is unknown, and weights the sides as configured', () => {
    const { 'c.kind': _, ...noKind } = facts;
    const result = scoreWorkload(checks, noKind, {
      now,
      waivers: [waiver],
      weights: { platform: 1, business: 3 },
    });
    expect(result.checks.find(c => c.id === 'd')).toMatchObject({
      status: 'fail',
      credit: 0,
    });
    // business (3 + 0.5 + 0) / (3 + 1 + 2) = 58.33; score (1·66.67 + 3·58.33) / 4 = 60.42.
    expect(result.score).toBeCloseTo((200 / 3 + 175) / 4, 10);
  });

  it('gives atMost rules a linear slope between limit and zeroAt', () => {
    const ratio = [
      check({
        id: 'r',
        side: 'business',
        dimension: 'compute',
        weight: 1,
        rule: { kind: 'atMost', fact: 'x', limit: 2, zeroAt: 4 },
      }),
    ];
    const credit = (x: number) =>
      scoreWorkload(ratio, { x }, { now }).checks[0].credit;
    expect([credit(1.5), credit(2), credit(3), credit(3.5), credit(5)]).toEqual(
      [1, 1, 0.5, 0.25, 0],
    );
  });

  describe('all and any', () => {
    // "CPU not too large": the limit at most 2 × the request (falling to 0 at 4 ×) and the limit
    // per replica at most 8 cores (falling to 0 at 16), both required; the second rule of `any`
    // is a declared fact.
    const cpuSize = check({
      id: 'cpu-size',
      side: 'business',
      dimension: 'compute',
      weight: 1,
      rule: {
        kind: 'all',
        rules: [
          { kind: 'atMost', fact: 'ratio', limit: 2, zeroAt: 4 },
          { kind: 'atMost', fact: 'cores', limit: 8, zeroAt: 16 },
        ],
      },
    });
    const observed = check({
      id: 'observed',
      side: 'business',
      dimension: 'architecture',
      weight: 1,
      rule: {
        kind: 'any',
        rules: [
          { kind: 'true', fact: 'traced' },
          { kind: 'atLeast', fact: 'spans', target: 100 },
        ],
      },
    });
    const result = (
      c: CheckDefinition,
      known: Record<string, number | boolean>,
      policy?: 'count' | 'half' | 'ignore',
    ) =>
      scoreWorkload([c], known, {
        now,
        declaredFacts: new Set(['traced']),
        declaredFactsPolicy: policy,
      }).checks[0];

    it('gives all the lowest credit of its rules', () => {
      // ratio 3 → 0.5; 12 cores → (16 − 12) / 8 = 0.5; 10 cores → 0.75.
      expect(result(cpuSize, { ratio: 3, cores: 12 }).credit).toBe(0.5);
      expect(result(cpuSize, { ratio: 1.5, cores: 10 }).credit).toBe(0.75);
      expect(result(cpuSize, { ratio: 1.5, cores: 4 })).toMatchObject({
        status: 'pass',
        credit: 1,
        basis: 'measured',
        facts: { ratio: 1.5, cores: 4 },
      });
    });

    it('leaves all unknown while a rule is, unless one already fails', () => {
      expect(result(cpuSize, { ratio: 1.5 })).toMatchObject({
        status: 'unknown',
        credit: null,
      });
      expect(result(cpuSize, { ratio: 5 })).toMatchObject({
        status: 'fail',
        credit: 0,
      });
    });

    it('gives any the highest credit of its rules, settled by one that passes', () => {
      // 40 spans of a 100 target → 0.4; 70 → 0.7.
      expect(result(observed, { traced: false, spans: 40 }).credit).toBe(0.4);
      expect(result(observed, { spans: 70, traced: true }).credit).toBe(1);
      expect(result(observed, { spans: 70 })).toMatchObject({
        status: 'unknown',
      });
      expect(result(observed, { spans: 150 })).toMatchObject({
        status: 'pass',
        basis: 'measured',
      });
    });

    it('rests on a declaration when any declared fact was read, as the policy says', () => {
      const claimed = { traced: true, spans: 40 };
      expect(result(observed, claimed, 'count')).toMatchObject({
        credit: 1,
        basis: 'declared',
      });
      // half: the declared claim earns 1 / 2.
      expect(result(observed, claimed, 'half')).toMatchObject({
        status: 'partial',
        credit: 0.5,
        basis: 'declared',
      });
      // ignore: the claim is hidden, so 40 spans cannot settle it; 150 spans do on their own.
      expect(result(observed, claimed, 'ignore')).toMatchObject({
        status: 'unknown',
        credit: null,
      });
      expect(
        result(observed, { traced: true, spans: 150 }, 'ignore'),
      ).toMatchObject({ credit: 1, basis: 'measured' });
    });
  });

  it('has no score when a side has nothing to count', () => {
    const result = scoreWorkload(checks, { 'f.a': true }, { now });
    expect(result.business).toBe(100);
    expect(result.platform).toBeNull();
    expect(result.score).toBeNull();
    expect(result.level).toBeNull();
  });

  it('marks results that read stale facts', () => {
    const result = scoreWorkload(checks, facts, {
      now,
      staleFacts: new Set(['p.shared']),
    });
    expect(result.checks.filter(c => c.stale).map(c => c.id)).toEqual(['p1']);
  });
});

describe('applyCheckOverrides', () => {
  it('changes weights and thresholds and drops disabled checks', () => {
    const tuned = applyCheckOverrides(checks, {
      a: { weight: 1 },
      b: { threshold: 0.25 },
      p2: { enabled: false },
    });
    const result = scoreWorkload(tuned, facts, { now, waivers: [waiver] });
    // business (1·1 + 1·1) / 2 = 100 with b now passing; platform only p1 = 100.
    expect(result.business).toBe(100);
    expect(result.platform).toBe(100);
    expect(tuned.map(c => c.id)).not.toContain('p2');
  });

  it('scales an atMost slope with its new limit', () => {
    const ratio = [
      check({
        id: 'r',
        side: 'business',
        dimension: 'compute',
        weight: 1,
        rule: { kind: 'atMost', fact: 'x', limit: 2, zeroAt: 4 },
      }),
    ];
    expect(applyCheckOverrides(ratio, { r: { threshold: 3 } })[0].rule).toEqual(
      { kind: 'atMost', fact: 'x', limit: 3, zeroAt: 6 },
    );
  });

  it('names the config key of an override that cannot apply', () => {
    expect(() => applyCheckOverrides(checks, { nope: { weight: 1 } })).toThrow(
      /^Invalid config maturity\.checks\.nope: there is no check 'nope'/,
    );
    expect(() => applyCheckOverrides(checks, { a: { threshold: 2 } })).toThrow(
      "Invalid config maturity.checks.a.threshold: check 'a' is a true rule and has no threshold",
    );
    expect(() => applyCheckOverrides(checks, { a: { weight: -1 } })).toThrow(
      /^Invalid config maturity\.checks\.a\.weight: -1; expected a positive number/,
    );
  });
});
