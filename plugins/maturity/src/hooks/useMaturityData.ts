import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  HistoryResponse,
  ModelResponse,
  Scorecard,
} from '@internal/plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../api';

const DAY_MS = 86_400_000;

/** The time `days` days ago, as the history routes take it. */
export const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY_MS).toISOString();

/** Whether an error means "nothing scored for this entity yet" rather than a failure. */
export function isNotScored(error: unknown): boolean {
  return error instanceof ResponseError
    ? error.statusCode === 404
    : (error as { statusCode?: number })?.statusCode === 404;
}

/** An entity's scorecard, its history over `days` and the model, fetched together. */
export function useScorecardData(entityRef: string, days: number) {
  const api = useApi(maturityApiRef);
  return useAsyncRetry(async (): Promise<{
    scorecard: Scorecard;
    history: HistoryResponse;
    model: ModelResponse;
  }> => {
    const [scorecard, history, model] = await Promise.all([
      api.getScorecard(entityRef),
      api.getHistory(entityRef, { from: daysAgo(days) }),
      api.getModel(),
    ]);
    return { scorecard, history, model };
  }, [api, entityRef, days]);
}
