import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { HistoryResponse } from '@internal/plugin-maturity-common';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import { daysAgo } from '../../hooks/useMaturityData';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { ScoreHistoryChart } from '../ScoreHistoryChart';

/** The days of history the Maturity tab loads with its scorecard. */
export const RECENT_DAYS = 90;

const RANGES = [
  { days: 30, label: '30 days' },
  { days: RECENT_DAYS, label: '90 days' },
  { days: 365, label: '1 year' },
];

/**
 * An entity's score over a range the reader picks. A range within the `recent` history the tab
 * loaded is cut from it; a longer one, the year a manager watches a trend over, is fetched.
 */
export function ScoreHistoryCard(props: {
  entityRef: string;
  recent: HistoryResponse;
}) {
  const { entityRef, recent } = props;
  const api = useApi(maturityApiRef);
  const [days, setDays] = useState(RECENT_DAYS);
  const longer = useAsyncRetry(
    async () =>
      days > RECENT_DAYS
        ? api.getHistory(entityRef, { from: daysAgo(days) })
        : undefined,
    [api, entityRef, days],
  );
  const from = daysAgo(days);
  const points =
    days > RECENT_DAYS
      ? longer.value?.points
      : recent.points.filter(p => p.at >= from);
  let body = <Progress />;
  if (longer.error)
    body = <ErrorWithRetry error={longer.error} retry={longer.retry} />;
  else if (points) body = <ScoreHistoryChart points={points} />;
  return (
    <InfoCard
      title="History"
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          onChange={(_event, value: number | null) => value && setDays(value)}
          aria-label="History range"
        >
          {RANGES.map(range => (
            <ToggleButton key={range.days} value={range.days}>
              {range.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      {body}
    </InfoCard>
  );
}
