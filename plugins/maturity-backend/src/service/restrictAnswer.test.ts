import { InsightResponse } from '@internal/plugin-maturity-common';
import { withReadableFixes } from './restrictAnswer';

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
