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
    expect(screen.getByText('orders per second: 10,000')).toBeInTheDocument();
  });
});
