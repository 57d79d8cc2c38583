import { fireEvent, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  cartCosts,
  FakeMaturityApi,
  retailCosts,
} from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityCostContent } from './EntityCostContent';

const render = (api: FakeMaturityApi, target: Entity) =>
  renderOnEntity(<EntityCostContent />, target, api);

describe('EntityCostContent', () => {
  it('breaks a workload down by resource, recommends requests and switches windows', async () => {
    const api = new FakeMaturityApi({
      costs: { 'component:default/cart': cartCosts },
    });
    await render(api, entity('Component', 'cart'));

    const held = (await screen.findByText('What it holds and uses')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const cpu = within(held).getByText('CPU').closest('tr')!;
    // 8 requested, 2 used: 25 %; 0.4/h is 292/mo, 0.3/h idle is 219/mo.
    expect(cpu).toHaveTextContent('8 cores');
    expect(cpu).toHaveTextContent('2 cores');
    expect(cpu).toHaveTextContent('25 %');
    expect(cpu).toHaveTextContent('$292/mo');
    expect(cpu).toHaveTextContent('$219/mo');

    const sizing = screen
      .getByText('Right-sizing')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const cpuAdvice = within(sizing).getByText('CPU').closest('tr')!;
    expect(cpuAdvice).toHaveTextContent('4 cores');
    expect(cpuAdvice).toHaveTextContent('2.3 cores');
    expect(cpuAdvice).toHaveTextContent('$124/mo');
    expect(
      screen.getByText(/scale on CPU with a 38 % target/),
    ).toBeInTheDocument();
    expect(screen.getByText(/mean of 2 snapshots/)).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Window'));
    fireEvent.click(await screen.findByRole('option', { name: 'Last 7 days' }));
    await screen.findByText(/Last 7 days: /);
    expect(api.calls).toEqual([
      'costs component:default/cart 30d',
      'costs component:default/cart 7d',
    ]);
  });

  it('lists the GPUs a workload holds, priced, their use unknown', async () => {
    const api = new FakeMaturityApi({
      costs: {
        'component:default/cart': {
          ...cartCosts,
          workload: {
            ...cartCosts.workload!,
            // 8 GPUs at 0.95 an hour: 7.6 an hour, 5,548 a month of 730 hours.
            gpu: {
              request: 8,
              usage: null,
              hourlyCost: 7.6,
              hourlyWaste: 0,
              efficiency: null,
            },
          },
        },
      },
    });
    await render(api, entity('Component', 'cart'));
    const held = (await screen.findByText('What it holds and uses')).closest(
      'div[class*="MuiPaper"]',
    ) as HTMLElement;
    const gpu = within(held).getByText('GPU').closest('tr')!;
    expect(gpu).toHaveTextContent('8 GPUs');
    expect(gpu).toHaveTextContent('$5,548/mo');
  });

  it("ranks a department's members by potential saving", async () => {
    await render(
      new FakeMaturityApi({ costs: { 'group:default/retail': retailCosts } }),
      entity('Group', 'retail'),
    );
    const table = (
      await screen.findByText('Members by potential saving')
    ).closest('div[class*="MuiPaper"]') as HTMLElement;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('checkout');
    expect(rows[0]).toHaveTextContent('$138/mo');
    expect(rows[1]).toHaveTextContent('pricing');
    // Names and money stay on one line; only the name is bold, though both cells share that style.
    const [, name, saving] = within(rows[0]).getAllByRole('cell');
    expect(name).toHaveStyle({ whiteSpace: 'nowrap', fontWeight: 700 });
    expect(saving).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(saving).not.toHaveStyle({ fontWeight: 700 });
    expect(screen.queryByText('Right-sizing')).not.toBeInTheDocument();
    // No budget, no budget card.
    expect(screen.queryByText(/^Budget for /)).not.toBeInTheDocument();
  });

  it("shows a department's month against its budget, and how far the forecast goes over", async () => {
    await render(
      new FakeMaturityApi({
        costs: {
          'group:default/retail': {
            ...retailCosts,
            budget: {
              month: '2026-11',
              monthly: 10_000,
              monthToDate: 7_200,
              forecast: 12_000,
              overBy: 2_000,
            },
          },
        },
      }),
      entity('Group', 'retail'),
    );
    expect(await screen.findByText('Budget for 2026-11')).toBeInTheDocument();
    expect(screen.getByLabelText('monthly budget')).toHaveTextContent(
      '$10,000',
    );
    expect(screen.getByLabelText('spent this month')).toHaveTextContent(
      'Spent so far: $7,200',
    );
    expect(screen.getByLabelText('month-end forecast')).toHaveTextContent(
      'Month-end forecast at the latest hourly cost: $12,000 — $2,000 over the budget',
    );
  });
});
