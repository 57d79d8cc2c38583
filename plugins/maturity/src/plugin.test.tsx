import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { rootRouteRef } from './routes';
import { maturityApiRef } from './api';
import {
  EntityMaturityCard,
  EntityMaturityContent,
  maturityPlugin,
} from './plugin';
import {
  cartScorecard,
  FakeMaturityApi,
} from './__testUtils__/fakeMaturityApi';

const cart = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart', namespace: 'default' },
  spec: {},
};

describe('legacy frontend exports', () => {
  it('declares the plugin with its API factory', () => {
    expect(maturityPlugin.getId()).toBe('maturity');
    expect([...maturityPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.maturity.api',
    ]);
  });

  it('render the card and the tab through their lazy extensions', async () => {
    const api = new FakeMaturityApi({
      scorecards: { 'component:default/cart': cartScorecard },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EntityProvider entity={cart}>
          <EntityMaturityCard />
          <EntityMaturityContent />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/maturity': rootRouteRef,
        },
      },
    );
    expect(
      await screen.findByText('Cloud-native maturity'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Checks')).toBeInTheDocument();
    expect(
      screen.getAllByLabelText('maturity score').map(e => e.textContent),
    ).toEqual(['36.8', '36.8']);
  });
});
