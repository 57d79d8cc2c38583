import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { GroupScorecard } from '@internal/plugin-maturity-common';
import {
  cartScorecard,
  FakeMaturityApi,
  model,
  retailInsight,
  retailScorecard,
  snapshot,
} from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityMaturityContent } from './EntityMaturityContent';

const renderTab = (api: FakeMaturityApi, e: Entity) =>
  renderOnEntity(<EntityMaturityContent />, e, api);

describe('EntityMaturityContent', () => {
  it('lists every check of a workload, failing ones first, with facts and staleness', async () => {
    await renderTab(
      new FakeMaturityApi({
        scorecards: { 'component:default/cart': cartScorecard },
      }),
      entity('Component', 'cart'),
    );
    const table = (await screen.findByText('Checks')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(
        r =>
          within(r)
            .getAllByRole('cell')[0]
            .textContent?.split(/(?<=\w)(?=[A-Z])/)[0],
      ),
    ).toEqual([
      'Title of a-autoscaling',
      'Title of c-probes',
      'Title of b-utilisation',
      'Title of d-tracing',
    ]);
    expect(within(rows[2]).getByText('50 %')).toBeInTheDocument();
    // One fact per line, numbers to three decimals.
    expect(
      within(rows[2]).getByText('f.b-utilisation = 0.25'),
    ).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('prometheus.cpuP95 = 0.734'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText(/Based on stale facts/),
    ).toBeInTheDocument();
    // Measured or declared, and where from: a's fact came from the cluster, d's from an annotation.
    expect(within(rows[0]).getByText('Measured')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('cluster prod-a: Deployment shop/cart'),
    ).toBeInTheDocument();
    expect(within(rows[3]).getByText('Declared')).toBeInTheDocument();
    expect(
      within(rows[3]).getByText(
        'annotation maturity.cloudnative.dev/practices',
      ),
    ).toBeInTheDocument();
    expect(within(rows[1]).queryByText(/Measured|Declared/)).toBeNull();
    expect(screen.getByLabelText('measured share')).toHaveTextContent('63 %');
    // 36.8 is short of L2's 40, and c-probes fails.
    expect(screen.getByLabelText('next level')).toHaveTextContent(
      'L2 needs a score of 40 and “Title of c-probes”',
    );
    await userEvent.type(
      within(table).getByPlaceholderText('Filter'),
      'cpuP95',
    );
    await waitFor(() =>
      expect(within(table).getAllByRole('row')).toHaveLength(2),
    );
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      'Title of b-utilisation',
    );
    expect(
      screen.getByRole('img', {
        name: /Dimension scores: Development 100\.0, Compute 12\.5, Architecture no data/,
      }),
    ).toBeInTheDocument();
  });

  it("ranks a department's members with the weight their cores give them and their 30-day change", async () => {
    const api = new FakeMaturityApi({
      scorecards: { 'group:default/retail': retailScorecard },
      leaderboard: () => ({
        level: 'team',
        by: 'score',
        currency: 'USD',
        window: '30d',
        snapshot,
        comparedTo: snapshot,
        total: 1,
        offset: 0,
        rows: [
          {
            ref: 'group:default/checkout',
            rank: 1,
            score: 60,
            platform: 60,
            business: 60,
            level: 'L3',
            cores: 12,
            workloads: 1,
            measuredShare: 0.5,
            scoreChange: 2.5,
            rankChange: 0,
            cost: null,
          },
        ],
      }),
    });
    await renderTab(api, entity('Group', 'retail'));
    const table = (await screen.findByText('Members')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // checkout carries 12 of the 16 weighted cores, pricing 4; legacy has no score and no weight.
    expect(within(rows[0]).getByText('75.0 %')).toBeInTheDocument();
    expect(within(rows[0]).getByText('+2.5')).toBeInTheDocument();
    expect(within(rows[1]).getByText('25.0 %')).toBeInTheDocument();
    expect(within(rows[2]).getByText('0.0 %')).toBeInTheDocument();
    expect(screen.getByText('3 (1 without weight)')).toBeInTheDocument();
    expect(api.calls).toContain(
      'leaderboard {"level":"team","department":"group:default/retail","window":"30d"}',
    );
  });

  it("shows what raises a department's score most, each check's adoption and its dimensions", async () => {
    const api = new FakeMaturityApi({
      scorecards: { 'group:default/retail': retailScorecard },
      insights: { 'group:default/retail': retailInsight },
      leaderboard: () => ({
        level: 'team',
        by: 'score',
        currency: 'USD',
        window: '30d',
        snapshot,
        comparedTo: null,
        total: 0,
        offset: 0,
        rows: [],
      }),
    });
    await renderTab(api, entity('Group', 'retail'));
    const table = (
      await screen.findByText('What raises this score most')
    ).closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Title of c-probes')).toBeInTheDocument();
    expect(within(rows[0]).getByText('+5.5')).toBeInTheDocument();
    // cart first: its fix adds 4.5 of the 5.5 points.
    expect(within(rows[0]).getByText('cart')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('+4.5 (fail, 12 cores)'),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('+1.0 (unknown, 4 cores)'),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('None you may read')).toBeInTheDocument();
    // Least adopted first; a check that applies to no core is left out.
    expect(
      screen.getByLabelText('Title of c-probes adoption'),
    ).toHaveTextContent('25 %');
    expect(
      screen.getByLabelText('Title of d-tracing adoption'),
    ).toHaveTextContent('75 %');
    expect(screen.queryByLabelText('Title of a-limits adoption')).toBeNull();
    expect(
      screen.getByRole('img', {
        name: 'Dimension scores: Development 70.0, Compute 45.0, Architecture 55.0, Data no data, Security 30.0',
      }),
    ).toBeInTheDocument();
  });

  it("counts the workloads outside every company on a company's tab", async () => {
    const company: GroupScorecard = {
      ...(retailScorecard as GroupScorecard),
      kind: 'company',
      ref: 'group:default/acme',
      unassignedWorkloads: 2,
    };
    const api = new FakeMaturityApi({
      scorecards: { 'group:default/acme': company },
    });
    await renderTab(api, entity('Group', 'acme'));
    expect(
      await screen.findByText(
        '3 (1 without weight); 2 unassigned (owner not a Group in the catalog)',
      ),
    ).toBeInTheDocument();
  });

  it('cuts 30 days from the history it loaded, and fetches a year', async () => {
    const api = new FakeMaturityApi({
      scorecards: { 'component:default/cart': cartScorecard },
    });
    await renderTab(api, entity('Component', 'cart'));
    // Loaded with the scorecard: the points of 60, 25, 15 and 1 days ago.
    expect(
      await screen.findByRole('img', { name: 'Score history, 4 points' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(
      await screen.findByRole('img', { name: 'Score history, 3 points' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '1 year' }));
    expect(
      await screen.findByRole('img', { name: 'Score history, 5 points' }),
    ).toBeInTheDocument();
    expect(api.calls.filter(c => c.startsWith('history'))).toEqual([
      'history component:default/cart 90',
      'history component:default/cart 365',
    ]);
  });

  it('explains which entities are scored when this one is not', async () => {
    await renderTab(new FakeMaturityApi({}), entity('API', 'cart-api'));
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
  });

  it("shows a platform's workloads and the platform checks measured on it", async () => {
    // d-tracing made a platform check: the one a workload on the cluster shows.
    const platformModel = {
      ...model,
      checks: model.checks.map(c =>
        c.id === 'd-tracing' ? { ...c, side: 'platform' as const } : c,
      ),
    };
    const platform: GroupScorecard = {
      kind: 'platform',
      ref: 'resource:default/prod-a',
      score: cartScorecard.score,
      platform: cartScorecard.platform,
      business: cartScorecard.business,
      level: cartScorecard.level,
      cores: 12,
      workloads: 1,
      unweightedWorkloads: 0,
      measuredShare: 0.625,
      dimensions: {
        development: null,
        compute: null,
        architecture: null,
        data: null,
        security: null,
      },
      adoption: {},
      members: [
        {
          kind: 'workload',
          ref: 'component:default/cart',
          rank: 1,
          score: cartScorecard.score,
          level: cartScorecard.level,
          cores: 12,
          workloads: 1,
        },
      ],
      snapshot,
    };
    await renderTab(
      new FakeMaturityApi({
        model: platformModel,
        scorecards: {
          'resource:default/prod-a': platform,
          'component:default/cart': cartScorecard,
        },
      }),
      entity('Resource', 'prod-a'),
    );
    const table = (await screen.findByText('Platform checks')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Title of d-tracing');
    expect(within(rows[0]).getByText('Declared')).toBeInTheDocument();
    expect(screen.getByText('Members')).toBeInTheDocument();
  });
});
