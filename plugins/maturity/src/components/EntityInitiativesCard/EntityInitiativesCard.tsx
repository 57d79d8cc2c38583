import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { daysUntil, describeTarget } from '../Initiatives/initiativeText';
import { ProgressBar } from '../Initiatives/ProgressBar';

/** The initiatives whose scope holds this entity, each with its progress and deadline. @public */
export function EntityInitiativesCard() {
  const { entity } = useEntity();
  const api = useApi(maturityApiRef);
  const root = useRouteRef(rootRouteRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [list, model] = await Promise.all([
      api.listInitiatives(stringifyEntityRef(entity)),
      api.getModel(),
    ]);
    return { items: list.items, checks: model.checks };
  }, [api, entity]);
  const deepLink = { link: `${root()}/initiatives`, title: 'All initiatives' };
  return (
    <InfoCard title="Initiatives" deepLink={deepLink}>
      {loading && <Progress />}
      {error && <ErrorWithRetry error={error} retry={retry} />}
      {value && value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No initiative covers this entity.
        </Typography>
      )}
      {value?.items.map(i => {
        const days = daysUntil(i.deadline);
        return (
          <Box key={i.id} mb={2}>
            <Link to={`${root()}/initiatives/${i.id}`}>{i.name}</Link>
            <Typography variant="caption" color="textSecondary" component="div">
              {describeTarget(i.target, value.checks)} · due {i.deadline} (
              {days >= 0 ? `${days} days left` : 'passed'})
            </Typography>
            <ProgressBar progress={i.progress} label={i.name} />
          </Box>
        );
      })}
    </InfoCard>
  );
}
