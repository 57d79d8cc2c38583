import { ConfigReader } from '@backstage/config';
import { DEFAULT_CHECKS } from '@internal/plugin-maturity-common';
import { readMaturityConfig } from './readMaturityConfig';

const read = (maturity: object) =>
  readMaturityConfig(new ConfigReader({ maturity }));

describe('readMaturityConfig', () => {
  it('uses the defaults when nothing is configured', () => {
    const config = readMaturityConfig(new ConfigReader({}));
    expect(config.checks).toEqual(DEFAULT_CHECKS);
    expect(config.weights).toEqual({ platform: 0.5, business: 0.5 });
    expect(config.unknownAsZero).toBe(false);
    expect(config.retention).toEqual({
      runDays: 2,
      detailDays: 30,
      retainDays: 730,
    });
    expect(config.cost.prices).toEqual({
      cpuCoreHour: 0.031611,
      memoryGiBHour: 0.004237,
      gpuHour: 0.95,
      storageGiBMonth: 0.04,
      currency: 'USD',
      discount: 0,
    });
    expect(config.cost.rightSizing).toMatchObject({
      margin: 0.15,
      cpuFloorCores: 0.1,
      oomBumpRatio: 1.2,
    });
    expect(config.cost.elasticity).toEqual({
      fluctuationThreshold: 1.5,
      minTargetUtilization: 30,
      maxTargetUtilization: 75,
      defaultMinReplicas: 2,
      maxReplicasFactor: 3,
    });
  });

  it('gives a run a deadline below the scheduler timeout: four fifths of it, or one configured shorter', () => {
    // Default timeout 15 minutes: 12.
    expect(readMaturityConfig(new ConfigReader({})).runDeadlineMs).toBe(
      12 * 60_000,
    );
    expect(
      read({ schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } } })
        .runDeadlineMs,
    ).toBe(4 * 60_000);
    expect(read({ runDeadline: { minutes: 10 } }).runDeadlineMs).toBe(
      10 * 60_000,
    );
    expect(read({ runDeadline: 'PT90S' }).runDeadlineMs).toBe(90_000);
    expect(() => read({ runDeadline: { minutes: 15 } })).toThrow(
      'Invalid config maturity.runDeadline: 900 seconds; expected a positive duration shorter than maturity.schedule.timeout (900 seconds)',
    );
  });

  it('reads prices, overrides and right-sizing parameters', () => {
    const { cost } = read({
      cost: {
        prices: { cpuCoreHour: 0.05, currency: 'EUR', discount: 0.1 },
        overrides: [{ cluster: 'gpu-1', cpuCoreHour: 0.2 }],
        rightSizing: { margin: 0.2, memoryFloorMiB: 256 },
      },
    });
    expect(cost.prices).toEqual({
      cpuCoreHour: 0.05,
      memoryGiBHour: 0.004237,
      gpuHour: 0.95,
      storageGiBMonth: 0.04,
      currency: 'EUR',
      discount: 0.1,
    });
    expect(cost.overrides).toEqual([{ cluster: 'gpu-1', cpuCoreHour: 0.2 }]);
    expect(cost.rightSizing).toMatchObject({
      margin: 0.2,
      memoryFloorGiB: 0.25,
      cpuFloorCores: 0.1,
    });
  });

  it('applies weights, check overrides, history and platforms', () => {
    const config = read({
      weights: { platform: 1, business: 3 },
      unknownAsZero: true,
      checks: {
        'cpu-utilisation': { threshold: 0.6 },
        'image-signing': { enabled: false },
      },
      history: { runDays: 0, detailDays: 7 },
      platforms: { default: { sharedCluster: true, overcommit: false } },
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
    });
    expect(config.weights).toEqual({ platform: 1, business: 3 });
    expect(
      config.checks.find(c => c.id === 'cpu-utilisation')?.rule,
    ).toMatchObject({ target: 0.6 });
    expect(config.checks.some(c => c.id === 'image-signing')).toBe(false);
    expect(config.retention).toEqual({
      runDays: 0,
      detailDays: 7,
      retainDays: 730,
    });
    expect(config.platforms).toEqual({
      default: { sharedCluster: true, overcommit: false },
    });
    expect(config.schedule).toMatchObject({ frequency: { minutes: 10 } });
  });

  it.each([
    [
      { weights: { platform: -1, business: 1 } },
      /^Invalid config maturity\.weights\.platform: /,
    ],
    [
      { weights: { platform: 0, business: 0 } },
      'Invalid config maturity.weights: platform + business must be above 0',
    ],
    [
      { checks: { 'hpa-elastic': { wieght: 2 } } },
      /^Invalid config maturity\.checks\.hpa-elastic: Unrecognized key/,
    ],
    [
      { checks: { 'no-such-check': { weight: 2 } } },
      /^Invalid config maturity\.checks\.no-such-check: there is no check/,
    ],
    [
      { platforms: { default: { sharedClusters: true } } },
      /^Invalid config maturity\.platforms\.default: Unrecognized key\(s\) in object: 'sharedClusters'/,
    ],
    [
      { history: { detailDays: 90, retainDays: 30 } },
      'Invalid config maturity.history: detailDays must not exceed retainDays',
    ],
    [
      { history: { runDays: 60, retainDays: 30 } },
      'Invalid config maturity.history: runDays must not exceed retainDays',
    ],
    [
      { history: { runDays: -1 } },
      /^Invalid config maturity\.history\.runDays: Number must be greater than or equal to 0/,
    ],
    [
      { cost: { prices: { cpuCoreHour: -1 } } },
      /^Invalid config maturity\.cost\.prices\.cpuCoreHour: Number must be greater than or equal to 0/,
    ],
    [
      { cost: { prices: { currency: 'dollars' } } },
      'Invalid config maturity.cost.prices.currency: expected an ISO 4217 code such as USD',
    ],
    [
      { cost: { overrides: [{ cpuCoreHour: 0.1 }] } },
      'Invalid config maturity.cost.overrides.0: an override needs a cluster, a namespace or a nodeType',
    ],
  ])('rejects %j naming the key', (maturity, message) => {
    expect(() => read(maturity)).toThrow(message);
  });
});
