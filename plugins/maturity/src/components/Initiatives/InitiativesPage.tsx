import {
  Content,
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { CheckDefinition, Initiative } from '@internal/plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { COMPACT_HEADERS, noWrap } from '../tableStyles';
import { daysUntil, describeTarget } from './initiativeText';
import { InitiativeForm } from './InitiativeForm';
import { ProgressBar } from './ProgressBar';

const columns = (
  checks: readonly CheckDefinition[],
): TableColumn<Initiative>[] => [
  {
    title: 'Initiative',
    field: 'name',
    highlight: true,
    render: i => (
      <>
        <Link to={i.id}>{i.name}</Link>
        <Typography variant="caption" color="textSecondary" component="div">
          {describeTarget(i.target, checks)}
        </Typography>
      </>
    ),
  },
  {
    title: 'Scope',
    field: 'scope',
    cellStyle: noWrap(),
    render: i => <EntityRefLink entityRef={i.scope} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    cellStyle: noWrap(),
    render: i => <EntityRefLink entityRef={i.owner} />,
  },
  {
    title: 'Deadline',
    field: 'deadline',
    cellStyle: noWrap(),
    render: i => {
      const days = daysUntil(i.deadline);
      return (
        <>
          {i.deadline}
          <Typography variant="caption" color="textSecondary" component="div">
            {days >= 0 ? `${days} days left` : 'passed'}
          </Typography>
        </>
      );
    },
  },
  {
    title: 'Progress',
    field: 'progress',
    sorting: false,
    render: i => <ProgressBar progress={i.progress} label={i.name} />,
  },
  {
    title: 'Kept in',
    field: 'source',
    render: i => (i.source === 'config' ? 'app-config' : 'the database'),
  },
];

/**
 * Initiatives: goals with owners and deadlines, each with the core-weighted share of its scope
 * that meets its target, and a form to create one.
 */
export function InitiativesPage() {
  const api = useApi(maturityApiRef);
  const [creating, setCreating] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [list, model, departments] = await Promise.all([
      api.listInitiatives(),
      api.getModel(),
      api.getLeaderboard({ level: 'department' }),
    ]);
    const companies = await api.getLeaderboard({ level: 'company' });
    return {
      list,
      checks: model.checks,
      scopes: [
        ...companies.rows.map(r => r.ref),
        ...departments.rows.map(r => r.ref),
      ],
    };
  }, [api]);
  return (
    <Content>
      <ContentHeader title="Initiatives">
        <Button
          variant="contained"
          color="primary"
          onClick={() => setCreating(true)}
        >
          New initiative
        </Button>
        <SupportButton>
          Progress is the share of the scope's cores whose workloads meet the
          target, so a 2,000-core service counts a thousand times a 2-core one.
          Initiatives declared in app-config (maturity.initiatives) are changed
          there.
        </SupportButton>
      </ContentHeader>
      {loading && <Progress />}
      {error && <ErrorWithRetry error={error} retry={retry} />}
      {value && (
        <Table<Initiative>
          title="Initiatives by deadline"
          options={{
            paging: value.list.items.length > 20,
            pageSize: 20,
            search: true,
            padding: 'dense',
            headerStyle: COMPACT_HEADERS,
          }}
          columns={columns(value.checks)}
          data={value.list.items}
          emptyContent={
            <EmptyState
              missing="data"
              title="No initiatives yet"
              description="Set a goal for a company or department: a level, a score or checks to pass, with an owner and a deadline."
            />
          }
        />
      )}
      {value && (
        <InitiativeForm
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            retry();
          }}
          checks={value.checks}
          scopes={value.scopes}
        />
      )}
    </Content>
  );
}
