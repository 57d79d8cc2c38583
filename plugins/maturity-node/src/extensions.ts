import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { WorkloadFacts } from '@internal/plugin-maturity-common';

export type { FactValue, WorkloadFacts } from '@internal/plugin-maturity-common';

/** What a collector returns for one run. @public */
export interface FactCollectionResult {
  /** Facts by workload entity ref. A workload absent here has none from this collector. */
  facts: Map<string, WorkloadFacts>;
  /**
   * Workloads whose facts could not be read this run, by entity ref, with the reason.
   * Their previous facts are kept and shown as stale rather than dropped.
   */
  failures?: Map<string, string>;
  /**
   * Problems in a workload's own data that the collector found (e.g. an annotation naming a
   * platform that does not exist), by entity ref; shown on the workload's scorecard.
   */
  problems?: Map<string, string[]>;
}

/**
 * Gathers facts about workloads from one source (the catalog, Kubernetes, Prometheus, …).
 * @public
 */
export interface MaturityFactCollector {
  /** Stable id, used to store and attribute facts, e.g. `kubernetes`. */
  readonly id: string;
  /**
   * Collects facts for the given workloads. Throwing marks every workload's facts from this
   * collector stale; it never fails the whole run.
   *
   * @param workloads - the Components the run scores
   */
  collect(workloads: Entity[]): Promise<FactCollectionResult>;
}

/** Lets backend modules contribute fact collectors to the maturity plugin. @public */
export interface MaturityFactCollectorsExtensionPoint {
  /** Adds collectors; ids must be unique across all modules. */
  addFactCollector(...collectors: MaturityFactCollector[]): void;
}

/** The extension point through which modules add fact collectors. @public */
export const maturityFactCollectorsExtensionPoint =
  createExtensionPoint<MaturityFactCollectorsExtensionPoint>({
    id: 'maturity.fact-collectors',
  });
