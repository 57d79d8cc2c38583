import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { maturityApiRef } from '../../api';
import { FakeMaturityApi } from '../../__testUtils__/fakeMaturityApi';
import { PracticesPage } from './PracticesPage';

describe('PracticesPage', () => {
  it('lists the cases of the dimension in the URL', async () => {
    const api = new FakeMaturityApi({});
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <PracticesPage />
      </TestApiProvider>,
      { routeEntries: ['/?dimension=security'] },
    );
    expect(await screen.findByText('1 cases')).toBeInTheDocument();
    expect(screen.getByText('Yangshipin (CCTV video)')).toBeInTheDocument();
    expect(api.calls).toContain('practices {"dimension":"security"}');
  });

  it('shows one case when the URL names it', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, new FakeMaturityApi({})]]}>
        <PracticesPage />
      </TestApiProvider>,
      { routeEntries: ['/?case=li-ning'] },
    );
    expect(await screen.findByText('1 cases')).toBeInTheDocument();
    // Li Ning's 10,000 orders a second is a goal the source states, shown as one, not a result;
    // and the handbook's own scenario tags.
    expect(
      screen.getByText('Target, not a result: orders saved per second: 10,000'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Scenarios: e-commerce · cost reduction and efficiency/,
      ),
    ).toBeInTheDocument();
  });
});
