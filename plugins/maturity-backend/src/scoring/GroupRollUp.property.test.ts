import fc from 'fast-check';
import {
  levelForScore,
  MAX_WORKLOAD_CORES,
} from '@internal/plugin-maturity-common';
import { coreWeight } from '@internal/plugin-maturity-node';
import { rollUp, RollUpWorkload } from './GroupRollUp';

// Any cores a catalog or a cluster could give: unknown, zero, negative, fractional, huge, not finite.
const cores = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: MAX_WORKLOAD_CORES, noNaN: true }),
  fc.constantFrom(
    0,
    -1,
    1e308,
    Number.MAX_VALUE,
    Infinity,
    MAX_WORKLOAD_CORES,
    MAX_WORKLOAD_CORES + 1,
  ),
);
const score = fc.double({ min: 0, max: 100, noNaN: true });
const ref = (kind: string) =>
  fc.constantFrom(...['a', 'b', 'c'].map(n => `${kind}:default/${n}`));
const workload: fc.Arbitrary<RollUpWorkload> = fc.record(
  {
    cores,
    platform: score,
    business: score,
    product: ref('system'),
    team: ref('group'),
    department: ref('group'),
    company: ref('group'),
  },
  { requiredKeys: ['cores', 'platform', 'business'] },
);

describe('rollUp, for any workloads', () => {
  it('gives every group with cores a finite score in 0-100, and only such groups a score', () => {
    fc.assert(
      fc.property(fc.array(workload, { maxLength: 60 }), workloads => {
        const rolled = rollUp(workloads);
        const groups = [
          ...rolled.product,
          ...rolled.team,
          ...rolled.department,
          ...rolled.company,
        ];
        const wrong = groups.filter(group => {
          if (!Number.isFinite(group.cores)) return true;
          if (group.cores === 0)
            return (
              group.score !== null ||
              group.platform !== null ||
              group.business !== null
            );
          const value = group.score;
          // A score always has a level.
          return (
            value === null ||
            !(value >= 0 && value <= 100 + 1e-9) ||
            !/^L[1-5]$/.test(levelForScore(value).id)
          );
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('weighs a workload by its cores only within 0 < cores <= MAX_WORKLOAD_CORES', () => {
    expect(
      [null, NaN, -1, 0, 1e308, Infinity, MAX_WORKLOAD_CORES + 1].map(
        coreWeight,
      ),
    ).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([0.5, 16, MAX_WORKLOAD_CORES].map(coreWeight)).toEqual([
      0.5,
      16,
      MAX_WORKLOAD_CORES,
    ]);
    // A workload declaring 1e308 cores next to two real ones: the department is theirs alone,
    // (2·80 + 6·40) / 8 = 50 at the default equal weights, not null.
    const { department } = rollUp([
      {
        cores: 2,
        platform: 80,
        business: 80,
        department: 'group:default/d',
      },
      {
        cores: 6,
        platform: 40,
        business: 40,
        department: 'group:default/d',
      },
      {
        cores: 1e308,
        platform: 0,
        business: 0,
        department: 'group:default/d',
      },
    ]);
    expect(department).toMatchObject([
      {
        ref: 'group:default/d',
        score: 50,
        platform: 50,
        business: 50,
        cores: 8,
        workloads: 3,
        unweightedWorkloads: 1,
      },
    ]);
  });
});
