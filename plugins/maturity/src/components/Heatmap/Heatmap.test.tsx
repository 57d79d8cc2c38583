import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { HeatmapResponse } from '@internal/plugin-maturity-common';
import { HeatmapQuery, maturityApiRef } from '../../api';
import { FakeMaturityApi, snapshot } from '../../__testUtils__/fakeMaturityApi';
import { adoptionColour, Heatmap } from './Heatmap';

const checks: HeatmapResponse['checks'] = [
  {
    id: 'hpa-elastic',
    title: 'Scales with an HPA',
    dimension: 'compute',
    side: 'business',
  },
  {
    id: 'tracing',
    title: 'Traces requests',
    dimension: 'architecture',
    side: 'business',
  },
];
const map = (query: HeatmapQuery): HeatmapResponse =>
  query.level === 'team'
    ? {
        level: 'team',
        department: query.department,
        checks,
        rows: [
          {
            ref: 'group:default/ranking',
            score: 64,
            level: 'L3',
            cores: 40,
            workloads: 4,
            adoption: { 'hpa-elastic': 1, tracing: 0.5 },
          },
        ],
        snapshot,
      }
    : {
        level: 'department',
        checks,
        rows: [
          {
            ref: 'group:default/commerce',
            score: 77,
            level: 'L4',
            cores: 100,
            workloads: 10,
            adoption: { 'hpa-elastic': 0.8, tracing: 0.25 },
          },
          {
            ref: 'group:default/search-ai',
            score: 72.66,
            level: 'L3',
            cores: 60,
            workloads: 6,
            // No workload of search-ai has tracing in scope.
            adoption: { 'hpa-elastic': 0 },
          },
        ],
        snapshot,
      };

async function renderPage(api: FakeMaturityApi, url = '/') {
  await renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <Heatmap />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('Heatmap', () => {
  it('shows each check down the side and each department across, coloured by adoption', async () => {
    const api = new FakeMaturityApi({ heatmap: map });
    await renderPage(api);
    const table = await screen.findByRole('table', {
      name: 'Check adoption heatmap',
    });
    expect(within(table).getByText('commerce')).toBeInTheDocument();
    const cell = within(table).getByLabelText(
      'commerce, Traces requests: 25 %',
    );
    expect(cell).toHaveTextContent('25 %');
    expect(cell).toHaveStyle({ background: adoptionColour(0.25) });
    expect(
      within(table).getByLabelText(
        'search-ai, Traces requests: does not apply',
      ),
    ).toHaveTextContent('—');
    expect(
      within(table).getByLabelText('search-ai, Scales with an HPA: 0 %'),
    ).toBeInTheDocument();
    expect(api.calls).toEqual(['heatmap {"level":"department"}']);
  });

  it("shows one department's teams, and downloads what is shown as CSV", async () => {
    const api = new FakeMaturityApi({ heatmap: map });
    await renderPage(api, '/?department=group:default/search-ai');
    expect(
      await screen.findByLabelText('ranking, Traces requests: 50 %'),
    ).toBeInTheDocument();
    // jsdom has no object URLs; the download goes through them.
    URL.createObjectURL = jest.fn(() => 'blob:heatmap');
    URL.revokeObjectURL = jest.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByRole('button', { name: 'Download CSV' });
    expect(api.calls).toContain(
      'heatmap csv {"level":"team","department":"group:default/search-ai"}',
    );
  });

  it('colours from red where no core passes to green where all do', () => {
    expect(adoptionColour(0)).toBe('hsl(0, 65%, 82%)');
    expect(adoptionColour(0.5)).toBe('hsl(60, 65%, 82%)');
    expect(adoptionColour(1)).toBe('hsl(120, 65%, 82%)');
  });
});
