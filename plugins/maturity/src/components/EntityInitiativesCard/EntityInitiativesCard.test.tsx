import { screen } from '@testing-library/react';
import { FakeMaturityApi, snapshot } from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityInitiativesCard } from './EntityInitiativesCard';

describe('EntityInitiativesCard', () => {
  it("lists the initiatives over the entity's groups with their progress", async () => {
    const api = new FakeMaturityApi({
      initiatives: [
        {
          id: 'retail-l3',
          name: 'Retail at L3',
          owner: 'group:default/retail',
          scope: 'group:default/retail',
          target: { level: 'L3' },
          deadline: '2099-01-31',
          source: 'api',
          progress: { cores: 16, coresMet: 4, share: 0.25 },
          groups: [],
          burndown: [],
          snapshot,
        },
      ],
    });
    await renderOnEntity(
      <EntityInitiativesCard />,
      entity('Component', 'cart'),
      api,
    );
    expect(await screen.findByText('Retail at L3')).toBeInTheDocument();
    expect(screen.getByLabelText('Retail at L3 progress')).toHaveTextContent(
      '25 % (4 of 16 cores)',
    );
    expect(
      screen.getByText(/^every workload at L3 or above · due 2099-01-31/),
    ).toBeInTheDocument();
    expect(api.calls).toContain('initiatives component:default/cart');
  });

  it('says so when no initiative covers the entity', async () => {
    await renderOnEntity(
      <EntityInitiativesCard />,
      entity('Component', 'cart'),
      new FakeMaturityApi({ initiatives: [] }),
    );
    expect(
      await screen.findByText('No initiative covers this entity.'),
    ).toBeInTheDocument();
  });
});
