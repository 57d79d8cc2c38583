import { rollUp, RollUpWorkload } from './GroupRollUp';
import { TopFixes } from './CheckInsight';

const place = (team: string) => ({
  team: `group:default/${team}`,
  department: 'group:default/d',
  company: 'group:default/acme',
});
const workload = (
  name: string,
  cores: number | null,
  team: string,
  checks: Array<[string, 'pass' | 'fail' | 'not-applicable', number]>,
): RollUpWorkload => ({
  ref: `component:default/${name}`,
  cores,
  platform: 50,
  business: 50,
  ...place(team),
  checks: checks.map(([id, status]) => ({ id, status })),
  gains: checks.map(([, , gain]) => gain),
});

// t1: w1 (4 cores) passes a, fails b (its score would gain 10); w2 (1 core) fails a (gain 20),
// passes b. t2: w3 (5 cores) fails b (gain 4), a does not apply to it; w4 has no cores, so
// neither its failure nor its gain counts.
const workloads = [
  workload('w1', 4, 't1', [
    ['a', 'pass', 0],
    ['b', 'fail', 10],
  ]),
  workload('w2', 1, 't1', [
    ['a', 'fail', 20],
    ['b', 'pass', 0],
  ]),
  workload('w3', 5, 't2', [
    ['a', 'not-applicable', 0],
    ['b', 'fail', 4],
  ]),
  workload('w4', null, 't2', [
    ['a', 'fail', 50],
    ['b', 'fail', 50],
  ]),
];

describe('adoption and impact in the roll-up', () => {
  const rolled = rollUp(workloads, undefined, ['a', 'b', 'c']);
  const department = rolled.department[0];
  const t1 = rolled.team.find(g => g.ref === 'group:default/t1')!;

  it('gives each check the share of the cores it applies to that pass it', () => {
    // a: 4 of w1 + w2's 5 cores (w3 out of scope); b: w2's 1 of 10. c: no workload has it.
    expect(department.adoption).toEqual({
      a: expect.closeTo(0.8, 6),
      b: expect.closeTo(0.1, 6),
    });
    expect(t1.adoption).toEqual({
      a: expect.closeTo(0.8, 6),
      b: expect.closeTo(0.2, 6),
    });
  });

  it('ranks the checks by the core-weighted points their fix adds', () => {
    // b: (10·4 + 4·5) / 10 = 6 points over w1 and w3; a: 20·1 / 10 = 2 points over w2.
    expect(department.impact).toEqual([
      {
        check: 'b',
        points: expect.closeTo(6, 5),
        workloads: 2,
        fixes: [
          {
            ref: 'component:default/w1',
            gain: 10,
            cores: 4,
            status: 'fail',
          },
          {
            ref: 'component:default/w3',
            gain: 4,
            cores: 5,
            status: 'fail',
          },
        ],
      },
      {
        check: 'a',
        points: expect.closeTo(2, 5),
        workloads: 1,
        fixes: [
          {
            ref: 'component:default/w2',
            gain: 20,
            cores: 1,
            status: 'fail',
          },
        ],
      },
    ]);
    // A team's workloads are found when asked for, so it keeps no fixes: b 40 / 5, a 20 / 5.
    expect(t1.impact).toEqual([
      { check: 'b', points: expect.closeTo(8, 5), workloads: 1 },
      { check: 'a', points: expect.closeTo(4, 5), workloads: 1 },
    ]);
  });

  it('gives shares and points to six decimals, what single-precision figures hold', () => {
    // Three 1-core workloads, one passing c: a share of 1/3. Each failing one would gain 10/3
    // points, 20/9 over the group's 3 cores (2.2222…).
    const thirds = rollUp(
      ['x', 'y', 'z'].map((name, i) =>
        workload(name, 1, 't1', [
          i === 0 ? ['c', 'pass', 0] : ['c', 'fail', 10 / 3],
        ]),
      ),
      undefined,
      ['c'],
    ).team[0];
    expect(thirds.adoption).toEqual({ c: 0.333333 });
    expect(thirds.impact).toEqual([
      { check: 'c', points: 2.222222, workloads: 2 },
    ]);
  });

  it('keeps nothing per check without check ids', () => {
    const plain = rollUp(workloads);
    expect(plain.department[0].adoption).toEqual({});
    expect(plain.department[0].impact).toEqual([]);
  });
});

describe('TopFixes', () => {
  it('keeps the fixes that add most, most first, ties by ref', () => {
    const top = new TopFixes(3);
    const fix = (ref: string, gain: number, cores: number) => ({
      ref,
      gain,
      cores,
      status: 'fail' as const,
    });
    // Points added: a 8, b 2, c 12, d 8, e 1.
    for (const f of [
      fix('a', 4, 2),
      fix('b', 1, 2),
      fix('c', 3, 4),
      fix('d', 2, 4),
      fix('e', 1, 1),
    ])
      top.offer(f.ref, f.gain, f.cores, f.status);
    expect(top.list().map(f => f.ref)).toEqual(['c', 'a', 'd']);
    // A tie with the last kept (8 points) goes before it if its ref does, and is left out if not.
    top.offer('z', 4, 2, 'fail');
    expect(top.list().map(f => f.ref)).toEqual(['c', 'a', 'd']);
    top.offer('b2', 8, 1, 'partial');
    expect(top.list().map(f => [f.ref, f.gain * f.cores])).toEqual([
      ['c', 12],
      ['a', 8],
      ['b2', 8],
    ]);
  });
});
