import { WeightedMean } from './WeightedMean';

describe('WeightedMean', () => {
  it('weights each value: (2·50 + 6·90) / (2 + 6) = 80', () => {
    const mean = new WeightedMean();
    mean.add(2, 50);
    mean.add(6, 90);
    expect(mean.mean()).toBe(80);
  });

  it('lets an unknown value add neither value nor weight', () => {
    const mean = new WeightedMean();
    mean.add(3, 40);
    mean.add(100, null);
    mean.add(100, undefined);
    expect(mean.mean()).toBe(40);
  });

  it('is null until something with a weight is counted', () => {
    const mean = new WeightedMean();
    expect(mean.mean()).toBeNull();
    mean.add(0, 70);
    expect(mean.mean()).toBeNull();
  });
});
