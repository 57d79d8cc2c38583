import {
  CostPrices,
  CostPriceOverride,
  DEFAULT_COST_PRICES,
  HOURS_PER_MONTH,
} from '@internal/plugin-maturity-common';

/**
 * The prices that apply where a workload runs: the most specific override wins (a namespace
 * counts most, then a node type, then a cluster, and a match on more of them beats a match on
 * fewer), each field falling back to the defaults. Among equally specific overrides the first
 * listed wins.
 * @public
 */
export function pricesFor(
  where: { cluster?: string; namespace?: string; nodeType?: string },
  defaults: CostPrices,
  overrides: CostPriceOverride[] = [],
): CostPrices {
  const specificity = (o: CostPriceOverride) =>
    (o.namespace !== undefined ? 4 : 0) +
    (o.nodeType !== undefined ? 2 : 0) +
    (o.cluster !== undefined ? 1 : 0);
  const applies = (o: CostPriceOverride) =>
    (o.cluster === undefined || o.cluster === where.cluster) &&
    (o.namespace === undefined || o.namespace === where.namespace) &&
    (o.nodeType === undefined || o.nodeType === where.nodeType) &&
    specificity(o) > 0;
  const best = overrides
    .filter(applies)
    .sort((a, b) => specificity(b) - specificity(a))[0];
  if (!best) return defaults;
  const {
    cluster: _cluster,
    namespace: _namespace,
    nodeType: _nodeType,
    ...prices
  } = best;
  return { ...defaults, ...prices };
}

/** The price after the discount. @public */
export const netPrice = (price: number, prices: CostPrices) =>
  price * (1 - prices.discount);

/**
 * Every unit's price after the discount, by the hour: a core, a GiB of memory, a GPU (OpenCost's
 * default where unset) and a GiB of persistent volume (priced by the month of 730 hours).
 * @public
 */
export function netHourlyPrices(prices: CostPrices) {
  return {
    cpuCore: netPrice(prices.cpuCoreHour, prices),
    memoryGiB: netPrice(prices.memoryGiBHour, prices),
    gpu: netPrice(prices.gpuHour ?? DEFAULT_COST_PRICES.gpuHour!, prices),
    storageGiB:
      netPrice(
        prices.storageGiBMonth ?? DEFAULT_COST_PRICES.storageGiBMonth!,
        prices,
      ) / HOURS_PER_MONTH,
  };
}
