import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRatesFile } from './readRatesFile';

function ratesFile(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-rates-'));
  const file = path.join(dir, 'rates.csv');
  fs.writeFileSync(file, text);
  return { file, done: () => fs.rmSync(dir, { recursive: true }) };
}

describe('readRatesFile', () => {
  it('reads a rate per row, an empty cell left unset', () => {
    const { file, done } = ratesFile(
      [
        'cluster,nodeType,cpuCoreHour,memoryGiBHour,gpuHour,discount',
        'prod-shared,S5.64XLARGE,0.021,,,',
        ',SA3.8XLARGE,,,,0.35',
        'gpu-1,GN10X.8XLARGE,,,2.1,',
        '',
      ].join('\n'),
    );
    expect(readRatesFile(file)).toEqual([
      { cluster: 'prod-shared', nodeType: 'S5.64XLARGE', cpuCoreHour: 0.021 },
      { nodeType: 'SA3.8XLARGE', discount: 0.35 },
      { cluster: 'gpu-1', nodeType: 'GN10X.8XLARGE', gpuHour: 2.1 },
    ]);
    done();
  });

  it.each([
    [
      'cluster,cpuCoreHour\nprod,0.02\nprod,cheap\n',
      "line 3, cpuCoreHour: 'cheap' is not a price of 0 or more",
    ],
    [
      'cluster,discount\nprod,1.5\n',
      "line 2, discount: '1.5' is not a share from 0 to 1",
    ],
    [
      'cluster,cpuCoreHour\n,0.02\n',
      'line 2: a rate needs a cluster, a namespace or a nodeType',
    ],
    [
      'cluster,cpuCoreHour\nprod,\n',
      'line 2: a rate needs cpuCoreHour, memoryGiBHour, gpuHour, storageGiBMonth or discount',
    ],
    [
      'cluster,price\nprod,0.02\n',
      "line 1: unknown column 'price'; expected some of cluster, namespace, nodeType, cpuCoreHour, memoryGiBHour, gpuHour, storageGiBMonth, discount",
    ],
  ])('refuses %j, naming the line', (text, message) => {
    const { file, done } = ratesFile(text);
    expect(() => readRatesFile(file)).toThrow(
      `Invalid rates file ${file} ${message}`,
    );
    done();
  });
});
