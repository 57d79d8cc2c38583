import { FACTS, WorkloadFacts } from '../model/facts';

/** A fact that measures an amount (cores, GiB, a count): a finite, non-negative number, or null. */
export function quantity(facts: WorkloadFacts, id: string): number | null {
  const value = facts[id];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

/** CPU requested by the workload: Kubernetes' requests × replicas, else kube-state-metrics'. */
export function cpuRequestCores(facts: WorkloadFacts): number | null {
  return (
    quantity(facts, FACTS.kubernetes.cores) ??
    quantity(facts, FACTS.prometheus.cpuRequestCores)
  );
}
