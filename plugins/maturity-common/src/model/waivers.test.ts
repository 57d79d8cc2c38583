import { Entity } from '@backstage/catalog-model';
import { isWaiverActive, readWaivers } from './waivers';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'matcher', annotations },
  spec: {},
});
const known = new Set(['no-static-cpu-binding', 'hpa-elastic']);

describe('readWaivers', () => {
  it('reads a waiver with its last day and reason', () => {
    expect(
      readWaivers(
        entity({
          'maturity.cloudnative.dev/waiver.no-static-cpu-binding':
            '2027-03-31: matching engine needs pinned cores',
          'maturity.cloudnative.dev/cores': '8',
        }),
        known,
      ),
    ).toEqual({
      waivers: [
        {
          checkId: 'no-static-cpu-binding',
          until: '2027-03-31',
          reason: 'matching engine needs pinned cores',
        },
      ],
      problems: [],
    });
  });

  it.each([
    ['2027-03-31:', 'the reason is missing'],
    ['2027-02-30: leap', '2027-02-30 is not a date'],
    ['next year: pinned', '"next year: pinned" is not of the form'],
  ])('rejects %j naming the annotation', (value, what) => {
    const { waivers, problems } = readWaivers(
      entity({ 'maturity.cloudnative.dev/waiver.hpa-elastic': value }),
      known,
    );
    expect(waivers).toEqual([]);
    expect(problems).toEqual([
      `Entity component:default/matcher has an invalid annotation maturity.cloudnative.dev/waiver.hpa-elastic: ${what}; expected "YYYY-MM-DD: reason", e.g. "2027-03-31: pinned cores needed for the matching engine"`,
    ]);
  });

  it('rejects a waiver of a check that does not exist', () => {
    const { problems } = readWaivers(
      entity({ 'maturity.cloudnative.dev/waiver.hpa': '2027-01-01: typo' }),
      known,
    );
    expect(problems[0]).toContain("there is no check 'hpa'");
  });
});

describe('isWaiverActive', () => {
  const waiver = {
    checkId: 'hpa-elastic',
    until: '2026-11-23',
    reason: 'migration',
  };
  it('holds through the whole last day, UTC', () => {
    expect(isWaiverActive(waiver, new Date('2026-11-23T23:59:59.999Z'))).toBe(
      true,
    );
    expect(isWaiverActive(waiver, new Date('2026-11-24T00:00:00.000Z'))).toBe(
      false,
    );
  });
});
