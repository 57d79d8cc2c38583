import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { InitiativeResponse } from '@internal/plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { maturityApiRef } from '../../api';
import { formatCores } from '../../format';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { formatMoment, timeAxisProps } from '../timeAxis';
import { daysUntil, describeTarget } from './initiativeText';
import { ProgressBar } from './ProgressBar';

type GroupRow = InitiativeResponse['groups'][number];

const groupColumns: TableColumn<GroupRow>[] = [
  {
    title: 'Group',
    field: 'ref',
    highlight: true,
    render: g => (
      <>
        <EntityRefLink entityRef={g.ref} />
        <Typography variant="caption" color="textSecondary" component="div">
          {g.kind}
        </Typography>
      </>
    ),
  },
  {
    title: 'Progress',
    field: 'share',
    render: g => <ProgressBar progress={g} label={g.ref} />,
  },
  {
    title: 'Cores to go',
    field: 'cores',
    type: 'numeric',
    render: g => formatCores(g.cores - g.coresMet),
  },
];

/** The cores still short of the target, day by day: a burndown towards the deadline. */
function Burndown(props: { initiative: InitiativeResponse }) {
  const theme = useTheme();
  const data = props.initiative.burndown.map(p => ({
    t: Date.parse(p.at),
    remaining: Math.round((p.cores - p.coresMet) * 100) / 100,
  }));
  if (data.length < 2)
    return (
      <Typography variant="body2" color="textSecondary">
        {data.length === 0
          ? 'No snapshot in scope yet.'
          : 'One snapshot so far; the burndown appears after the next run.'}
      </Typography>
    );
  return (
    <div
      style={{ width: '100%', height: 260 }}
      role="img"
      aria-label={`Burndown, ${data.length} points, ${
        data[data.length - 1].remaining
      } cores to go`}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis
            {...timeAxisProps(data.map(d => d.t))}
            stroke={theme.palette.text.secondary}
          />
          <YAxis
            stroke={theme.palette.text.secondary}
            label={{
              value: 'cores to go',
              angle: -90,
              position: 'insideLeft',
              fill: theme.palette.text.secondary,
            }}
          />
          <Tooltip
            labelFormatter={t => formatMoment(Number(t))}
            formatter={(v: number) => [formatCores(v), 'cores to go']}
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
          />
          <Line
            type="stepAfter"
            dataKey="remaining"
            stroke={theme.palette.primary.main}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One initiative: its target, progress, burndown, and the departments and teams furthest off. */
export function InitiativeDetail() {
  const api = useApi(maturityApiRef);
  const { id } = useParams();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [initiative, model] = await Promise.all([
      api.getInitiative(id!),
      api.getModel(),
    ]);
    return { initiative, checks: model.checks };
  }, [api, id]);
  if (loading) return <Progress />;
  if (error || !value)
    return (
      <Content>
        <ErrorWithRetry error={error ?? new Error('No data')} retry={retry} />
      </Content>
    );
  const { initiative, checks } = value;
  const days = daysUntil(initiative.deadline);
  return (
    <Content>
      <ContentHeader title={initiative.name}>
        <DownloadCsvButton
          fetchCsv={() => api.getInitiativeCsv(initiative.id)}
          filename={`initiative-${initiative.id}.csv`}
        />
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <InfoCard title="Target">
            <Typography variant="body1">
              {describeTarget(initiative.target, checks)}, in{' '}
              <EntityRefLink entityRef={initiative.scope} />
            </Typography>
            <Typography variant="body2" color="textSecondary" paragraph>
              Owned by <EntityRefLink entityRef={initiative.owner} />; due{' '}
              {initiative.deadline} (
              {days >= 0 ? `${days} days left` : 'passed'})
            </Typography>
            <ProgressBar
              progress={initiative.progress}
              label={initiative.name}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard
            title="Burndown"
            subheader="Cores whose workloads are short of the target, at each day's snapshot"
          >
            <Burndown initiative={initiative} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <Table<GroupRow>
            title="Departments and teams, furthest from the target first"
            options={{
              paging: initiative.groups.length > 20,
              pageSize: 20,
              search: true,
              padding: 'dense',
            }}
            columns={groupColumns}
            data={initiative.groups}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
