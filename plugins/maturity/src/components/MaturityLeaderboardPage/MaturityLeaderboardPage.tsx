import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { WorkloadSummary } from '@internal/plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSearchParams } from 'react-router-dom';
import { maturityApiRef } from '../../api';
import { DepartmentSummary, summarizeDepartments } from './summarizeDepartments';

const refCell = (ref?: string) =>
  ref && ref.includes(':') ? <EntityRefLink entityRef={ref} /> : ref ?? '—';

const departmentColumns: TableColumn<DepartmentSummary>[] = [
  { title: 'Department', field: 'ref', render: row => refCell(row.ref) },
  { title: 'Workloads', field: 'workloads', type: 'numeric' },
  { title: 'Weighted cores', field: 'cores', type: 'numeric' },
  {
    title: 'Share of cores',
    field: 'coreShare',
    type: 'numeric',
    render: row => `${(row.coreShare * 100).toFixed(1)} %`,
  },
  { title: 'Without cores', field: 'unweighted', type: 'numeric' },
];

const workloadColumns: TableColumn<WorkloadSummary>[] = [
  { title: 'Workload', field: 'ref', render: row => refCell(row.ref) },
  { title: 'Product', field: 'product', render: row => refCell(row.product) },
  { title: 'Team', field: 'team', render: row => refCell(row.team) },
  { title: 'Department', field: 'department', render: row => refCell(row.department) },
  {
    title: 'Cores',
    field: 'cores',
    type: 'numeric',
    render: row => (row.cores === null ? 'unknown' : row.cores),
  },
  {
    title: 'Problems',
    field: 'problems',
    render: row => (row.problems.length ? row.problems.join('; ') : ''),
  },
];

/** The `/maturity` page: departments and workloads with the cores they weigh in with. @public */
export function MaturityLeaderboardPage() {
  const api = useApi(maturityApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const department = searchParams.get('department') ?? undefined;
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listWorkloads({ department }),
    [api, department],
  );
  const all = useAsyncRetry(() => api.listWorkloads(), [api]);

  let body: JSX.Element;
  if (loading || all.loading) {
    body = <Progress />;
  } else if (error || all.error) {
    body = (
      <>
        <ResponseErrorPanel error={(error ?? all.error)!} />
        <Button variant="outlined" onClick={() => { retry(); all.retry(); }}>
          Retry
        </Button>
      </>
    );
  } else if (!value || !all.value || all.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No workloads yet"
        description="The maturity backend lists every Component in the catalog. Register components, or wait for the first inventory refresh a few seconds after start-up."
      />
    );
  } else {
    const departments = summarizeDepartments(all.value.items);
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Table<DepartmentSummary>
            title="Departments by weighted CPU cores"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={departmentColumns}
            data={departments}
            onRowClick={(_e, row) =>
              row && row.ref.includes(':') && setSearchParams({ department: row.ref })
            }
          />
        </Grid>
        <Grid item xs={12}>
          <Table<WorkloadSummary>
            title={department ? `Workloads of ${department}` : 'All workloads'}
            subtitle={`${value.items.length} workloads, ${value.unweighted} without cores · inventory refreshed ${value.refreshedAt ? new Date(value.refreshedAt).toLocaleString() : 'never'}`}
            options={{ pageSize: 20, padding: 'dense' }}
            columns={workloadColumns}
            data={value.items}
          />
          {department && (
            <Button onClick={() => setSearchParams({})}>Show all departments</Button>
          )}
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Cloud-native maturity"
        subtitle="Workloads roll up to product, department and company, weighted by CPU cores"
      />
      <Content>
        <ContentHeader title="Leaderboard">
          <SupportButton>
            A department's score is the core-weighted mean over all of its workloads.
          </SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
}
