/**
 * Prices of reserved capacity. The defaults are OpenCost's public defaults for a cluster without
 * a billing integration, so figures compare with what OpenCost would show.
 * @public
 */
export interface CostPrices {
  /** Price of one CPU core for one hour. */
  cpuCoreHour: number;
  /** Price of one GiB of memory for one hour. */
  memoryGiBHour: number;
  /** ISO 4217 code the prices are in. */
  currency: string;
  /** Negotiated discount off every price, 0–1. */
  discount: number;
  /** Price of one GPU for one hour (absent in figures stored before GPUs were priced). */
  gpuHour?: number;
  /**
   * Price of one GiB of persistent volume for a month of 730 hours, as storage is priced (absent
   * in figures stored before volumes were priced).
   */
  storageGiBMonth?: number;
}

/**
 * OpenCost's default prices: 0.031611 per core-hour, 0.004237 per GiB-hour, 0.95 per GPU-hour,
 * 0.04 per GiB-month of persistent volume.
 * @public
 */
export const DEFAULT_COST_PRICES: CostPrices = {
  cpuCoreHour: 0.031611,
  memoryGiBHour: 0.004237,
  currency: 'USD',
  discount: 0,
  gpuHour: 0.95,
  storageGiBMonth: 0.04,
};

/** Hours in a month as cloud price lists count them (365 × 24 / 12). @public */
export const HOURS_PER_MONTH = 730;

/** The windows a cost view covers, in hours. @public */
export const COST_WINDOWS = { '7d': 7 * 24, '30d': 30 * 24 } as const;

/** A cost window id. @public */
export type CostWindow = keyof typeof COST_WINDOWS;

/**
 * Prices for one cluster or namespace, overriding the defaults where set. No currency: costs of
 * every cluster add up, so they share one.
 * @public
 */
export interface CostPriceOverride
  extends Partial<Omit<CostPrices, 'currency'>> {
  cluster?: string;
  namespace?: string;
  /** The node type (instance type) most of the workload's pods run on. */
  nodeType?: string;
}
