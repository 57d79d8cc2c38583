import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FACTS } from '@internal/plugin-maturity-common';
import { MaturityFactCollector } from '@internal/plugin-maturity-node';
import { CostConfig } from '../config/readMaturityConfig';
import { InventoryWorkload, MaturityStore } from '../database/MaturityStore';
import { RetentionPolicy, SnapshotInfo, SnapshotStore } from '../database/SnapshotStore';
import { buildInventory } from '../inventory/buildInventory';
import { buildSnapshotRows, ScoringModel, WorkloadEvidence } from './buildSnapshotRows';
import { factsFromCollector, latestFact } from './storedDetail';

/** Id of the scheduled scoring task; `POST /v1/runs` triggers it. */
export const SCORING_TASK_ID = 'maturity-scoring-run';

const isComponent = (e: Entity) => e.kind.toLocaleLowerCase('en-US') === 'component';

/** Requests × replicas from Kubernetes outrank the declared cores annotation. */
function withMeasuredCores(
  inventory: InventoryWorkload[],
  evidence: Map<string, WorkloadEvidence>,
): InventoryWorkload[] {
  return inventory.map(workload => {
    const measured = latestFact(evidence.get(workload.ref)?.sources ?? [], FACTS.kubernetes.cores);
    return typeof measured === 'number'
      ? { ...workload, cores: measured, coresSource: 'kubernetes' }
      : workload;
  });
}

/**
 * One scoring run: read the catalog, refresh the inventory, collect facts, score, roll up and
 * store a snapshot. A collector that fails marks its facts stale and falls back to its last
 * good ones; only a failure of the run itself (catalog unreachable, database down) fails it, and
 * then the previous snapshot stays current and the failure is recorded.
 */
export class ScoringRunner {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      inventory: MaturityStore;
      snapshots: SnapshotStore;
      logger: LoggerService;
      collectors: MaturityFactCollector[];
      model: ScoringModel;
      cost: CostConfig;
      retention: RetentionPolicy;
      /** Called once a snapshot is stored and current. */
      onSnapshotSaved?: (snapshot: SnapshotInfo) => void;
    },
  ) {}

  async run(now: Date = new Date()): Promise<SnapshotInfo> {
    const { snapshots, logger } = this.options;
    const startedAt = new Date();
    try {
      const snapshot = await this.scoreAndStore(now, startedAt);
      this.options.onSnapshotSaved?.(snapshot);
      const pruned = await snapshots.pruneHistory(now, this.options.retention);
      const history =
        pruned.deleted || pruned.thinned
          ? `; history: ${pruned.deleted} snapshots deleted, ${pruned.thinned} thinned`
          : '';
      logger.info(`Maturity run ${snapshot.id} scored ${snapshot.workloads} workloads${history}`);
      return snapshot;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Maturity run failed; the previous snapshot stays current: ${message}`);
      await snapshots.recordFailedRun({ startedAt, finishedAt: new Date(), error: message });
      throw error;
    }
  }

  /** Schedules runs through the scheduler service: with several replicas, one runs each time. */
  async schedule(scheduler: SchedulerService, schedule: SchedulerServiceTaskScheduleDefinition) {
    await scheduler.scheduleTask({
      id: SCORING_TASK_ID,
      ...schedule,
      fn: async () => {
        await this.run();
      },
    });
  }

  private async scoreAndStore(now: Date, startedAt: Date): Promise<SnapshotInfo> {
    const { catalog, auth, inventory: inventoryStore, snapshots, model } = this.options;
    const { items } = await catalog.getEntities(
      { filter: [{ kind: 'component' }, { kind: 'group' }] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const components = items.filter(isComponent);
    const evidence = new Map<string, WorkloadEvidence>(
      components.map(entity => [
        stringifyEntityRef(entity),
        { entity, sources: [], staleFacts: new Set(), staleSources: [], problems: [] },
      ]),
    );
    await this.collectFacts(components, evidence, now);
    const inventory = withMeasuredCores(buildInventory(items), evidence);
    await inventoryStore.replaceInventory(inventory, startedAt);
    const rows = buildSnapshotRows({ inventory, evidence, model, cost: this.options.cost, now });
    return snapshots.saveSnapshot({
      startedAt,
      finishedAt: new Date(),
      rows,
    });
  }

  private async collectFacts(
    components: Entity[],
    evidence: Map<string, WorkloadEvidence>,
    now: Date,
  ): Promise<void> {
    const { collectors, logger } = this.options;
    for (const collector of collectors) {
      let result;
      try {
        result = await collector.collect(components);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn(`Maturity fact collector '${collector.id}' failed; using its last facts: ${reason}`);
        result = { facts: new Map(), failures: new Map([...evidence.keys()].map(ref => [ref, reason])) };
      }
      const previous = result.failures?.size ? await this.previousFacts(collector.id) : new Map();
      for (const [ref, item] of evidence) {
        const failure = result.failures?.get(ref);
        if (failure !== undefined) {
          const last = previous.get(ref);
          const since = last?.collectedAt.toISOString();
          item.staleSources.push({ collector: collector.id, reason: failure, ...(since ? { since } : {}) });
          if (last) {
            item.sources.push({ collector: collector.id, at: since!, facts: last.facts });
            for (const id of Object.keys(last.facts)) item.staleFacts.add(id);
          }
          continue;
        }
        const facts = result.facts.get(ref);
        // Copied once: an object grown fact by fact sits in V8's dictionary mode at ~2.5× the
        // memory of the copy, and the run keeps 100,000 of them until it is written.
        if (facts) item.sources.push({ collector: collector.id, at: now.toISOString(), facts: { ...facts } });
        item.problems.push(...(result.problems?.get(ref) ?? []));
      }
    }
  }

  /** What a collector gave each workload of the current snapshot: its fallback when it fails. */
  private async previousFacts(collector: string) {
    const { snapshots } = this.options;
    const found = new Map<string, NonNullable<ReturnType<typeof factsFromCollector>>>();
    const current = await snapshots.getCurrentSnapshot();
    if (!current) return found;
    for (const row of await snapshots.getScores(current.id, { levelKind: 'workload' })) {
      const facts = factsFromCollector(row.detail, collector);
      if (facts) found.set(row.ref, facts);
    }
    return found;
  }
}
