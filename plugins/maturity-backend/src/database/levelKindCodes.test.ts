import { levelKindCode, levelKindOfCode } from './levelKindCodes';

describe('levelKindCodes', () => {
  it('numbers the level kinds from the narrowest, then the platforms, and reads them back', () => {
    const kinds = [
      'workload',
      'product',
      'team',
      'department',
      'company',
      'platform',
    ] as const;
    expect(kinds.map(levelKindCode)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(kinds.map(k => levelKindOfCode(levelKindCode(k)))).toEqual(kinds);
    // PostgreSQL's driver may hand a number over as text.
    expect(levelKindOfCode('3')).toBe('team');
  });

  it('names the column and the numbers it knows when a stored number names no kind', () => {
    expect(() => levelKindOfCode(9)).toThrow(
      'maturity_scores.level_kind holds 9, which names no level kind; expected one of 1, 2, 3, 4, 5, 6',
    );
  });
});
