import {
  Content,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  CostMember,
  CostResponse,
  CostWindow,
  HOURS_PER_MONTH,
  ResourceCost,
  ResourceRecommendation,
  WorkloadCostAdvice,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import {
  formatCores,
  formatMoney,
  formatMonthly,
  formatPercent,
} from '../../format';
import { useCostData } from '../../hooks/useCostData';
import { isNotScored } from '../../hooks/useMaturityData';
import { CostBasisNote } from '../CostBasisNote';
import { CostTrendChart } from '../CostTrendChart';
import { CostFigures } from '../CostFigures';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { costSummaryColumns } from '../costColumns';
import { COMPACT_HEADERS, noWrap } from '../tableStyles';
import { BudgetCard } from './BudgetCard';
import { ClusterCostSection, IdleShareCard } from './ClusterCost';

const WINDOWS: Array<{ id: CostWindow; label: string }> = [
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
];

const amount = (value: number | null, unit: string) =>
  value === null
    ? '—'
    : `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;

function ResourcesTable(props: {
  advice: WorkloadCostAdvice;
  currency: string;
}) {
  const { advice, currency } = props;
  type Row = ResourceCost & { resource: string; unit: string };
  const rows: Row[] = [
    { resource: 'CPU', unit: 'cores', ...advice.cpu },
    { resource: 'Memory', unit: 'GiB', ...advice.memory },
    ...(advice.gpu ? [{ resource: 'GPU', unit: 'GPUs', ...advice.gpu }] : []),
    ...(advice.storage
      ? [
          {
            resource: advice.storageClass
              ? `Volumes (${advice.storageClass})`
              : 'Volumes',
            unit: 'GiB',
            ...advice.storage,
          },
        ]
      : []),
  ];
  const columns: TableColumn<Row>[] = [
    { title: 'Resource', field: 'resource' },
    { title: 'Requested', render: r => amount(r.request, r.unit) },
    { title: 'Used (mean)', render: r => amount(r.usage, r.unit) },
    { title: 'Efficiency', render: r => formatPercent(r.efficiency) },
    { title: 'Cost', render: r => formatMonthly(r.hourlyCost, currency) },
    { title: 'Waste', render: r => formatMonthly(r.hourlyWaste, currency) },
  ];
  return (
    <Table<Row>
      title="What it holds and uses"
      subtitle="Cost is max(request, usage) × price; waste is the idle part of the request"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}

function RightSizingTable(props: {
  advice: WorkloadCostAdvice;
  currency: string;
}) {
  const { advice, currency } = props;
  type Row = ResourceRecommendation & { resource: string; unit: string };
  const rowsOf = (
    cpu: ResourceRecommendation | null,
    memory: ResourceRecommendation | null,
    container?: string,
  ): Row[] => {
    const of = container ? ` · ${container}` : '';
    return [
      ...(cpu ? [{ resource: `CPU${of}`, unit: 'cores', ...cpu }] : []),
      ...(memory ? [{ resource: `Memory${of}`, unit: 'GiB', ...memory }] : []),
    ];
  };
  const { containers, replicas } = advice.rightSizing;
  // Per container where Prometheus measured each; the workload's sum with more than one.
  const rows: Row[] = [
    ...(containers?.length === 1
      ? []
      : rowsOf(advice.rightSizing.cpu, advice.rightSizing.memory)),
    ...(containers ?? []).flatMap(c => rowsOf(c.cpu, c.memory, c.container)),
  ];
  if (rows.length === 0) {
    return (
      <InfoCard title="Right-sizing">
        <Typography variant="body2">
          Needs requests from Kubernetes and 7 days of usage from Prometheus;
          neither is known for this workload yet.
        </Typography>
      </InfoCard>
    );
  }
  const columns: TableColumn<Row>[] = [
    { title: 'Resource', field: 'resource' },
    { title: 'Request per replica', render: r => amount(r.current, r.unit) },
    { title: 'Recommended', render: r => amount(r.recommended, r.unit) },
    { title: 'Replicas', field: 'replicas', type: 'numeric' },
    {
      title: 'Saving',
      render: r =>
        r.monthlySaving >= 0
          ? `${formatMoney(r.monthlySaving, currency)}/mo`
          : `raise it: +${formatMoney(-r.monthlySaving, currency)}/mo`,
    },
    { title: 'Why', field: 'basis' },
  ];
  return (
    <>
      <Table<Row>
        title="Right-sizing"
        subtitle="Crane's recommender: p99 of usage over 7 days plus 15 %, per container in the busiest replica where measured; at least 0.1 core and 100 MiB; more memory after an OOM kill"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={rows}
      />
      {replicas && (
        <Box mt={2}>
          <InfoCard title="Replicas">
            <Typography variant="body2" aria-label="replica recommendation">
              {replicas.current} now
              {replicas.hpa
                ? ` (HPA ${replicas.hpa.min}–${replicas.hpa.max})`
                : ', no HPA'}
              ; recommended HPA {replicas.min}–{replicas.max} at a{' '}
              {replicas.targetUtilization} % CPU target.
            </Typography>
            <Typography variant="caption" color="textSecondary">
              Crane's replica recommendation: {replicas.basis}.
            </Typography>
          </InfoCard>
        </Box>
      )}
    </>
  );
}

function MembersTable(props: { members: CostMember[]; currency: string }) {
  const { members, currency } = props;
  const columns: TableColumn<CostMember>[] = [
    {
      title: 'Rank',
      field: 'rank',
      type: 'numeric',
      render: m => m.rank ?? '—',
    },
    {
      title: 'Name',
      field: 'ref',
      highlight: true,
      cellStyle: noWrap(),
      render: m => <EntityRefLink entityRef={m.ref} />,
    },
    ...costSummaryColumns<CostMember>(currency, m => m, {
      largestSavingFirst: true,
    }),
    {
      title: 'Cores',
      field: 'cores',
      type: 'numeric',
      render: m => formatCores(m.cores),
    },
    { title: 'Workloads', field: 'workloads', type: 'numeric' },
  ];
  return (
    <Table<CostMember>
      title="Members by potential saving"
      options={{
        paging: members.length > 20,
        pageSize: 20,
        search: true,
        padding: 'dense',
        headerStyle: COMPACT_HEADERS,
      }}
      columns={columns}
      data={members}
    />
  );
}

function Totals(props: { costs: CostResponse }) {
  const { totals, currency, window } = props.costs;
  const day = (iso: string) => new Date(iso).toLocaleDateString('en-CA');
  return (
    <Typography variant="body2" color="textSecondary">
      {WINDOWS.find(w => w.id === window)!.label}:{' '}
      {formatMoney(totals.cost, currency)} spent,{' '}
      {formatMoney(totals.waste, currency)} of it idle (
      {formatPercent(totals.wasteShare)}); mean of {totals.points} snapshot
      {totals.points === 1 ? '' : 's'} from {day(totals.from)} to{' '}
      {day(totals.to)} × {totals.hours} h.
    </Typography>
  );
}

/**
 * The Cost tab for Component, System and Group pages, and the Resources of clusters (mount under
 * `/cost`). @public
 */
export function EntityCostContent() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const [window, setWindow] = useState<CostWindow>('30d');
  const { value, loading, error, retry } = useCostData(
    stringifyEntityRef(entity),
    window,
  );
  const maturityTab = `${entityRoute(entityRouteParams(entity))}/maturity`;

  return (
    <Content>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
          <InputLabel id="maturity-cost-window-label">Window</InputLabel>
          <Select
            labelId="maturity-cost-window-label"
            label="Window"
            value={window}
            onChange={e => setWindow(e.target.value as CostWindow)}
          >
            {WINDOWS.map(w => (
              <MenuItem key={w.id} value={w.id}>
                {w.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {value && (
          <Typography variant="body2" color="textSecondary">
            Run rates are monthly ({HOURS_PER_MONTH} h) in {value.currency}.
          </Typography>
        )}
      </Box>
      {loading && <Progress />}
      {error && isNotScored(error) && (
        <EmptyState
          missing="data"
          title="Not priced yet"
          description="Costs appear once a scoring run has included this entity."
        />
      )}
      {error && !isNotScored(error) && (
        <ErrorWithRetry error={error} retry={retry} />
      )}
      {value && (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <InfoCard title="Cost now">
              <CostFigures costs={value} />
              <Box mt={2}>
                <Totals costs={value} />
              </Box>
              <Box mt={1}>
                <CostBasisNote costs={value} />
              </Box>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Cost and waste over 90 days">
              <CostTrendChart points={value.trend} currency={value.currency} />
            </InfoCard>
          </Grid>
          {value.workload && (
            <>
              <Grid item xs={12}>
                <ResourcesTable
                  advice={value.workload}
                  currency={value.currency}
                />
              </Grid>
              <Grid item xs={12}>
                <RightSizingTable
                  advice={value.workload}
                  currency={value.currency}
                />
              </Grid>
              <Grid item xs={12}>
                <InfoCard title="Elasticity">
                  <Typography variant="body2">
                    {value.workload.elasticity.reason}
                  </Typography>
                  {value.workload.elasticity.recommended && (
                    <Box mt={1}>
                      <Link to={maturityTab}>
                        On the Maturity tab: check{' '}
                        {value.workload.elasticity.checkId}
                      </Link>
                    </Box>
                  )}
                </InfoCard>
              </Grid>
            </>
          )}
          {value.budget && (
            <Grid item xs={12} md={6}>
              <BudgetCard budget={value.budget} currency={value.currency} />
            </Grid>
          )}
          {value.idle && (
            <Grid item xs={12} md={6}>
              <IdleShareCard idle={value.idle} currency={value.currency} />
            </Grid>
          )}
          {value.cluster && (
            <ClusterCostSection
              cluster={value.cluster}
              trend={value.clusterTrend ?? []}
              currency={value.currency}
              maturityTab={maturityTab}
            />
          )}
          {value.members && (
            <Grid item xs={12}>
              <MembersTable members={value.members} currency={value.currency} />
            </Grid>
          )}
        </Grid>
      )}
    </Content>
  );
}
