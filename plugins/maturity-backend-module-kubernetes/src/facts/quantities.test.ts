import { cpuCores, memoryGiB } from './quantities';

describe('quantities', () => {
  it('reads CPU in cores', () => {
    expect([
      cpuCores('500m'),
      cpuCores('2'),
      cpuCores('0.25'),
      cpuCores(undefined),
    ]).toEqual([0.5, 2, 0.25, undefined]);
  });
  it('reads memory in GiB', () => {
    expect([
      memoryGiB('512Mi'),
      memoryGiB('4Gi'),
      memoryGiB(String(2 * 1024 ** 3)),
    ]).toEqual([0.5, 4, 2]);
  });
});
