import {
  CostFigures,
  FACTS,
  WorkloadCostAdvice,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  computeWorkloadCost,
  elasticityHint,
  pricesFor,
  recommendReplicas,
  recommendRequests,
  WorkloadCores,
} from '@internal/plugin-maturity-node';
import { CostConfig } from '../config/readMaturityConfig';

const text = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/**
 * Prices one workload at the prices of where it runs, with Crane's right-sizing and elasticity
 * advice. Returns no figures when there is nothing to price, so an unknown cost never shows as 0.
 */
export function priceWorkload(
  facts: WorkloadFacts,
  cores: WorkloadCores,
  config: CostConfig,
): { advice: WorkloadCostAdvice; figures?: CostFigures } {
  const where = {
    cluster: text(facts[FACTS.kubernetes.cluster]),
    namespace: text(facts[FACTS.kubernetes.namespace]),
    nodeType: text(facts[FACTS.kubernetes.nodeType]),
  };
  const storageClass = text(facts[FACTS.kubernetes.storageClass]);
  const pricesWhere = pricesFor(where, config.prices, config.overrides);
  // A storage class with a price of its own sets its volumes' price.
  const classPrice =
    storageClass === undefined
      ? undefined
      : config.storageClasses[storageClass];
  const prices =
    classPrice === undefined
      ? pricesWhere
      : { ...pricesWhere, storageGiBMonth: classPrice };
  const cost = computeWorkloadCost(facts, cores, prices);
  const replicas = recommendReplicas(facts, config.elasticity);
  const rightSizing = {
    ...recommendRequests(facts, prices, config.rightSizing),
    ...(replicas ? { replicas } : {}),
  };
  const advice: WorkloadCostAdvice = {
    basis: cost.basis,
    cpu: cost.cpu,
    memory: cost.memory,
    ...(cost.gpu ? { gpu: cost.gpu } : {}),
    ...(cost.storage ? { storage: cost.storage } : {}),
    ...(cost.storage && storageClass ? { storageClass } : {}),
    rightSizing,
    elasticity: elasticityHint(facts, config.elasticity),
    prices,
  };
  if (cost.basis === 'none') return { advice };
  return {
    advice,
    figures: {
      hourlyCost: cost.hourlyCost,
      hourlyWaste: cost.hourlyWaste,
      monthlySaving: rightSizing.monthlySaving,
      efficiency: cost.efficiency,
    },
  };
}
