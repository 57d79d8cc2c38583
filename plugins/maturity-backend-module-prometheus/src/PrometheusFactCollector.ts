import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATIONS,
  MATURITY_ANNOTATIONS,
  readPrometheusSelector,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { FactCollectionResult, FactCollectionRun, MaturityFactCollector } from '@internal/plugin-maturity-node';
import { describeError, isSourceFailure } from './describeError';
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

/** What the pages of one run share: the reason the source failed, once it has. */
interface Breaker {
  tripped?: string;
}

/**
 * Real-load facts from Prometheus (or recorded results): a query failing for one workload never
 * fails others. A source failure (a timeout, the server down or failing) trips a breaker for the
 * rest of the run: every workload after it keeps its last good facts, stale with that reason,
 * without another request, so a Prometheus that hangs costs a run one timeout, not one per
 * workload. The run's signal stops it the same way.
 */
export class PrometheusFactCollector implements MaturityFactCollector {
  readonly id = 'prometheus';

  constructor(
    private readonly options: { source: LoadSource; lookbackDays: number; concurrency: number; now?: () => Date },
  ) {}

  async collect(workloads: Entity[], run?: FactCollectionRun): Promise<FactCollectionResult> {
    // Shared by every page of the run (and only of this run).
    const breaker = run ? await run.once<Breaker>('prometheus.breaker', async () => ({})) : {};
    const stopped = () =>
      run?.signal?.aborted ? `Prometheus was not asked: ${describeError(run.signal.reason)}` : breaker.tripped;
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
        const skipped = stopped();
        if (skipped) {
          failures.set(ref, skipped);
          continue;
        }
        try {
          const series = await this.options.source.read(selector, window);
          if (series.cpu.length > 0 || series.memory.length > 0) {
            facts.set(ref, deriveLoadFacts(series, end));
          } else {
            problems.set(ref, [`Prometheus has no CPU or memory samples for ${selector} in the last ${this.options.lookbackDays} days; check ${MATURITY_ANNOTATIONS.prometheusSelector}`]);
          }
        } catch (error) {
          const reason = describeError(error);
          failures.set(ref, `Prometheus query for ${selector} failed: ${reason}`);
          if (isSourceFailure(error)) {
            breaker.tripped ??= `Prometheus is not answering this run, so it was not asked again (first failure: ${reason})`;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return { facts, failures, problems };
  }
}
