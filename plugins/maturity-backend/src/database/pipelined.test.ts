import { pipelined } from './openDatabase';

describe('pipelined', () => {
  it('sends each batch before reading the next, in order', async () => {
    const events: string[] = [];
    function* items() {
      for (let i = 1; i <= 5; i++) {
        events.push(`read ${i}`);
        yield i;
      }
    }
    await pipelined(items(), 2, async batch => {
      events.push(`send ${batch}`);
      await new Promise(r => setTimeout(r, 5));
      events.push(`done ${batch}`);
    });
    expect(events).toEqual([
      'read 1',
      'read 2',
      'send 1,2',
      'read 3',
      'read 4',
      'done 1,2',
      'send 3,4',
      'read 5',
      'done 3,4',
      'send 5',
      'done 5',
    ]);
  });

  it('fails with the failing statement and sends nothing after it', async () => {
    const sent: number[][] = [];
    const run = pipelined([1, 2, 3, 4, 5], 2, async batch => {
      sent.push(batch);
      if (batch[0] === 3) throw new Error('duplicate key');
    });
    await expect(run).rejects.toThrow('duplicate key');
    expect(sent).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('fails when reading the items fails, after the statement in flight settles', async () => {
    let settled = false;
    function* items() {
      yield 1;
      throw new Error('scoring failed');
    }
    const run = pipelined(items(), 1, async () => {
      await new Promise(r => setTimeout(r, 5));
      settled = true;
    });
    await expect(run).rejects.toThrow('scoring failed');
    expect(settled).toBe(true);
  });
});
