import {
  CostPrices,
  CostPriceOverride,
} from '@internal/plugin-maturity-common';

/**
 * The prices that apply where a workload runs: the most specific override wins (cluster and
 * namespace, then namespace, then cluster), each field falling back to the defaults.
 * @public
 */
export function pricesFor(
  where: { cluster?: string; namespace?: string },
  defaults: CostPrices,
  overrides: CostPriceOverride[] = [],
): CostPrices {
  const specificity = (o: CostPriceOverride) =>
    (o.namespace !== undefined ? 2 : 0) + (o.cluster !== undefined ? 1 : 0);
  const applies = (o: CostPriceOverride) =>
    (o.cluster === undefined || o.cluster === where.cluster) &&
    (o.namespace === undefined || o.namespace === where.namespace) &&
    specificity(o) > 0;
  const best = overrides
    .filter(applies)
    .sort((a, b) => specificity(b) - specificity(a))[0];
  if (!best) return defaults;
  const { cluster: _cluster, namespace: _namespace, ...prices } = best;
  return { ...defaults, ...prices };
}

/** The price after the discount. @public */
export const netPrice = (price: number, prices: CostPrices) =>
  price * (1 - prices.discount);
