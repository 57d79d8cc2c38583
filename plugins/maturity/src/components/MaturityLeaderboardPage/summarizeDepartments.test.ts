import { summarizeDepartments } from './summarizeDepartments';

const w = (ref: string, cores: number | null, department?: string) => ({
  ref, cores, department, coresSource: 'annotation' as const, problems: [], lastSeenAt: '2026-11-23T00:00:00Z',
});

describe('summarizeDepartments', () => {
  it('sums weighted cores per department and their share of the total', () => {
    expect(
      summarizeDepartments([
        w('a', 2000, 'group:default/search'),
        w('b', 2, 'group:default/retail'),
        w('c', 48, 'group:default/retail'),
        w('d', null, 'group:default/retail'),
        w('e', 0),
      ]),
    ).toEqual([
      { ref: 'group:default/search', workloads: 1, cores: 2000, unweighted: 0, coreShare: 2000 / 2050 },
      { ref: 'group:default/retail', workloads: 3, cores: 50, unweighted: 1, coreShare: 50 / 2050 },
      { ref: '(no department)', workloads: 1, cores: 0, unweighted: 1, coreShare: 0 },
    ]);
  });
});
