import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MaturityClient, maturityApiRef } from './api';
import { rootRouteRef } from './routes';

/** The maturity frontend plugin for the legacy frontend system. @public */
export const maturityPlugin = createPlugin({
  id: 'maturity',
  apis: [
    createApiFactory({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MaturityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The suite's page, to mount at a route such as `/maturity`: the leaderboard, and the
 * best-practice cases under `/practices`.
 * @public
 */
export const MaturityPage: () => JSX.Element = maturityPlugin.provide(
  createRoutableExtension({
    name: 'MaturityPage',
    component: () =>
      import('./components/MaturityPage').then(m => m.MaturityPage),
    mountPoint: rootRouteRef,
  }),
);

/** The maturity card for an entity's overview page. @public */
export const EntityMaturityCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () =>
        import('./components/EntityMaturityCard').then(
          m => m.EntityMaturityCard,
        ),
    },
  }),
);

/** The Maturity tab for Component, System and Group pages (mount under `/maturity`). @public */
export const EntityMaturityContent: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityContent',
    component: {
      lazy: () =>
        import('./components/EntityMaturityContent').then(
          m => m.EntityMaturityContent,
        ),
    },
  }),
);

/** Three best-practice cases that fit the entity's gaps, for its overview page. @public */
export const EntityBestPracticesCard: () => JSX.Element =
  maturityPlugin.provide(
    createComponentExtension({
      name: 'EntityBestPracticesCard',
      component: {
        lazy: () =>
          import('./components/EntityBestPracticesCard').then(
            m => m.EntityBestPracticesCard,
          ),
      },
    }),
  );

/** What the entity costs, its waste and potential saving, for its overview page. @public */
export const EntityCostCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityCostCard',
    component: {
      lazy: () =>
        import('./components/EntityCostCard').then(m => m.EntityCostCard),
    },
  }),
);

/** The initiatives whose scope holds the entity, with their progress, for its overview page. @public */
export const EntityInitiativesCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityInitiativesCard',
    component: {
      lazy: () =>
        import('./components/EntityInitiativesCard').then(
          m => m.EntityInitiativesCard,
        ),
    },
  }),
);

/** The Cost tab for Component, System and Group pages (mount under `/cost`). @public */
export const EntityCostContent: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityCostContent',
    component: {
      lazy: () =>
        import('./components/EntityCostContent').then(m => m.EntityCostContent),
    },
  }),
);
