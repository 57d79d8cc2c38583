import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { maturityPermissions } from '@internal/plugin-maturity-common';
import {
  MaturityFactCollector,
  maturityFactCollectorsExtensionPoint,
} from '@internal/plugin-maturity-node';
import { CatalogFactCollector } from './collectors/CatalogFactCollector';
import { PlatformFactCollector } from './collectors/PlatformFactCollector';
import { readMaturityConfig } from './config/readMaturityConfig';
import { DatabaseSnapshotStore } from './database/DatabaseSnapshotStore';
import { openDatabase } from './database/openDatabase';
import { SentNotifications } from './database/SentNotifications';
import { BudgetStore } from './database/BudgetStore';
import { Budgets } from './budgets/Budgets';
import { InitiativeStore } from './database/InitiativeStore';
import { Initiatives } from './initiatives/Initiatives';
import { MaturityNotifier } from './notifications/MaturityNotifier';
import { ScoringRunner } from './scoring/ScoringRunner';
import { createRouter } from './service/router';
import { EntityReadAccess } from './service/EntityReadAccess';
import { SnapshotResponseCache } from './service/SnapshotResponseCache';

/**
 * The maturity backend plugin: scores workloads on a schedule, keeps history and serves
 * `/api/maturity`.
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const collectors = new Map<string, MaturityFactCollector>();
    env.registerExtensionPoint(maturityFactCollectorsExtensionPoint, {
      addFactCollector(...added) {
        for (const collector of added) {
          if (collectors.has(collector.id)) {
            throw new Error(
              `Maturity fact collector '${collector.id}' is registered twice`,
            );
          }
          collectors.set(collector.id, collector);
        }
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const {
          auth,
          catalog,
          config,
          database,
          httpAuth,
          httpRouter,
          lifecycle,
          logger,
        } = deps;
        const { notifications, permissions, permissionsRegistry, scheduler } =
          deps;
        const settings = readMaturityConfig(config, {
          collectorFacts: [...collectors.values()].flatMap(c => c.facts ?? []),
        });
        const db = await openDatabase({ database });
        const snapshots = new DatabaseSnapshotStore(db);
        const model = {
          checks: settings.checks,
          levels: settings.levels,
          scorecards: settings.scorecards,
          weights: settings.weights,
          unknownAsZero: settings.unknownAsZero,
          declaredFacts: settings.declaredFacts,
        };
        // Shared by the runner and the routes: a run on this replica is answered from at once,
        // one on another replica within the cache's 5 s.
        const answers = new SnapshotResponseCache(snapshots);
        const initiatives = new Initiatives({
          snapshots,
          stored: new InitiativeStore(db),
          declared: settings.initiatives,
          checks: new Set(settings.checks.map(c => c.id)),
        });
        const budgets = new Budgets({
          declared: settings.budgets,
          stored: new BudgetStore(db),
        });
        const runner = new ScoringRunner({
          catalog,
          auth,
          snapshots,
          logger,
          model,
          onSnapshotSaved: () => answers.forgetCurrent(),
          cost: settings.cost,
          retention: settings.retention,
          deadlineMs: settings.runDeadlineMs,
          notifier: new MaturityNotifier({
            notifications,
            sent: new SentNotifications(db),
            snapshots,
            settings: settings.notifications,
            logger,
            checkTitles: new Map(settings.checks.map(c => [c.id, c.title])),
            initiatives,
            budgets,
            currency: settings.cost.prices.currency,
          }),
          waiverExpiryDays: settings.notifications.waiverExpiryDays,
          collectors: [
            new CatalogFactCollector(settings.catalogFacts),
            new PlatformFactCollector(settings.platforms),
            ...collectors.values(),
          ],
        });
        await runner.schedule(scheduler, settings.schedule, settings.history);
        // A run this replica was scoring when it died is recorded now, not left `running`.
        await snapshots.failDeadRuns(new Date());
        lifecycle.addShutdownHook(() => runner.stop());

        permissionsRegistry.addPermissions(maturityPermissions);
        httpRouter.use(
          await createRouter({
            snapshots,
            model,
            cases: settings.cases,
            currency: settings.cost.prices.currency,
            httpAuth,
            permissions,
            scheduler,
            answers,
            access: new EntityReadAccess({ httpAuth, permissions, catalog }),
            initiatives,
            budgets,
            // The run logs and records its own failure.
            runNow: () => void runner.run().catch(() => {}),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
