import { checkGains } from './checkGains';

// Platform: a (weight 2) passes, b (1) fails: 2/3 → 66.67. Business: c (1) earns half, d (3)
// is unknown, e (1) does not apply, f (2) is waived: 0.5/1 → 50. Score (66.67 + 50) / 2 = 58.33.
const definitions = new Map([
  ['a', { side: 'platform' as const, weight: 2 }],
  ['b', { side: 'platform' as const, weight: 1 }],
  ['c', { side: 'business' as const, weight: 1 }],
  ['d', { side: 'business' as const, weight: 3 }],
  ['e', { side: 'business' as const, weight: 1 }],
  ['f', { side: 'business' as const, weight: 2 }],
]);
const results = [
  { id: 'a', status: 'pass' as const, credit: 1 },
  { id: 'b', status: 'fail' as const, credit: 0 },
  { id: 'c', status: 'partial' as const, credit: 0.5 },
  { id: 'd', status: 'unknown' as const, credit: null },
  { id: 'e', status: 'not-applicable' as const, credit: null },
  { id: 'f', status: 'waived' as const, credit: null },
];

describe('checkGains', () => {
  it('gives each check the points the score gains if it alone passed', () => {
    const [a, b, c, d, e, f] = checkGains(results, definitions);
    expect(a).toBe(0);
    // b passing: platform 3/3 → 100; score (100 + 50) / 2 = 75.
    expect(b).toBeCloseTo(75 - 175 / 3, 9);
    // c passing: business 1/1 → 100; score (66.67 + 100) / 2 = 83.33.
    expect(c).toBeCloseTo(250 / 3 - 175 / 3, 9);
    // d counted once it passes: business (0.5 + 3) / (1 + 3) → 87.5; score 77.08.
    expect(d).toBeCloseTo((200 / 3 + 87.5) / 2 - 175 / 3, 9);
    expect([e, f]).toEqual([0, 0]);
  });

  it('puts a side gain into the score by the score weights', () => {
    // Platform 1, business 3: now (66.67 + 3·50) / 4 = 54.17.
    const [, b, c] = checkGains(results, definitions, {
      platform: 1,
      business: 3,
    });
    expect(b).toBeCloseTo((100 + 150) / 4 - (200 / 3 + 150) / 4, 9);
    expect(c).toBeCloseTo((200 / 3 + 300) / 4 - (200 / 3 + 150) / 4, 9);
  });

  it('gives nothing to a workload without a score', () => {
    expect(
      checkGains(
        [
          { id: 'b', status: 'fail', credit: 0 },
          { id: 'd', status: 'unknown', credit: null },
        ],
        definitions,
      ),
    ).toEqual([0, 0]);
  });

  it('counts an unknown scored as zero like a failure', () => {
    const [, d] = checkGains(
      [
        { id: 'a', status: 'pass', credit: 1 },
        { id: 'd', status: 'unknown', credit: 0 },
        { id: 'c', status: 'pass', credit: 1 },
      ],
      definitions,
    );
    // Business 1/4 → 25; passing d: 4/4 → 100; score gains (100 − 25) / 2.
    expect(d).toBeCloseTo(37.5, 9);
  });
});
