import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATIONS,
  MATURITY_ANNOTATIONS,
  readPrometheusSelector,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { FactCollectionResult, MaturityFactCollector } from '@internal/plugin-maturity-node';
import { deriveLoadFacts } from './deriveLoadFacts';
import { LoadSource } from './LoadSeries';

/**
 * The workload's label matchers: its own annotation, else namespace and pod name prefix from its
 * Kubernetes annotations. Throws an error naming the annotation when it is malformed.
 */
export function selectorOf(entity: Entity): string | undefined {
  const declared = readPrometheusSelector(entity);
  if (!declared.ok) throw new Error(declared.error);
  if (declared.value !== undefined) return declared.value;
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[KUBERNETES_ANNOTATIONS.namespace];
  const id = annotations[KUBERNETES_ANNOTATIONS.id];
  return namespace && id ? `namespace="${namespace}",pod=~"${id}-.*"` : undefined;
}

/** Real-load facts from Prometheus (or recorded results): one workload failing never fails others. */
export class PrometheusFactCollector implements MaturityFactCollector {
  readonly id = 'prometheus';

  constructor(
    private readonly options: { source: LoadSource; lookbackDays: number; concurrency: number; now?: () => Date },
  ) {}

  async collect(workloads: Entity[]): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    const failures = new Map<string, string>();
    const problems = new Map<string, string[]>();
    const end = this.options.now?.() ?? new Date();
    const window = { start: new Date(end.getTime() - this.options.lookbackDays * 86_400_000), end };

    const queue = [...workloads];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        const ref = stringifyEntityRef(entity);
        let selector: string | undefined;
        try {
          selector = selectorOf(entity);
        } catch (error) {
          problems.set(ref, [(error as Error).message]);
          continue;
        }
        if (!selector) continue;
        try {
          const series = await this.options.source.read(selector, window);
          if (series.cpu.length > 0 || series.memory.length > 0) {
            facts.set(ref, deriveLoadFacts(series, end));
          } else {
            problems.set(ref, [`Prometheus has no CPU or memory samples for ${selector} in the last ${this.options.lookbackDays} days; check ${MATURITY_ANNOTATIONS.prometheusSelector}`]);
          }
        } catch (error) {
          failures.set(ref, `Prometheus query for ${selector} failed: ${(error as Error)?.message ?? error}`);
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return { facts, failures, problems };
  }
}
