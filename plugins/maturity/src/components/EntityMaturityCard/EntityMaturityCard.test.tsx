import { fireEvent, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  cartScorecard,
  FakeMaturityApi,
} from '../../__testUtils__/fakeMaturityApi';
import { renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityMaturityCard } from './EntityMaturityCard';

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'checkout', system: 'shop' },
});

const renderCard = (api: FakeMaturityApi, target = component('cart')) =>
  renderOnEntity(<EntityMaturityCard />, target, api);

describe('EntityMaturityCard', () => {
  it('shows score, level, sides, cores, weakest dimension and the three fixes worth most', async () => {
    await renderCard(
      new FakeMaturityApi({
        scorecards: { 'component:default/cart': cartScorecard },
      }),
    );
    expect(await screen.findByLabelText('maturity score')).toHaveTextContent(
      '36.8',
    );
    expect(screen.getByText('L1 · Build')).toBeInTheDocument();
    expect(
      screen.getByText(/Platform 50\.0 · Business 23\.5/),
    ).toBeInTheDocument();
    expect(screen.getByText(/12 cores \(declared\)/)).toBeInTheDocument();
    expect(screen.getByText(/Weakest dimension/)).toHaveTextContent(
      'Weakest dimension: Compute (12.5)',
    );
    // Gains: a-autoscaling 3·1 = 3, b-utilisation 2·0.5 = 1, c-probes 1·1 = 1 (ties by id).
    const fixes = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(fixes.map(li => li.textContent)).toEqual([
      'Title of a-autoscaling — Add an HPA.',
      'Title of b-utilisation (50 % credit) — Right-size requests.',
      'Title of c-probes — Add probes.',
    ]);
    expect(
      screen.getByRole('img', { name: 'Score history, 3 points' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('See every check and the history').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/component/cart/maturity');
  });

  it('tells the owner which annotation to add when the component is not scored yet', async () => {
    await renderCard(new FakeMaturityApi({}), component('new-service'));
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
    expect(
      screen.getByText(/maturity\.cloudnative\.dev\/cores/),
    ).toBeInTheDocument();
  });

  it('shows the error and retries on request', async () => {
    const api = new FakeMaturityApi({ failWith: new Error('backend down') });
    await renderCard(api);
    expect(await screen.findByText('Error: backend down')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('Error: backend down');
    expect(api.calls.filter(c => c.startsWith('scorecard'))).toHaveLength(2);
  });
});
