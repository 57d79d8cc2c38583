import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { InitiativeResponse } from '@internal/plugin-maturity-common';
import { Route, Routes } from 'react-router-dom';
import { maturityApiRef } from '../../api';
import { FakeMaturityApi, snapshot } from '../../__testUtils__/fakeMaturityApi';
import { InitiativeDetail } from './InitiativeDetail';
import { InitiativesPage } from './InitiativesPage';

// retail: 16 weighted cores, cart's 12 probed, pricing's 4 not.
const probes: InitiativeResponse = {
  id: 'probes',
  name: 'Probes everywhere',
  owner: 'group:default/retail',
  scope: 'group:default/retail',
  target: { checks: ['c-probes'] },
  deadline: '2099-03-31',
  source: 'config',
  progress: { cores: 16, coresMet: 12, share: 0.75 },
  groups: [
    {
      ref: 'group:default/pricing',
      kind: 'team',
      cores: 4,
      coresMet: 0,
      share: 0,
    },
    {
      ref: 'group:default/checkout',
      kind: 'team',
      cores: 12,
      coresMet: 12,
      share: 1,
    },
  ],
  burndown: [
    { at: '2026-11-01T06:00:00.000Z', cores: 16, coresMet: 0, share: 0 },
    { at: '2026-11-15T06:00:00.000Z', cores: 16, coresMet: 4, share: 0.25 },
    { at: '2026-12-01T06:00:00.000Z', cores: 16, coresMet: 12, share: 0.75 },
  ],
  snapshot,
};

const board = (level: any) => ({
  level,
  by: 'score' as const,
  currency: 'USD',
  window: '30d',
  snapshot,
  comparedTo: null,
  total: 1,
  offset: 0,
  rows: [
    {
      ref: level === 'company' ? 'group:default/acme' : 'group:default/retail',
      rank: 1,
      score: 50,
      platform: 50,
      business: 50,
      level: 'L3' as const,
      cores: 16,
      workloads: 3,
      measuredShare: 0.5,
      scoreChange: null,
      rankChange: null,
      cost: null,
    },
  ],
});

async function renderAt(api: FakeMaturityApi, url: string) {
  await renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <Routes>
        <Route path="/initiatives" element={<InitiativesPage />} />
        <Route path="/initiatives/:id" element={<InitiativeDetail />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('Initiatives', () => {
  it('lists initiatives with their target in words and their core-weighted progress', async () => {
    const api = new FakeMaturityApi({
      initiatives: [probes],
      leaderboard: q => board(q.level),
    });
    await renderAt(api, '/initiatives');
    const table = (await screen.findByText('Initiatives by deadline')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(within(row).getByText('Probes everywhere')).toBeInTheDocument();
    expect(
      within(row).getByText('every workload passing “Title of c-probes”'),
    ).toBeInTheDocument();
    expect(
      within(row).getByLabelText('Probes everywhere progress'),
    ).toHaveTextContent('75 % (12 of 16 cores)');
    expect(within(row).getByText('app-config')).toBeInTheDocument();
  });

  it('creates an initiative from the form, and shows why the backend refused one', async () => {
    const api = new FakeMaturityApi({
      initiatives: [],
      leaderboard: q => board(q.level),
    });
    await renderAt(api, '/initiatives');
    fireEvent.click(
      await screen.findByRole('button', { name: 'New initiative' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Name/), {
      target: { value: 'Retail at L4' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Owner/), {
      target: { value: 'group:default/retail' },
    });
    fireEvent.mouseDown(within(dialog).getByLabelText(/^Scope/));
    fireEvent.click(
      await screen.findByRole('option', { name: 'group:default/retail' }),
    );
    fireEvent.mouseDown(within(dialog).getByLabelText(/^Level/));
    fireEvent.click(await screen.findByRole('option', { name: 'L4 or above' }));
    fireEvent.change(within(dialog).getByLabelText(/^Deadline/), {
      target: { value: '2027-06-30' },
    });
    // Refused first, as for a caller without the permission: the backend's message is shown.
    const create = api.createInitiative.bind(api);
    api.createInitiative = async () => {
      throw new Error(
        'Creating an initiative needs the maturity.initiative.manage permission',
      );
    };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Creating an initiative needs the maturity.initiative.manage permission',
    );
    api.createInitiative = create;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(api.calls).toContain(
      `create initiative ${JSON.stringify({
        id: 'retail-at-l4',
        name: 'Retail at L4',
        owner: 'group:default/retail',
        scope: 'group:default/retail',
        target: { level: 'L4' },
        deadline: '2027-06-30',
      })}`,
    );
  }, 20_000);

  it("shows an initiative's groups furthest off first and its burndown", async () => {
    const api = new FakeMaturityApi({ initiatives: [probes] });
    await renderAt(api, '/initiatives/probes');
    expect(
      await screen.findByRole('img', {
        name: 'Burndown, 3 points, 4 cores to go',
      }),
    ).toBeInTheDocument();
    const table = screen
      .getByText('Departments and teams, furthest from the target first')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('pricing')).toBeInTheDocument();
    expect(within(rows[0]).getByText('4')).toBeInTheDocument();
    expect(within(rows[1]).getByText('checkout')).toBeInTheDocument();
    URL.createObjectURL = jest.fn(() => 'blob:initiative');
    URL.revokeObjectURL = jest.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByRole('button', { name: 'Download CSV' });
    expect(api.calls).toContain('initiative csv probes');
  });
});
