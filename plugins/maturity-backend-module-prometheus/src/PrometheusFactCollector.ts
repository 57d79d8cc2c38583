import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATIONS,
  MATURITY_ANNOTATIONS,
  FactOrigin,
  NodeUtilisation,
  FACTS,
  readPrometheusSelector,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  FactCollectionResult,
  FactCollectionRun,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import { describeError, isSourceFailure } from './describeError';
import { hasSamples, loadFacts } from './loadFacts';
import { watches, watchesSelector } from './alertRules';
import {
  AlertRule,
  CustomFactAnswer,
  LoadSource,
  MeshWorkload,
  TracedService,
  LoadWindow,
  OwnedLoads,
  ownedKey,
  WorkloadLoad,
} from './LoadSource';

/** How Prometheus knows a workload: by its own selector, or by namespace and controller name. */
export type LoadTarget =
  | { selector: string }
  | { namespace: string; workload: string };

/**
 * The workload's place in Prometheus: its selector annotation, else its Kubernetes namespace and
 * id (the name of its controller, as `kube_pod_owner` names it). Undefined when it has neither;
 * throws an error naming the annotation when the selector is malformed.
 */
export function targetOf(entity: Entity): LoadTarget | undefined {
  const declared = readPrometheusSelector(entity);
  if (!declared.ok) throw new Error(declared.error);
  if (declared.value !== undefined) return { selector: declared.value };
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[KUBERNETES_ANNOTATIONS.namespace];
  const workload = annotations[KUBERNETES_ANNOTATIONS.id];
  return namespace && workload ? { namespace, workload } : undefined;
}

const describeTarget = (target: LoadTarget) =>
  'selector' in target
    ? target.selector
    : `workload ${ownedKey(
        target.namespace,
        target.workload,
      )} (pods it controls, from kube_pod_owner)`;

/** What the pages of one run share. */
interface RunState {
  window: LoadWindow;
  /** The reason the source failed, once it has: nothing more is asked this run. */
  tripped?: string;
  owned?: Promise<OwnedLoads>;
  custom?: Promise<Record<string, CustomFactAnswer>>;
  rules?: Promise<AlertRule[] | undefined>;
  traced?: Promise<TracedService[] | undefined>;
  mesh?: Promise<MeshWorkload[] | undefined>;
}

export interface PrometheusCollectorOptions {
  source: LoadSource;
  lookbackDays: number;
  /** Selectors asked in one query. */
  selectorsPerQuery: number;
  /** Operator-defined facts: PromQL by fact name (`maturity.prometheus.facts`). */
  customFacts?: Record<string, string>;
  now?: () => Date;
}

/** The id an operator-defined fact is reported under. */
export const customFactId = (name: string) => `prometheus.${name}`;

/** Records where one of a workload's facts was read, beside its other facts' origins. */
/** Metric families of the data stores' exporters (mysqld, redis, postgres, mongodb…). */
const DATA_STORE_METRIC =
  /\b(mysql|redis|pg|mongodb|elasticsearch|kafka|memcached|rabbitmq|clickhouse)_[a-z0-9_]+/;

function setOrigin(
  origins: Map<string, Record<string, FactOrigin>>,
  ref: string,
  fact: string,
  from: string,
) {
  let byFact = origins.get(ref);
  if (!byFact) origins.set(ref, (byFact = {}));
  byFact[fact] = { source: 'prometheus', from };
}

/**
 * Real-load facts from Prometheus (or recorded answers), asked in a fixed number of queries: every
 * workload known by namespace and controller at once, once per run, and workloads with their own
 * selector in batches. A query Prometheus refuses marks only its workloads stale. A failure of the
 * source (a timeout, the server down or failing) trips a breaker for the rest of the run: every
 * workload after it keeps its last good facts, stale with that reason, so a Prometheus that hangs
 * costs a run one timeout. The run's signal stops it the same way.
 */
export class PrometheusFactCollector implements MaturityFactCollector {
  readonly id = 'prometheus';
  readonly source = 'prometheus';
  /** The operator-defined facts it reports, which operators' checks may read. */
  readonly facts: readonly string[];

  constructor(private readonly options: PrometheusCollectorOptions) {
    this.facts = Object.keys(options.customFacts ?? {}).map(customFactId);
  }

  private async stateOf(run?: FactCollectionRun): Promise<RunState> {
    const create = async (): Promise<RunState> => {
      const end = this.options.now?.() ?? new Date();
      return {
        window: {
          start: new Date(
            end.getTime() - this.options.lookbackDays * 86_400_000,
          ),
          end,
        },
      };
    };
    return run ? run.once('prometheus.run', create) : create();
  }

  /**
   * Every node's utilisation maxima, asked once a run after its pages, unless the source failed
   * during the run: then there are none rather than a second timeout.
   */
  async nodeUtilisation(run: FactCollectionRun): Promise<NodeUtilisation[]> {
    const state = await this.stateOf(run);
    if (state.tripped || run.signal?.aborted) return [];
    return (
      (await this.options.source.readNodeUtilisation(
        state.window,
        run.signal,
      )) ?? []
    );
  }

  async collect(
    workloads: Entity[],
    run?: FactCollectionRun,
  ): Promise<FactCollectionResult> {
    const state = await this.stateOf(run);
    const signal = run?.signal;
    const facts = new Map<string, WorkloadFacts>();
    const origin = new Map<string, FactOrigin>();
    const origins = new Map<string, Record<string, FactOrigin>>();
    const targets = new Map<string, LoadTarget>();
    const failures = new Map<string, string>();
    const problems = new Map<string, string[]>();
    const owned: Array<[string, { namespace: string; workload: string }]> = [];
    const selected: Array<[string, { selector: string }]> = [];
    for (const entity of workloads) {
      const ref = stringifyEntityRef(entity);
      try {
        const target = targetOf(entity);
        if (target && 'selector' in target) selected.push([ref, target]);
        else if (target) owned.push([ref, target]);
      } catch (error) {
        problems.set(ref, [(error as Error).message]);
      }
    }

    const record = (
      ref: string,
      target: LoadTarget,
      load: WorkloadLoad | undefined,
    ) => {
      if (hasSamples(load)) {
        facts.set(ref, loadFacts(load));
        targets.set(ref, target);
        origin.set(ref, {
          source: 'prometheus',
          from: `${describeTarget(target)}, ${this.options.lookbackDays} days`,
        });
      } else {
        problems.set(ref, [
          `Prometheus has no CPU or memory samples for ${describeTarget(
            target,
          )} in the last ${this.options.lookbackDays} days; check ${
            MATURITY_ANNOTATIONS.prometheusSelector
          } or the entity's Kubernetes annotations`,
        ]);
      }
    };
    /** Asks, unless the run stopped or the source failed; a source failure trips the breaker. */
    const ask = async <T>(
      what: () => Promise<T>,
      refs: string[],
      describe: (reason: string) => string,
    ) => {
      const skipped = signal?.aborted
        ? `Prometheus was not asked: ${describeError(signal.reason)}`
        : state.tripped;
      if (skipped) {
        for (const ref of refs) failures.set(ref, skipped);
        return undefined;
      }
      try {
        return await what();
      } catch (error) {
        const reason = describeError(error);
        if (isSourceFailure(error) && !signal?.aborted) {
          state.tripped ??= `Prometheus is not answering this run, so it was not asked again (first failure: ${reason})`;
        }
        for (const ref of refs) failures.set(ref, describe(reason));
        return undefined;
      }
    };

    if (owned.length > 0) {
      // Asked once a run, by the first page that needs it; later pages share the answer.
      const answer = await ask(
        () =>
          (state.owned ??= this.options.source.readOwned(state.window, signal)),
        owned.map(([ref]) => ref),
        reason => `Prometheus queries for workloads by owner failed: ${reason}`,
      );
      for (const [ref, target] of answer ? owned : []) {
        const refused = answer!.refused.get(target.namespace);
        if (refused)
          failures.set(
            ref,
            `Prometheus refused the queries for namespace ${target.namespace}: ${refused}`,
          );
        else
          record(
            ref,
            target,
            answer!.loads.get(ownedKey(target.namespace, target.workload)),
          );
      }
    }
    // A batch Prometheus refuses (one bad selector) is halved until the bad one stands alone.
    const askSelected = async (batch: typeof selected): Promise<void> => {
      let refused = false;
      const loads = await ask(
        async () => {
          try {
            return await this.options.source.readSelected(
              batch.map(([, t]) => t.selector),
              state.window,
              signal,
            );
          } catch (error) {
            if (batch.length === 1 || isSourceFailure(error)) throw error;
            refused = true;
            return undefined;
          }
        },
        batch.map(([ref]) => ref),
        reason =>
          batch.length === 1
            ? `Prometheus query for ${batch[0][1].selector} failed: ${reason}`
            : `Prometheus queries for a batch of ${batch.length} selectors failed: ${reason}`,
      );
      if (refused) {
        const half = Math.ceil(batch.length / 2);
        await askSelected(batch.slice(0, half));
        await askSelected(batch.slice(half));
      } else if (loads)
        batch.forEach(([ref, target], j) => record(ref, target, loads[j]));
    };
    for (let i = 0; i < selected.length; i += this.options.selectorsPerQuery) {
      await askSelected(selected.slice(i, i + this.options.selectorsPerQuery));
    }
    await this.addAlerting(state, facts, targets, origins, signal);
    await this.addCallEvidence(state, facts, targets, origins, signal);
    await this.addCustomFacts(state, facts, targets, origins, problems, signal);
    for (const [ref, workloadFacts] of facts) {
      const families = workloadFacts[FACTS.prometheus.businessMetricFamilies];
      setOrigin(
        origins,
        ref,
        FACTS.practice('business-metrics'),
        `${families} metric families beyond runtime and call metrics, exported by ${describeTarget(
          targets.get(ref)!,
        )}`,
      );
    }
    return { facts, origin, origins, failures, problems };
  }

  /**
   * The operator's PromQL facts (asked once a run, each query once for every workload): a
   * workload known by owner gets the value of its `namespace`/`workload` series. A query
   * Prometheus refuses is a problem on each workload it would have answered for, naming the key.
   */
  private async addCustomFacts(
    state: RunState,
    facts: Map<string, WorkloadFacts>,
    targets: Map<string, LoadTarget>,
    origins: Map<string, Record<string, FactOrigin>>,
    problems: Map<string, string[]>,
    signal?: AbortSignal,
  ) {
    const queries = this.options.customFacts ?? {};
    if (Object.keys(queries).length === 0) return;
    const answers = await this.readOncePerRun(
      facts,
      state,
      signal,
      () =>
        (state.custom ??= this.options.source.readCustomFacts(
          queries,
          state.window,
          signal,
        )),
    );
    if (!answers) return;
    for (const [ref, workloadFacts] of facts) {
      const target = targets.get(ref)!;
      if ('selector' in target) continue;
      const key = ownedKey(target.namespace, target.workload);
      for (const [name, answer] of Object.entries(answers)) {
        if ('error' in answer) {
          problems.set(ref, [
            ...(problems.get(ref) ?? []),
            `Prometheus refused the query of maturity.prometheus.facts.${name}: ${answer.error}`,
          ]);
          continue;
        }
        const value = answer.values.get(key);
        if (value === undefined) continue;
        const id = customFactId(name);
        workloadFacts[id] = value;
        setOrigin(
          origins,
          ref,
          id,
          `maturity.prometheus.facts.${name}, series of ${key}`,
        );
      }
    }
  }

  /**
   * What the run's pages share and one page read first (the alerting rules, the traced services),
   * unless the page has no workload with facts, the source failed this run or the run stopped.
   * A failure leaves the facts it would give unknown: the owners' declarations then stand.
   */
  private async readOncePerRun<T>(
    facts: Map<string, WorkloadFacts>,
    state: RunState,
    signal: AbortSignal | undefined,
    read: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    if (facts.size === 0 || state.tripped || signal?.aborted) return undefined;
    try {
      return await read();
    } catch {
      return undefined;
    }
  }

  /**
   * Tracing and call metrics, from the services with span metrics and the workloads a mesh
   * measures (each read once a run). A workload known by owner is traced when a service of its
   * name has spans, in its namespace where the metrics say; the same span metrics are its call
   * metrics (the collector counts calls and their durations from the spans), as are a mesh's
   * request metrics for it. Only ever true: a workload without them may be observed elsewhere.
   */
  private async addCallEvidence(
    state: RunState,
    facts: Map<string, WorkloadFacts>,
    targets: Map<string, LoadTarget>,
    origins: Map<string, Record<string, FactOrigin>>,
    signal?: AbortSignal,
  ) {
    const source = this.options.source;
    const services = await this.readOncePerRun(
      facts,
      state,
      signal,
      () => (state.traced ??= source.readTracedServices(state.window, signal)),
    );
    const meshed = await this.readOncePerRun(
      facts,
      state,
      signal,
      () => (state.mesh ??= source.readMeshWorkloads(state.window, signal)),
    );
    if (!services?.length && !meshed?.length) return;
    const tracing = FACTS.practice('tracing');
    const calls = FACTS.practice('call-metrics');
    for (const [ref, workloadFacts] of facts) {
      const target = targets.get(ref)!;
      if ('selector' in target) continue;
      const traced = services?.find(
        s =>
          s.service === target.workload &&
          (!s.namespace || s.namespace === target.namespace),
      );
      const mesh = meshed?.find(
        m => m.workload === target.workload && m.namespace === target.namespace,
      );
      if (traced) {
        const spans = `span metrics of service ${traced.service}${
          traced.namespace ? ` in ${traced.namespace}` : ''
        }`;
        workloadFacts[tracing] = true;
        setOrigin(origins, ref, tracing, spans);
        workloadFacts[calls] = true;
        setOrigin(origins, ref, calls, spans);
      }
      if (mesh) {
        workloadFacts[calls] = true;
        setOrigin(
          origins,
          ref,
          calls,
          `${mesh.mesh} request metrics of workload ${mesh.namespace}/${mesh.workload}`,
        );
      }
    }
  }

  /**
   * Whether the platform alerts on the data stores' own metrics (MySQL, Redis and the like, from
   * their exporters), for every workload this Prometheus watches: some alerting rule reads them,
   * or none of its rules does.
   */
  private addDataStoreAlerting(
    rules: AlertRule[],
    facts: Map<string, WorkloadFacts>,
    origins: Map<string, Record<string, FactOrigin>>,
  ) {
    const onStores = rules.filter(rule => DATA_STORE_METRIC.test(rule.query));
    const id = FACTS.platform.capability('dataStoreAlerting');
    const from =
      onStores.length > 0
        ? `alerting rules on data-store metrics: ${onStores
            .map(r => `${r.group}/${r.name}`)
            .join(', ')}`
        : `none of ${rules.length} alerting rules reads a data store's metrics`;
    for (const [ref, workloadFacts] of facts) {
      workloadFacts[id] = onStores.length > 0;
      setOrigin(origins, ref, id, from);
    }
  }

  /**
   * Whether an alerting rule watches each workload, from the rules Prometheus evaluates (read
   * once a run). Left unknown where Prometheus has no alerting rules at all (alerts come from
   * elsewhere) or the rules cannot be read: the owner's declaration then stands.
   */
  private async addAlerting(
    state: RunState,
    facts: Map<string, WorkloadFacts>,
    targets: Map<string, LoadTarget>,
    origins: Map<string, Record<string, FactOrigin>>,
    signal?: AbortSignal,
  ) {
    const rules = await this.readOncePerRun(
      facts,
      state,
      signal,
      () => (state.rules ??= this.options.source.readAlertRules(signal)),
    );
    if (!rules?.length) return;
    this.addDataStoreAlerting(rules, facts, origins);
    const id = FACTS.practice('alerting');
    for (const [ref, workloadFacts] of facts) {
      const target = targets.get(ref)!;
      const watching = rules.filter(rule =>
        'selector' in target
          ? watchesSelector(rule, target.selector)
          : watches(rule, {
              namespace: target.namespace,
              name: target.workload,
            }),
      );
      workloadFacts[id] = watching.length > 0;
      setOrigin(
        origins,
        ref,
        id,
        watching.length > 0
          ? `alerting rules ${watching
              .map(r => `${r.group}/${r.name}`)
              .join(', ')}`
          : `none of ${rules.length} alerting rules names ${describeTarget(
              target,
            )}`,
      );
    }
  }
}
