import { ScoreRow } from '../database/SnapshotStore';
import { meetsTarget } from './initiativeProgress';

const at = new Date('2026-12-01T00:00:00Z');
const row = (over: Partial<ScoreRow>): ScoreRow => ({
  levelKind: 'workload',
  ref: 'component:default/cart',
  score: 62,
  platform: 60,
  business: 64,
  level: 'L3',
  cores: 4,
  workloads: 1,
  ...over,
});
// A stored detail (StoredWorkloadDetail); its checks are [id, status, credit, facts read, flags].
const detail = {
  v: 2,
  sources: [],
  facts: [],
  checks: [
    ['health-probes', 'pass', 1, [], 0],
    ['cpu-requests-set', 'fail', 0, [], 0],
    ['zone-spread', 'not-applicable', null, [], 0],
  ],
};

describe('meetsTarget', () => {
  it('compares a level and a score', () => {
    expect(meetsTarget(row({}), { level: 'L3' }, at)).toBe(true);
    expect(meetsTarget(row({}), { level: 'L4' }, at)).toBe(false);
    expect(meetsTarget(row({}), { score: 62 }, at)).toBe(true);
    expect(meetsTarget(row({}), { score: 62.5 }, at)).toBe(false);
    expect(
      meetsTarget(row({ score: null, level: null }), { score: 0 }, at),
    ).toBe(false);
  });

  it('asks every named check to pass or not apply, and cannot tell without the detail', () => {
    const scored = row({ detail });
    expect(
      meetsTarget(scored, { checks: ['health-probes', 'zone-spread'] }, at),
    ).toBe(true);
    expect(
      meetsTarget(
        scored,
        { checks: ['health-probes', 'cpu-requests-set'] },
        at,
      ),
    ).toBe(false);
    // A check not on its scorecard is not asked of it.
    expect(meetsTarget(scored, { checks: ['image-signing'] }, at)).toBe(true);
    // A thinned snapshot keeps figures only.
    expect(
      meetsTarget(row({ detail: null }), { checks: ['health-probes'] }, at),
    ).toBeUndefined();
    expect(
      meetsTarget(row({}), { checks: ['health-probes'] }, at),
    ).toBeUndefined();
  });
});
