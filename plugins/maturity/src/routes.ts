import { createRouteRef } from '@backstage/core-plugin-api';

/** The leaderboard page, `/maturity` in the demo app. @public */
export const rootRouteRef = createRouteRef({ id: 'maturity' });
