import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  MATURITY_ANNOTATIONS,
  WorkloadSummary,
} from '@internal/plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';

function RefOrDash({ value }: { value?: string }) {
  return value ? <EntityRefLink entityRef={value} /> : <>—</>;
}

function CoresText({ workload }: { workload: WorkloadSummary }) {
  if (workload.cores === null) {
    return (
      <>
        unknown — carries no weight in roll-ups. Add the annotation{' '}
        <code>{MATURITY_ANNOTATIONS.cores}</code> (e.g. <code>"16"</code>).
      </>
    );
  }
  return (
    <>
      {workload.cores} ({workload.coresSource === 'annotation' ? 'declared' : workload.coresSource})
    </>
  );
}

/** The maturity card for a Component's overview page. @public */
export function EntityMaturityCard() {
  const { entity } = useEntity();
  const api = useApi(maturityApiRef);
  const ref = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listWorkloads(),
    [api],
  );

  if (loading) {
    return (
      <InfoCard title="Cloud-native maturity">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title="Cloud-native maturity">
        <ResponseErrorPanel error={error} />
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </InfoCard>
    );
  }
  const workload = value?.items.find(w => w.ref === ref);
  if (!workload) {
    return (
      <InfoCard title="Cloud-native maturity">
        <EmptyState
          missing="data"
          title="Not in the maturity inventory yet"
          description={
            value?.refreshedAt
              ? `The inventory was last refreshed at ${new Date(value.refreshedAt).toLocaleString()}; this component will appear after the next refresh.`
              : 'The maturity backend has not built its inventory yet; it does so a few seconds after start-up.'
          }
        />
      </InfoCard>
    );
  }
  const rows: Array<[string, JSX.Element]> = [
    ['CPU cores', <CoresText workload={workload} />],
    ['Product', <RefOrDash value={workload.product} />],
    ['Team', <RefOrDash value={workload.team} />],
    ['Department', <RefOrDash value={workload.department} />],
    ['Company', <RefOrDash value={workload.company} />],
  ];
  return (
    <InfoCard title="Cloud-native maturity" subheader="Where this workload counts, and how much">
      {workload.problems.map(problem => (
        <Alert severity="warning" key={problem}>
          {problem}
        </Alert>
      ))}
      <dl aria-label="maturity facts">
        {rows.map(([label, content]) => (
          <div key={label} style={{ display: 'flex', gap: 8, margin: '4px 0' }}>
            <Typography component="dt" variant="body2" style={{ fontWeight: 600, minWidth: 100 }}>
              {label}
            </Typography>
            <Typography component="dd" variant="body2" style={{ margin: 0 }}>
              {content}
            </Typography>
          </div>
        ))}
      </dl>
    </InfoCard>
  );
}
