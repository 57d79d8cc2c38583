import { ConfigReader } from '@backstage/config';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { priceWorkload } from './priceWorkload';

describe('priceWorkload', () => {
  const { cost } = readMaturityConfig(
    new ConfigReader({
      maturity: {
        cost: {
          prices: { storageGiBMonth: 0.05 },
          storageClasses: { premium: 0.2 },
          overrides: [{ cluster: 'prod', discount: 0.5 }],
        },
      },
    }),
  );
  const facts = (storageClass: string) => ({
    'kubernetes.cluster': 'prod',
    'kubernetes.cores': 1,
    'kubernetes.storageGiB': 100,
    'kubernetes.storageClass': storageClass,
  });
  const cores = { cores: 1, source: 'kubernetes' as const };

  it("prices volumes at their storage class's price, after the cluster's discount", () => {
    // 100 GiB × 0.2 × 0.5 = 10 a month.
    const premium = priceWorkload(facts('premium'), cores, cost).advice;
    expect(premium.storageClass).toBe('premium');
    expect(premium.prices.storageGiBMonth).toBe(0.2);
    expect(premium.storage!.hourlyCost * 730).toBeCloseTo(10, 9);
    // A class without a price of its own: 100 × 0.05 × 0.5 = 2.5 a month.
    const standard = priceWorkload(facts('standard'), cores, cost).advice;
    expect(standard.prices.storageGiBMonth).toBe(0.05);
    expect(standard.storage!.hourlyCost * 730).toBeCloseTo(2.5, 9);
  });
});
