import { DEFAULT_CHECKS } from '@internal/plugin-maturity-common';
import { entity } from '../__testUtils__/entities';
import { readScorecards, scorecardFor } from './readScorecards';

describe('scorecards by kind', () => {
  const scorecards = readScorecards(
    [
      {
        name: 'website',
        when: { 'spec.type': 'website' },
        checks: ['health-probes', 'hpa-elastic'],
      },
      {
        name: 'batch',
        when: {
          'spec.type': ['batch', 'batch-job'],
          'spec.lifecycle': 'production',
        },
        checks: ['cpu-requests-set'],
      },
    ],
    [...DEFAULT_CHECKS],
  );

  it("keeps each set's checks in the model's order, and picks the first filter the entity matches", () => {
    expect(scorecards[0].checks.map(c => c.id)).toEqual([
      'hpa-elastic',
      'health-probes',
    ]);
    const of = (spec: object) =>
      scorecardFor(scorecards, entity('Component', 'x', spec))?.name;
    expect(of({ type: 'website' })).toBe('website');
    expect(of({ type: 'batch-job', lifecycle: 'production' })).toBe('batch');
    // Every field must match; an entity no filter selects has none.
    expect(
      of({ type: 'batch-job', lifecycle: 'experimental' }),
    ).toBeUndefined();
    expect(of({ type: 'service' })).toBeUndefined();
  });

  it.each([
    [
      [{ name: 'web', when: { 'spec.type': 'website' }, checks: ['nope'] }],
      "Invalid config maturity.scorecards[0].checks[0]: there is no check 'nope' in force",
    ],
    [
      [
        { name: 'web', when: { a: 'b' }, checks: ['hpa-elastic'] },
        { name: 'web', when: { a: 'c' }, checks: ['hpa-elastic'] },
      ],
      "Invalid config maturity.scorecards[1].name: 'web' is used by an earlier scorecard",
    ],
    [
      [{ name: 'web', when: {}, checks: ['hpa-elastic'] }],
      'Invalid config maturity.scorecards[0].when: expected at least one field',
    ],
    [
      [{ name: 'web', when: { a: 'b' }, checks: [] }],
      /^Invalid config maturity\.scorecards\[0\]\.checks: Array must contain at least 1 element/,
    ],
  ])('refuses %j', (raw, message) => {
    expect(() => readScorecards(raw, [...DEFAULT_CHECKS])).toThrow(message);
  });
});
