import { Slices } from './Slices';

describe('Slices', () => {
  it('hands on every item in order, with a turn of the event loop after each slice', async () => {
    const seen: string[] = [];
    function* items() {
      for (let i = 1; i <= 5; i++) {
        seen.push(`made ${i}`);
        yield i;
      }
    }
    const slices = new Slices(items(), 2);
    let read = false;
    slices.read.then(() => (read = true));
    // Runs at the event loop's next turn: after the first slice of two, not between its items.
    setImmediate(() => seen.push('event loop'));
    for await (const item of slices) seen.push(`read ${item}`);
    await slices.read;
    expect(read).toBe(true);
    expect(seen).toEqual([
      'made 1',
      'read 1',
      'made 2',
      'read 2',
      'event loop',
      'made 3',
      'read 3',
      'made 4',
      'read 4',
      'made 5',
      'read 5',
    ]);
  });

  it('does not settle read when making an item throws: the reader sees the error', async () => {
    function* failing() {
      yield 1;
      throw new Error('scoring failed at the second workload');
    }
    const slices = new Slices(failing(), 10);
    let settled = false;
    slices.read.then(
      () => (settled = true),
      () => (settled = true),
    );
    const read: number[] = [];
    await expect(
      (async () => {
        for await (const item of slices) read.push(item);
      })(),
    ).rejects.toThrow('scoring failed at the second workload');
    await new Promise(setImmediate);
    expect(read).toEqual([1]);
    expect(settled).toBe(false);
  });
});
