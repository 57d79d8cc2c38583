import { DEFAULT_CHECKS } from './defaultChecks';
import { DIMENSION_IDS } from './dimensions';
import { levelForScore } from './levels';

describe('DEFAULT_CHECKS', () => {
  it('has 20+ uniquely named checks usable in waiver annotation keys', () => {
    const ids = DEFAULT_CHECKS.map(c => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers every dimension on the business side and the platform side', () => {
    for (const side of ['business', 'platform']) {
      const covered = new Set(
        DEFAULT_CHECKS.filter(c => c.side === side).map(c => c.dimension),
      );
      expect([...covered].sort()).toEqual([...DIMENSION_IDS].sort());
    }
  });
});

describe('levelForScore', () => {
  it.each([
    [0, 'L1'],
    [39.99, 'L1'],
    [40, 'L2'],
    [59.9, 'L2'],
    [60, 'L3'],
    [75, 'L4'],
    [89.99, 'L4'],
    [90, 'L5'],
    [100, 'L5'],
  ])('%d reaches %s', (score, level) =>
    expect(levelForScore(score).id).toBe(level),
  );
});
