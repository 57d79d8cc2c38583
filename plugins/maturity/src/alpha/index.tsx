import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { compatWrapper, convertLegacyRouteRef } from '@backstage/core-compat-api';
import BarChartIcon from '@material-ui/icons/BarChart';
import { MaturityClient, maturityApiRef } from '../api';
import { rootRouteRef } from '../routes';

const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new MaturityClient({ discoveryApi, fetchApi }),
    }),
});

const leaderboardPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    title: 'Maturity',
    icon: <BarChartIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/MaturityLeaderboardPage').then(m =>
        compatWrapper(<m.MaturityLeaderboardPage />),
      ),
  },
});

const entityMaturityCard = EntityCardBlueprint.make({
  name: 'maturity',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityMaturityCard').then(m =>
        compatWrapper(<m.EntityMaturityCard />),
      ),
  },
});

/** The maturity plugin for the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'maturity',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [maturityApi, leaderboardPage, entityMaturityCard],
});
