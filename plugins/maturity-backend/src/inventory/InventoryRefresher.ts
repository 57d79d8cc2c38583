import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MaturityStore } from '../database/MaturityStore';
import { buildInventory } from './buildInventory';

/** Default cadence of the inventory refresh; overridable at `maturity.inventory.schedule`. */
export const DEFAULT_INVENTORY_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 5 },
};

/** Reads Components and Groups from the catalog and replaces the stored inventory. */
export class InventoryRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: MaturityStore;
      logger: LoggerService;
    },
  ) {}

  async refresh(now: Date = new Date()): Promise<number> {
    const { catalog, auth, store, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: [{ kind: 'component' }, { kind: 'group' }],
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations', 'spec'],
      },
      { credentials },
    );
    const workloads = buildInventory(items);
    await store.replaceInventory(workloads, now);
    const withProblems = workloads.filter(w => w.problems.length > 0);
    for (const w of withProblems) {
      logger.warn(`Maturity inventory: ${w.problems.join('; ')}`);
    }
    logger.info(`Maturity inventory refreshed: ${workloads.length} workloads`);
    return workloads.length;
  }

  /**
   * Schedules the refresh through the scheduler service, so that with several backend replicas
   * on one database only one of them runs it each time.
   */
  async schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition = DEFAULT_INVENTORY_SCHEDULE,
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: 'maturity-inventory-refresh',
      ...schedule,
      fn: async () => {
        await this.refresh();
      },
    });
  }
}
