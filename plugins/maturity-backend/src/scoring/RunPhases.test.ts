import { RunPhases } from './RunPhases';

describe('RunPhases', () => {
  it('adds up the time of each phase, counting a paged source only while it is awaited', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const phases = new RunPhases();
      const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
      const source = async function* paged() {
        await sleep(100);
        yield 1;
        await sleep(200);
        yield 2;
      };
      const seen: number[] = [];
      const reading = (async () => {
        for await (const page of phases.pages('catalog', source())) {
          seen.push(page);
          // Work on the page itself is not the catalog's time.
          await phases.time('collector k8s', () => sleep(50));
        }
      })();
      await jest.advanceTimersByTimeAsync(1000);
      await reading;
      phases.add('writing', 25);
      phases.timeSync('scoring', () => jest.advanceTimersByTime(10));
      expect(seen).toEqual([1, 2]);
      const { total, ...rest } = phases.seconds();
      expect(rest).toEqual({
        catalog: 0.3,
        'collector k8s': 0.1,
        writing: 0.025,
        scoring: 0.01,
      });
      expect(phases.describe()).toMatch(
        /^[\d.]+ s: catalog 0.3 s, collector k8s 0.1 s, writing 0.025 s, scoring 0.01 s$/,
      );
    } finally {
      jest.useRealTimers();
    }
  });
});
