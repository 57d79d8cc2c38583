import {
  CoresSource,
  FACTS,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';

/** A fact that measures an amount (cores, GiB, a count): a finite, non-negative number, or null. */
export function quantity(facts: WorkloadFacts, id: string): number | null {
  const value = facts[id];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

/** A workload's CPU cores and where they come from. @public */
export interface WorkloadCores {
  cores: number | null;
  source: CoresSource;
}

/** Where measured requests come from, in order of trust. */
const MEASURED_CORES: Array<[fact: string, source: CoresSource]> = [
  // requests × replicas of the running pod template
  [FACTS.kubernetes.cores, 'kubernetes'],
  // the CPU requested by its pods, as kube-state-metrics reports it
  [FACTS.prometheus.cpuRequestCores, 'prometheus'],
];

function measuredCores(facts: WorkloadFacts): WorkloadCores | undefined {
  for (const [fact, source] of MEASURED_CORES) {
    const cores = quantity(facts, fact);
    if (cores !== null) return { cores, source };
  }
  return undefined;
}

/** CPU requested by the workload, measured: Kubernetes' requests × replicas, else kube-state-metrics'. */
export function cpuRequestCores(facts: WorkloadFacts): number | null {
  return measuredCores(facts)?.cores ?? null;
}

/**
 * The one rule for a workload's cores, applied once per run where its facts are merged; its
 * score weight, its cost and its listing all use the result. What it requests, measured
 * (Kubernetes' requests × replicas, else kube-state-metrics'), outranks the cores its owner
 * declared in the annotation; with neither they are unknown.
 * @public
 */
export function workloadCores(
  facts: WorkloadFacts,
  declared: number | null,
): WorkloadCores {
  return (
    measuredCores(facts) ??
    (declared !== null
      ? { cores: declared, source: 'annotation' }
      : { cores: null, source: 'unknown' })
  );
}
