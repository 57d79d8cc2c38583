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
      factory: ({ discoveryApi, fetchApi }) => new MaturityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The leaderboard page, to mount at a route such as `/maturity`. @public */
export const MaturityLeaderboardPage = maturityPlugin.provide(
  createRoutableExtension({
    name: 'MaturityLeaderboardPage',
    component: () =>
      import('./components/MaturityLeaderboardPage').then(m => m.MaturityLeaderboardPage),
    mountPoint: rootRouteRef,
  }),
);

/** The maturity card for a Component's overview page. @public */
export const EntityMaturityCard = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () => import('./components/EntityMaturityCard').then(m => m.EntityMaturityCard),
    },
  }),
);
