import {
  CostResponse,
  InsightResponse,
} from '@internal/plugin-maturity-common';
import { withReadableCostParts, withReadableFixes } from './restrictAnswer';

describe('withReadableFixes', () => {
  it('leaves out the fixes the caller may not read, and keeps the figures whole', async () => {
    const fix = (ref: string, points: number) => ({
      ref,
      status: 'fail' as const,
      gain: points,
      cores: 1,
      points,
    });
    const answer = {
      impact: [
        {
          check: 'tracing',
          title: 'Traces requests',
          points: 6,
          workloads: 3,
          fixes: [fix('component:default/a', 3), fix('component:default/b', 2)],
        },
      ],
    } as unknown as InsightResponse;
    const readable = jest.fn(
      async (refs: string[]) =>
        new Set(refs.filter(r => r !== 'component:default/a')),
    );
    const restricted = await withReadableFixes(
      { all: false, readable },
      answer,
    );
    expect(restricted.impact).toEqual([
      {
        check: 'tracing',
        title: 'Traces requests',
        points: 6,
        workloads: 3,
        fixes: [fix('component:default/b', 2)],
      },
    ]);
    expect(readable).toHaveBeenCalledWith([
      'component:default/a',
      'component:default/b',
    ]);
  });
});

describe('withReadableCostParts', () => {
  it("leaves out the departments a cluster's idle cost is shared to that the caller may not read", async () => {
    const share = (name: string, hourlyCost: number) => ({
      kind: 'department' as const,
      ref: `group:default/${name}`,
      hourlyCost,
    });
    const answer = {
      kind: 'platform',
      ref: 'resource:default/prod',
      members: [{ ref: 'group:default/media' }, { ref: 'group:default/hr' }],
      cluster: {
        idleShares: [share('media', 9.5), share('hr', 2.25)],
        idleUnshared: 1.5,
        idleHourlyCost: { total: 13.25 },
      },
    } as unknown as CostResponse;
    const readable = async (refs: string[]) =>
      new Set(refs.filter(r => r !== 'group:default/hr'));
    const restricted = await withReadableCostParts(
      { all: false, readable },
      answer,
    );
    expect(restricted.members).toEqual([{ ref: 'group:default/media' }]);
    // The cluster's own figures stay whole, hr's part of them included.
    expect(restricted.cluster).toEqual({
      idleShares: [share('media', 9.5)],
      idleUnshared: 1.5,
      idleHourlyCost: { total: 13.25 },
    });
    expect(
      await withReadableCostParts({ all: true, readable }, answer),
    ).toEqual(answer);
  });

  it("leaves out the clusters of a group's idle share that the caller may not read", async () => {
    const answer = {
      kind: 'department',
      ref: 'group:default/media',
      idle: {
        hourlyCost: { cpu: 2, memory: 1, gpu: 0, total: 3 },
        clusters: [
          { cluster: 'prod', hourlyCost: 2 },
          { cluster: 'secret', hourlyCost: 1 },
        ],
      },
    } as unknown as CostResponse;
    const readable = async (refs: string[]) =>
      new Set(refs.filter(r => r !== 'resource:default/secret'));
    const restricted = await withReadableCostParts(
      { all: false, readable },
      answer,
    );
    expect(restricted.idle).toEqual({
      hourlyCost: { cpu: 2, memory: 1, gpu: 0, total: 3 },
      clusters: [{ cluster: 'prod', hourlyCost: 2 }],
    });
  });
});
