import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { LeaderboardResponse } from '@internal/plugin-maturity-common';
import { maturityApiRef } from '../../api';
import { FakeMaturityApi, snapshot } from '../../__testUtils__/fakeMaturityApi';
import { Leaderboard } from './Leaderboard';

const row = (
  ref: string,
  rank: number,
  score: number,
  scoreChange: number | null,
  rankChange: number | null,
) => ({
  ref,
  rank,
  score,
  platform: score - 10,
  business: score + 10,
  level: 'L3' as const,
  cores: 100 * rank,
  workloads: rank,
  // 0.9 for the first, 0.8 for the second.
  measuredShare: 1 - rank / 10,
  scoreChange,
  rankChange,
  cost: null,
});

const board = (query: {
  level?: string;
  window?: string;
}): LeaderboardResponse => ({
  level: (query.level ?? 'department') as any,
  by: 'score',
  currency: 'USD',
  window: query.window ?? '30d',
  snapshot,
  comparedTo: { id: 2, at: '2026-10-20T06:00:00.000Z' },
  total: 2,
  offset: 0,
  rows:
    query.level === 'team'
      ? [
          row('group:default/checkout', 1, 70.04, 3.2, 1),
          row('group:default/ranking', 2, 64, -1.26, -1),
        ]
      : [
          row('group:default/commerce', 1, 77, 0, 0),
          row('group:default/search-ai', 2, 72.66, -4, -1),
        ],
});

async function renderPage(api: FakeMaturityApi, url = '/') {
  await renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <Leaderboard />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('Leaderboard', () => {
  it('ranks the company level too, and downloads the board shown as CSV', async () => {
    const api = new FakeMaturityApi({ leaderboard: board });
    await renderPage(api, '/?level=company&window=7d');
    expect(await screen.findByText('Company by score')).toBeInTheDocument();
    // A company is in no department: no department filter.
    expect(screen.queryByLabelText('Department')).toBeNull();
    URL.createObjectURL = jest.fn(() => 'blob:leaderboard');
    URL.revokeObjectURL = jest.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByRole('button', { name: 'Download CSV' });
    expect(api.calls).toContain(
      'leaderboard csv {"level":"company","window":"7d"}',
    );
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('reads level and window from the URL and shows ranks, changes and movers', async () => {
    const api = new FakeMaturityApi({ leaderboard: board });
    await renderPage(api, '/?level=team&window=7d');
    const table = (await screen.findByText('Teams by score')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('70.0')).toBeInTheDocument();
    expect(within(rows[0]).getByLabelText('up 1')).toBeInTheDocument();
    expect(within(rows[0]).getByText('+3.2')).toBeInTheDocument();
    expect(within(rows[1]).getByText('−1.3')).toBeInTheDocument();
    expect(within(rows[1]).getByText('200')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2 workloads')).toBeInTheDocument();
    // The share of each row's check weight that is measured.
    expect(within(rows[0]).getByText('90 %')).toBeInTheDocument();
    expect(within(rows[1]).getByText('80 %')).toBeInTheDocument();
    expect(screen.getByText('Risers over 7d')).toBeInTheDocument();
    expect(api.calls).toContain('leaderboard {"level":"team","window":"7d"}');
  });

  it('switches level through the tabs', async () => {
    const api = new FakeMaturityApi({ leaderboard: board });
    await renderPage(api);
    await screen.findByText('Departments by score');
    fireEvent.click(screen.getByRole('tab', { name: 'Teams' }));
    expect(await screen.findByText('Teams by score')).toBeInTheDocument();
    expect(api.calls).toContain('leaderboard {"level":"team","window":"30d"}');
  });

  it('ranks platforms on their own tab, without the department filter', async () => {
    const api = new FakeMaturityApi({ leaderboard: board });
    await renderPage(api, '/?department=group:default/commerce');
    await screen.findByText('Departments by score');
    expect(screen.getByLabelText('Department')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Platforms' }));
    expect(await screen.findByText('Platforms by score')).toBeInTheDocument();
    // Platforms are not in departments: the filter is neither shown nor sent.
    expect(screen.queryByLabelText('Department')).not.toBeInTheDocument();
    expect(api.calls).toContain(
      'leaderboard {"level":"platform","window":"30d"}',
    );
  });

  it('ranks by potential saving when the URL asks, with cost columns', async () => {
    const withCost = (
      ref: string,
      rank: number,
      hourlyCost: number,
      hourlyWaste: number,
      monthlySaving: number,
    ) => ({
      ...row(ref, rank, 60, null, null),
      cost: {
        hourlyCost,
        hourlyWaste,
        monthlySaving,
        efficiency: 0.4,
        wasteShare: hourlyWaste / hourlyCost,
      },
    });
    const api = new FakeMaturityApi({
      leaderboard: q => ({
        ...board(q),
        by: q.by ?? 'score',
        rows: [
          withCost('group:default/search-ai', 1, 2, 1.5, 900),
          withCost('group:default/commerce', 2, 1, 0.25, 40.5),
        ],
      }),
    });
    await renderPage(api, '/?by=savings');
    const table = (
      await screen.findByText('Departments by potential saving')
    ).closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    // 2/h is 1,460/mo, 1.5 of it idle: 75 %.
    expect(rows[0]).toHaveTextContent('$900/mo');
    expect(rows[0]).toHaveTextContent('$1,460/mo');
    expect(rows[0]).toHaveTextContent('75 %');
    expect(rows[1]).toHaveTextContent('$40.50/mo');
    expect(api.calls).toContain(
      'leaderboard {"level":"department","window":"30d","by":"savings"}',
    );
    expect(screen.queryByText(/Risers over/)).not.toBeInTheDocument();
  });

  it('says so when no run has finished yet', async () => {
    const api = new FakeMaturityApi({
      leaderboard: q => ({
        level: q.level ?? 'department',
        by: q.by ?? 'score',
        currency: 'USD',
        window: '30d',
        snapshot: null,
        comparedTo: null,
        total: 0,
        offset: 0,
        rows: [],
      }),
    });
    await renderPage(api);
    expect(await screen.findByText('No scores yet')).toBeInTheDocument();
  });

  it('explains an empty board: it lists only the groups the caller may read', async () => {
    const api = new FakeMaturityApi({
      leaderboard: q => ({ ...board(q), comparedTo: null, total: 0, rows: [] }),
    });
    await renderPage(api);
    expect(
      await screen.findByText(
        /No departments to show here\. The board lists only the groups you may read in the catalog/,
      ),
    ).toBeInTheDocument();
  });
});
