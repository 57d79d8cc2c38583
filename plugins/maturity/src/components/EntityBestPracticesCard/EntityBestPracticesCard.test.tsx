import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { PRACTICE_CASES } from '@internal/plugin-maturity-common';
import { maturityApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { FakeMaturityApi } from '../../__testUtils__/fakeMaturityApi';
import { EntityBestPracticesCard } from './EntityBestPracticesCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart', namespace: 'default' },
  spec: {},
};
const suggestion = (id: string, reason: string) => ({
  case: PRACTICE_CASES.find(c => c.id === id)!,
  relevance: 1,
  reason,
  because: [],
});

describe('EntityBestPracticesCard', () => {
  it('shows the top three cases with their reason and measured outcomes', async () => {
    const api = new FakeMaturityApi({
      suggestions: [
        suggestion(
          'zuoyebang',
          'Your data score is 0; Zuoyebang: moved to containers.',
        ),
        suggestion('xiaohongshu', 'Your compute score is 50.'),
        suggestion('mininglamp', 'Your development score is 50.'),
        suggestion('yangshipin', 'Your security score is 0.'),
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityBestPracticesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/maturity': rootRouteRef } },
    );
    const items = within(await screen.findByRole('list')).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Zuoyebang · containers');
    expect(items[0]).toHaveTextContent(
      'Your data score is 0; Zuoyebang: moved to containers.',
    );
    expect(within(items[0]).getByText('cost −43 %')).toBeInTheDocument();
    expect(
      within(items[0]).getByText('availability 0.9995 → 0.99995'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Yangshipin/)).not.toBeInTheDocument();
  });
});
