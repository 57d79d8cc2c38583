import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import BarChartIcon from '@material-ui/icons/BarChart';
import { MaturityClient, maturityApiRef } from '../api';
import { rootRouteRef } from '../routes';

const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MaturityClient({ discoveryApi, fetchApi }),
    }),
});

const leaderboardPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    title: 'Maturity',
    icon: <BarChartIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/MaturityPage').then(m =>
        compatWrapper(<m.MaturityPage />),
      ),
  },
});

const scoredKinds = { kind: { $in: ['component', 'system', 'group'] } };
// Platforms are ranked under the Resources that model them (a cluster, a VM estate).
const withPlatforms = {
  kind: { $in: ['component', 'system', 'group', 'resource'] },
};

const entityBestPracticesCard = EntityCardBlueprint.make({
  name: 'best-practices',
  params: {
    filter: scoredKinds,
    loader: () =>
      import('../components/EntityBestPracticesCard').then(m =>
        compatWrapper(<m.EntityBestPracticesCard />),
      ),
  },
});

const entityMaturityCard = EntityCardBlueprint.make({
  name: 'maturity',
  params: {
    filter: withPlatforms,
    loader: () =>
      import('../components/EntityMaturityCard').then(m =>
        compatWrapper(<m.EntityMaturityCard />),
      ),
  },
});

const entityInitiativesCard = EntityCardBlueprint.make({
  name: 'initiatives',
  params: {
    filter: scoredKinds,
    loader: () =>
      import('../components/EntityInitiativesCard').then(m =>
        compatWrapper(<m.EntityInitiativesCard />),
      ),
  },
});

const entityMaturityContent = EntityContentBlueprint.make({
  name: 'maturity',
  params: {
    path: '/maturity',
    title: 'Maturity',
    filter: withPlatforms,
    loader: () =>
      import('../components/EntityMaturityContent').then(m =>
        compatWrapper(<m.EntityMaturityContent />),
      ),
  },
});

const entityCostCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    filter: scoredKinds,
    loader: () =>
      import('../components/EntityCostCard').then(m =>
        compatWrapper(<m.EntityCostCard />),
      ),
  },
});

const entityCostContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    // A cluster's Resource shows the cluster's own cost: its nodes, allocated and idle.
    filter: withPlatforms,
    loader: () =>
      import('../components/EntityCostContent').then(m =>
        compatWrapper(<m.EntityCostContent />),
      ),
  },
});

const maturityLevelFilter = CatalogFilterBlueprint.make({
  name: 'maturity-level',
  params: {
    loader: () =>
      import('../components/EntityMaturityLevelPicker').then(m =>
        compatWrapper(<m.EntityMaturityLevelPicker />),
      ),
  },
});

/** The maturity plugin for the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'maturity',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    maturityApi,
    leaderboardPage,
    entityMaturityCard,
    entityBestPracticesCard,
    entityInitiativesCard,
    entityMaturityContent,
    entityCostCard,
    entityCostContent,
    maturityLevelFilter,
  ],
});
