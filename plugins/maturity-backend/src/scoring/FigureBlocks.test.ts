import { FigureBlocks } from './FigureBlocks';

describe('FigureBlocks', () => {
  it('hands out zeroed slices of its width that do not overlap, across blocks', () => {
    const blocks = new FigureBlocks(n => new Float64Array(n), 3);
    // 1,024 slices a block: the 1,025th starts a second block.
    const slices = Array.from({ length: 1025 }, () => blocks.next());
    slices.forEach((s, i) => {
      expect(s).toHaveLength(3);
      expect([...s]).toEqual([0, 0, 0]);
      s[0] = i;
      s[2] = i + 0.5;
    });
    expect([...slices[0]]).toEqual([0, 0, 0.5]);
    expect([...slices[1023]]).toEqual([1023, 0, 1023.5]);
    expect([...slices[1024]]).toEqual([1024, 0, 1024.5]);
    // Side by side in one block, apart from the next block.
    expect(slices[1].buffer).toBe(slices[0].buffer);
    expect(slices[1].byteOffset - slices[0].byteOffset).toBe(3 * 8);
    expect(slices[1024].buffer).not.toBe(slices[1023].buffer);
    // A figure past the width is no neighbour's.
    expect(slices[0][3]).toBeUndefined();
  });

  it('keeps single precision figures as single precision', () => {
    const slice = new FigureBlocks(n => new Float32Array(n), 2).next();
    slice[0] += 0.1;
    expect(slice[0]).toBe(Math.fround(0.1));
  });
});
