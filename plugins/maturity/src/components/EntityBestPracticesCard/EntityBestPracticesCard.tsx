import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import { isNotScored } from '../../hooks/useMaturityData';
import { rootRouteRef } from '../../routes';
import { CaseOutcomes } from '../CaseOutcomes';
import { ErrorWithRetry } from '../ErrorWithRetry';

/** The three published cases most relevant to this entity, each with why. @public */
export function EntityBestPracticesCard() {
  const { entity } = useEntity();
  const api = useApi(maturityApiRef);
  const root = useRouteRef(rootRouteRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.suggestPractices(stringifyEntityRef(entity)),
    [api, entity],
  );
  const deepLink = { link: `${root()}/practices`, title: 'All cases' };
  if (loading) {
    return (
      <InfoCard title="Best practices">
        <Progress />
      </InfoCard>
    );
  }
  if (error && !isNotScored(error)) {
    return (
      <InfoCard title="Best practices">
        <ErrorWithRetry error={error} retry={retry} />
      </InfoCard>
    );
  }
  const items = value?.items.slice(0, 3) ?? [];
  return (
    <InfoCard
      title="Best practices"
      subheader="Published cases that fit this entity's gaps"
      deepLink={deepLink}
    >
      {items.length === 0 ? (
        <EmptyState
          missing="data"
          title={error ? 'Not scored yet' : 'No gaps a case addresses'}
          description={
            error
              ? 'Suggestions appear once a scoring run has included this entity.'
              : 'Every dimension is at or above the target of 75.'
          }
        />
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {items.map(({ case: c, reason }) => (
            <li key={c.id} style={{ marginBottom: 12 }}>
              <Typography variant="subtitle2" component="h3">
                {c.organisation} · {c.category}
              </Typography>
              <Typography variant="body2">{reason}</Typography>
              <CaseOutcomes outcomes={c.outcomes} targets={c.targets} />
            </li>
          ))}
        </ol>
      )}
    </InfoCard>
  );
}
