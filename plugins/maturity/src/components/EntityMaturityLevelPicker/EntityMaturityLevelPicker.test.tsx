import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import {
  EntityMaturityLevelFilter,
  EntityMaturityLevelPicker,
} from './EntityMaturityLevelPicker';

describe('EntityMaturityLevelPicker', () => {
  it('filters the catalog on the level label, starting from the URL', async () => {
    const updateFilters = jest.fn();
    await renderInTestApp(
      <MockEntityListContextProvider
        value={{
          updateFilters,
          queryParameters: { maturityLevel: ['L3'] } as any,
        }}
      >
        <EntityMaturityLevelPicker />
      </MockEntityListContextProvider>,
    );
    expect(screen.getByRole('checkbox', { name: 'L3 Scale' })).toBeChecked();
    fireEvent.click(screen.getByRole('checkbox', { name: 'L5 Adapt' }));
    const filter: EntityMaturityLevelFilter =
      updateFilters.mock.calls.at(-1)[0].maturityLevel;
    expect(filter.getCatalogFilters()).toEqual({
      'metadata.labels.maturity.cloudnative.dev/level': ['L3', 'L5'],
    });
    expect(filter.toQueryValue()).toEqual(['L3', 'L5']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'L3 Scale' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'L5 Adapt' }));
    expect(updateFilters).toHaveBeenLastCalledWith({
      maturityLevel: undefined,
    });
  });
});
