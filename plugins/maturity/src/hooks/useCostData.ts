import { useApi } from '@backstage/core-plugin-api';
import { CostWindow } from '@internal/plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../api';

/** An entity's cost view over a window. */
export function useCostData(entityRef: string, window: CostWindow) {
  const api = useApi(maturityApiRef);
  return useAsyncRetry(
    () => api.getCosts(entityRef, window),
    [api, entityRef, window],
  );
}
