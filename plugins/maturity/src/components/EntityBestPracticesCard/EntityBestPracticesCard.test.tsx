import { screen, within } from '@testing-library/react';
import { PRACTICE_CASES } from '@internal/plugin-maturity-common';
import { FakeMaturityApi } from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityBestPracticesCard } from './EntityBestPracticesCard';

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
    await renderOnEntity(
      <EntityBestPracticesCard />,
      entity('Component', 'cart'),
      api,
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
      within(items[0]).getByText('stability (availability) 0.9995 → 0.99995'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Yangshipin/)).not.toBeInTheDocument();
  });
});
