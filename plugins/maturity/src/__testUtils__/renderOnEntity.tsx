import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { maturityApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeMaturityApi } from './fakeMaturityApi';

/** A catalog entity in the default namespace. */
export const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

/**
 * Renders `element` on `target`'s entity page, with `api` as the maturity API and the routes its
 * links lead to (an entity's page, the maturity page) mounted.
 */
export async function renderOnEntity(
  element: ReactElement,
  target: Entity,
  api: FakeMaturityApi,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={target}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/maturity': rootRouteRef,
      },
    },
  );
}
