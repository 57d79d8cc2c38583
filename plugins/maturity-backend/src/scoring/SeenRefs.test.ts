import { SeenRefs } from './SeenRefs';

describe('SeenRefs', () => {
  const ref = (i: number) =>
    `component:default/w-${String(i).padStart(7, '0')}`;

  it('answers "maybe seen" for every ref added before, and "not seen" for a new one', () => {
    const seen = new SeenRefs(1024);
    expect(seen.add(ref(1))).toBe(false);
    expect(seen.add(ref(2))).toBe(false);
    expect(seen.add(ref(1))).toBe(true);
    expect(seen.add(ref(2))).toBe(true);
  });

  it('at 67 bits a ref (1,000,000 refs in 8 MB; here 125,000 in 1 MB), says "maybe" for none of 100,000 others', () => {
    // Expected false maybes: (1 - e^(-7 · 125,000 / 2^23))^7 ≈ 9.3e-8 per ref, 0.009 in 100,000.
    const seen = new SeenRefs(2 ** 20);
    for (let i = 0; i < 125_000; i++) seen.add(ref(i));
    let maybes = 0;
    for (let i = 125_000; i < 225_000; i++) if (seen.add(ref(i))) maybes++;
    expect(maybes).toBe(0);
  });

  it('never answers "not seen" for a ref added before, however full', () => {
    // 100,000 refs in 8 KB (65,536 bits): nearly every bit set, so nearly every answer is maybe,
    // and none is a wrong "not seen".
    const seen = new SeenRefs(8 * 1024);
    for (let i = 0; i < 100_000; i++) seen.add(ref(i));
    for (let i = 0; i < 100_000; i += 997) expect(seen.add(ref(i))).toBe(true);
  });
});
