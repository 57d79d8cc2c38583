import { screen } from '@testing-library/react';
import {
  cartCosts,
  FakeMaturityApi,
  retailCosts,
} from '../../__testUtils__/fakeMaturityApi';
import { entity, renderOnEntity } from '../../__testUtils__/renderOnEntity';
import { EntityCostCard } from './EntityCostCard';

const render = (api: FakeMaturityApi, target = entity('Component', 'cart')) =>
  renderOnEntity(<EntityCostCard />, target, api);

describe('EntityCostCard', () => {
  it('shows the monthly run rate, waste, efficiency, potential saving and the HPA hint', async () => {
    await render(
      new FakeMaturityApi({ costs: { 'component:default/cart': cartCosts } }),
    );
    // 0.467792 × 730 = 341.49; 138.02 saved a month.
    expect(await screen.findByLabelText('Run rate')).toHaveTextContent(
      '$341/mo',
    );
    expect(screen.getByLabelText('Waste')).toHaveTextContent('71 %');
    expect(screen.getByLabelText('Efficiency')).toHaveTextContent('29 %');
    expect(screen.getByLabelText('Potential saving')).toHaveTextContent(
      '$138/mo',
    );
    expect(
      screen.getByText(/Scale horizontally: .*38 % target/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Right-sizing, members and the trend').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/component/cart/cost');
  });

  it('says when a roll-up includes estimates from declared cores', async () => {
    await render(
      new FakeMaturityApi({ costs: { 'group:default/retail': retailCosts } }),
      entity('Group', 'retail'),
    );
    expect(
      await screen.findByText(/1 workload is priced on declared cores only/),
    ).toBeInTheDocument();
  });

  it('names the annotation that would price a workload known only by its declared cores', async () => {
    const declared = {
      ...cartCosts,
      workload: { ...cartCosts.workload!, basis: 'declared' as const },
    };
    await render(
      new FakeMaturityApi({ costs: { 'component:default/cart': declared } }),
    );
    expect(
      await screen.findByText(
        /Estimate: priced on the cores declared in maturity.cloudnative.dev\/cores/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/backstage.io\/kubernetes-id/)).toBeInTheDocument();
  });

  it('shows an empty state before the entity is priced and a retry on errors', async () => {
    await render(new FakeMaturityApi({}));
    expect(await screen.findByText('Not priced yet')).toBeInTheDocument();
  });
});
