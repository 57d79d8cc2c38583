import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CheckImpactSummary,
  InsightResponse,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import { formatChange, formatCores, formatPercent } from '../../format';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { COMPACT_HEADERS } from '../tableStyles';

/** Fixes shown per check; the answer carries up to 10. */
const FIXES_SHOWN = 3;

function Fixes(props: { impact: CheckImpactSummary }) {
  const { fixes, workloads } = props.impact;
  if (fixes.length === 0)
    return (
      <Typography variant="body2" color="textSecondary">
        None you may read
      </Typography>
    );
  return (
    <>
      {fixes.slice(0, FIXES_SHOWN).map(f => (
        <div key={f.ref}>
          <EntityRefLink entityRef={f.ref} defaultKind="component" />{' '}
          <Typography variant="caption" color="textSecondary" component="span">
            {formatChange(f.points)} ({f.status}, {formatCores(f.cores)} cores)
          </Typography>
        </div>
      ))}
      {workloads > FIXES_SHOWN && (
        <Typography variant="caption" color="textSecondary" component="div">
          {workloads - Math.min(FIXES_SHOWN, fixes.length)} more
        </Typography>
      )}
    </>
  );
}

const impactColumns: TableColumn<CheckImpactSummary>[] = [
  {
    title: 'Check',
    field: 'title',
    highlight: true,
  },
  {
    title: 'Adds',
    field: 'points',
    type: 'numeric',
    render: r => (
      <span title="Points the score gains if every weighted workload under it passed this check">
        {formatChange(r.points)}
      </span>
    ),
  },
  {
    title: 'Workloads to fix',
    field: 'workloads',
    type: 'numeric',
  },
  {
    title: 'Fix first',
    field: 'fixes',
    sorting: false,
    render: r => <Fixes impact={r} />,
  },
];

/** The checks whose fix would raise the group's score most, with the workloads to fix first. */
function WhatRaisesMost(props: { insight: InsightResponse }) {
  const { impact } = props.insight;
  return (
    <Table<CheckImpactSummary>
      title="What raises this score most"
      subtitle="Points the core-weighted score gains if every workload under it passed the check; the workloads whose fix adds most first"
      options={{
        paging: impact.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
        headerStyle: COMPACT_HEADERS,
      }}
      columns={impactColumns}
      data={impact}
      emptyContent={
        <Box p={2}>
          <Typography variant="body2" color="textSecondary">
            Every weighted workload under it passes every check it is scored on:
            nothing to raise.
          </Typography>
        </Box>
      }
    />
  );
}

/** Each check's adoption, least adopted first: the share of cores passing it. */
function Adoption(props: { insight: InsightResponse }) {
  const checks = props.insight.checks.filter(c => c.adoption !== null);
  return (
    <InfoCard
      title="Check adoption"
      subheader="Share of the cores each check applies to whose workloads pass it, least adopted first"
    >
      {checks.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No weighted workload has a check result yet.
        </Typography>
      ) : (
        <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {checks.map(c => (
            <Box component="li" key={c.id} mb={1}>
              <Box display="flex" justifyContent="space-between">
                <Typography variant="body2">{c.title}</Typography>
                <Typography variant="body2" aria-label={`${c.title} adoption`}>
                  {formatPercent(c.adoption)}
                </Typography>
              </Box>
              <LinearProgress
                variant="determinate"
                value={Math.round(c.adoption! * 100)}
                aria-hidden
              />
            </Box>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}

/** A group's insight: what raises its score most, and how widely each check is adopted. */
export function GroupInsight(props: { entityRef: string }) {
  const api = useApi(maturityApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getInsight(props.entityRef),
    [api, props.entityRef],
  );
  if (loading) return <Progress />;
  if (error || !value)
    return (
      <ErrorWithRetry error={error ?? new Error('No data')} retry={retry} />
    );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        <WhatRaisesMost insight={value} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <Adoption insight={value} />
      </Grid>
    </Grid>
  );
}
