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
import {
  RetentionPolicy,
  SnapshotInfo,
  SnapshotStore,
  StoredFacts,
} from '../database/SnapshotStore';
import { buildInventory } from '../inventory/buildInventory';
import { buildSnapshotRows, ScoringModel, WorkloadEvidence } from './buildSnapshotRows';

/** Id of the scheduled scoring task; `POST /v1/runs` triggers it. */
export const SCORING_TASK_ID = 'maturity-scoring-run';

const isComponent = (e: Entity) => e.kind.toLocaleLowerCase('en-US') === 'component';

/** Requests × replicas from Kubernetes outrank the declared cores annotation. */
function withMeasuredCores(
  inventory: InventoryWorkload[],
  evidence: Map<string, WorkloadEvidence>,
): InventoryWorkload[] {
  return inventory.map(workload => {
    const measured = evidence.get(workload.ref)?.facts[FACTS.kubernetes.cores];
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
    },
  ) {}

  async run(now: Date = new Date()): Promise<SnapshotInfo> {
    const { snapshots, logger } = this.options;
    const startedAt = new Date();
    try {
      const snapshot = await this.scoreAndStore(now, startedAt);
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
        { entity, facts: {}, staleFacts: new Set(), staleSources: [], problems: [] },
      ]),
    );
    const freshFacts = await this.collectFacts(components, evidence, now);
    const inventory = withMeasuredCores(buildInventory(items), evidence);
    await inventoryStore.replaceInventory(inventory, startedAt);
    const rows = buildSnapshotRows({ inventory, evidence, model, cost: this.options.cost, now });
    return snapshots.saveSnapshot({
      startedAt,
      finishedAt: new Date(),
      rows,
      facts: freshFacts,
      liveRefs: [...evidence.keys()],
    });
  }

  private async collectFacts(
    components: Entity[],
    evidence: Map<string, WorkloadEvidence>,
    now: Date,
  ): Promise<StoredFacts[]> {
    const { collectors, snapshots, logger } = this.options;
    const fresh: StoredFacts[] = [];
    for (const collector of collectors) {
      let result;
      try {
        result = await collector.collect(components);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn(`Maturity fact collector '${collector.id}' failed; using its last facts: ${reason}`);
        result = { facts: new Map(), failures: new Map([...evidence.keys()].map(ref => [ref, reason])) };
      }
      const previous = result.failures?.size ? await snapshots.getLatestFacts(collector.id) : new Map();
      for (const [ref, item] of evidence) {
        const failure = result.failures?.get(ref);
        if (failure !== undefined) {
          const last = previous.get(ref);
          item.staleSources.push({
            collector: collector.id,
            reason: failure,
            ...(last ? { since: last.collectedAt.toISOString() } : {}),
          });
          if (last) {
            Object.assign(item.facts, last.facts);
            for (const id of Object.keys(last.facts)) item.staleFacts.add(id);
          }
          continue;
        }
        const facts = result.facts.get(ref);
        if (facts) {
          Object.assign(item.facts, facts);
          fresh.push({ ref, collector: collector.id, facts, collectedAt: now });
        }
        item.problems.push(...(result.problems?.get(ref) ?? []));
      }
    }
    return fresh;
  }
}
