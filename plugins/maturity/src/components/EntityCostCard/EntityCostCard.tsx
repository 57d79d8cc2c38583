import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { useCostData } from '../../hooks/useCostData';
import { isNotScored } from '../../hooks/useMaturityData';
import { CostBasisNote } from '../CostBasisNote';
import { CostFigures } from '../CostFigures';
import { ErrorWithRetry } from '../ErrorWithRetry';

const TITLE = 'Cost';

/** What the entity costs, how much of it is idle and what right-sizing would save. @public */
export function EntityCostCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error, retry } = useCostData(
    stringifyEntityRef(entity),
    '30d',
  );
  const tabLink = `${entityRoute(entityRouteParams(entity))}/cost`;

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Skeleton variant="text" width="60%" height={48} />
        <Skeleton variant="text" />
      </InfoCard>
    );
  }
  if (error && isNotScored(error)) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="data"
          title="Not priced yet"
          description="Costs appear once a scoring run has included this entity."
        />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        <ErrorWithRetry error={error ?? new Error('No data')} retry={retry} />
      </InfoCard>
    );
  }
  const hint = value.workload?.elasticity;
  return (
    <InfoCard
      title={TITLE}
      subheader={`Prices in ${value.currency}`}
      deepLink={{ link: tabLink, title: 'Cost details' }}
      variant="gridItem"
    >
      <CostFigures costs={value} />
      <Box mt={1}>
        <CostBasisNote costs={value} />
      </Box>
      {hint?.recommended && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          Scale horizontally: {hint.reason}
        </Typography>
      )}
      <Box mt={1}>
        <Link to={tabLink}>Right-sizing, members and the trend</Link>
      </Box>
    </InfoCard>
  );
}
