import { screen } from '@testing-library/react';
import {
  EntityMaturityCard,
  EntityMaturityContent,
  maturityPlugin,
} from './plugin';
import {
  cartScorecard,
  FakeMaturityApi,
} from './__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from './__testUtils__/renderOnEntity';

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
    await renderOnEntity(
      <>
        <EntityMaturityCard />
        <EntityMaturityContent />
      </>,
      entity('Component', 'cart'),
      api,
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
