import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ClusterCost,
  ClusterCostTrendPoint,
  ClusterNodeType,
  IdleCostShare,
  NodeSignalAdvice,
  NodeUtilisation,
  ResourceAmounts,
  stringifyPlatformRef,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatMonthly, formatPercent } from '../../format';
import { CostTrendChart } from '../CostTrendChart';

const number = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: 1 });

const RESOURCES: Array<{
  key: keyof ResourceAmounts;
  cost: 'cpu' | 'memory' | 'gpu';
  label: string;
  unit: string;
}> = [
  { key: 'cpuCores', cost: 'cpu', label: 'CPU', unit: 'cores' },
  { key: 'memoryGiB', cost: 'memory', label: 'Memory', unit: 'GiB' },
  { key: 'gpus', cost: 'gpu', label: 'GPU', unit: 'GPUs' },
];

/** Capacity against what pods request, per resource, with what the idle part costs. */
function CapacityCard(props: { cluster: ClusterCost; currency: string }) {
  const { cluster, currency } = props;
  return (
    <InfoCard
      title="Capacity, allocated and idle"
      subheader={`${cluster.nodes} nodes cost ${formatMonthly(
        cluster.hourlyCost.total,
        currency,
      )}; ${formatMonthly(
        cluster.idleHourlyCost.total,
        currency,
      )} of it is idle capacity no pod requests`}
    >
      {RESOURCES.filter(r => cluster.capacity[r.key] > 0).map(r => {
        const capacity = cluster.capacity[r.key];
        const allocated = cluster.allocated[r.key];
        return (
          <Box key={r.key} mb={2} aria-label={`${r.label} capacity`}>
            <Typography variant="subtitle2">
              {r.label}: {number(allocated)} of {number(capacity)} {r.unit}{' '}
              allocated ({formatPercent(allocated / capacity)})
            </Typography>
            <LinearProgress
              variant="determinate"
              value={(100 * allocated) / capacity}
              aria-hidden
            />
            <Typography variant="body2" color="textSecondary">
              Idle: {number(cluster.idle[r.key])} {r.unit},{' '}
              {formatMonthly(cluster.idleHourlyCost[r.cost], currency)} of{' '}
              {formatMonthly(cluster.hourlyCost[r.cost], currency)} ·{' '}
              {number(cluster.allocatable[r.key])} {r.unit} allocatable to pods
            </Typography>
          </Box>
        );
      })}
    </InfoCard>
  );
}

function NodeTypesTable(props: { cluster: ClusterCost; currency: string }) {
  const { cluster, currency } = props;
  const columns: TableColumn<ClusterNodeType>[] = [
    { title: 'Node type', render: t => t.nodeType ?? 'unlabelled' },
    { title: 'Nodes', field: 'nodes', type: 'numeric' },
    { title: 'Zones', render: t => t.zones.join(', ') || '—' },
    {
      title: 'Capacity',
      render: t =>
        `${number(t.capacity.cpuCores)} cores, ${number(
          t.capacity.memoryGiB,
        )} GiB${t.capacity.gpus ? `, ${t.capacity.gpus} GPUs` : ''}`,
    },
    { title: 'Cost', render: t => formatMonthly(t.hourlyCost, currency) },
    {
      title: 'Idle',
      render: t => formatMonthly(t.idleHourlyCost, currency),
    },
  ];
  return (
    <Table<ClusterNodeType>
      title="Node types"
      subtitle="Each node's capacity at its node type's rates"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={cluster.nodeTypes}
    />
  );
}

function IdleSharesTable(props: { cluster: ClusterCost; currency: string }) {
  const { cluster, currency } = props;
  type Row = { ref?: string; hourlyCost: number };
  const rows: Row[] = [
    ...cluster.idleShares,
    ...(cluster.idleUnshared > 0 ? [{ hourlyCost: cluster.idleUnshared }] : []),
  ];
  const columns: TableColumn<Row>[] = [
    {
      title: 'Department',
      render: r =>
        r.ref ? (
          <EntityRefLink entityRef={r.ref} />
        ) : (
          'Pods in no department (system, not in the catalog)'
        ),
    },
    {
      title: 'Idle cost shared',
      render: r => formatMonthly(r.hourlyCost, currency),
    },
    {
      title: 'Share',
      render: r =>
        formatPercent(
          cluster.idleHourlyCost.total > 0
            ? r.hourlyCost / cluster.idleHourlyCost.total
            : null,
        ),
    },
  ];
  return (
    <Table<Row>
      title="Idle cost shared to departments"
      subtitle="In proportion to their requests of each resource (OpenCost's shareIdle)"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}

const share = (value: number | null) => formatPercent(value);

function Advice(props: { advice: NodeSignalAdvice; maturityTab: string }) {
  const { advice, maturityTab } = props;
  return (
    <Box mt={1}>
      <Typography variant="body2">{advice.reason}</Typography>
      <Link to={maturityTab}>On the Maturity tab: check {advice.check}</Link>
    </Box>
  );
}

function NodeSignalsCard(props: { cluster: ClusterCost; maturityTab: string }) {
  const { cluster, maturityTab } = props;
  const signals = cluster.signals;
  if (!signals)
    return (
      <InfoCard title="Node signals">
        <Typography variant="body2">
          Prometheus has no node exporter figures for this cluster's nodes, so
          the over-commit and rescheduling advice cannot be given.
        </Typography>
      </InfoCard>
    );
  const hot = signals.hotNodes;
  return (
    <InfoCard
      title="Node signals"
      subheader={`Utilisation maxima over the last hour and day (Crane's), ${signals.measuredNodes} of ${cluster.nodes} nodes measured`}
    >
      <Typography variant="body2" aria-label="busiest node">
        Busiest node: CPU {share(signals.busiest.cpuMax1h)} in the last hour,{' '}
        {share(signals.busiest.cpuMax1d)} in the day; memory{' '}
        {share(signals.busiest.memoryMax1h)} and{' '}
        {share(signals.busiest.memoryMax1d)}.
      </Typography>
      <Typography variant="body2">
        {hot.length} hot (above {share(signals.thresholds.hot)} in the last
        hour), {signals.coldNodes} cold (below {share(signals.thresholds.cold)}{' '}
        all day).
      </Typography>
      {hot.length > 0 && (
        <Box mt={1} component="ul" pl={2} m={0}>
          {hot.slice(0, 5).map((n: NodeUtilisation) => (
            <li key={n.node}>
              <Typography variant="body2">
                {n.node}: CPU {share(n.cpuMax1h)}, memory {share(n.memoryMax1h)}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Over-commit</Typography>
        <Advice advice={signals.overcommit} maturityTab={maturityTab} />
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2">Rescheduling</Typography>
        <Advice advice={signals.rescheduling} maturityTab={maturityTab} />
      </Box>
    </InfoCard>
  );
}

/** A cluster's own cost: its capacity, allocated and idle, its node types, who shares the idle. */
export function ClusterCostSection(props: {
  cluster: ClusterCost;
  trend: ClusterCostTrendPoint[];
  currency: string;
  maturityTab: string;
}) {
  const { cluster, trend, currency, maturityTab } = props;
  return (
    <>
      <Grid item xs={12}>
        <InfoCard title="The cluster's nodes over 90 days, and their idle part">
          <CostTrendChart
            points={trend.map(p => ({
              at: p.at,
              hourlyCost: p.hourlyCost,
              hourlyWaste: p.idleHourlyCost,
            }))}
            currency={currency}
            labels={{ cost: 'Nodes', waste: 'Idle' }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <CapacityCard cluster={cluster} currency={currency} />
      </Grid>
      <Grid item xs={12} md={6}>
        <NodeSignalsCard cluster={cluster} maturityTab={maturityTab} />
      </Grid>
      <Grid item xs={12}>
        <NodeTypesTable cluster={cluster} currency={currency} />
      </Grid>
      <Grid item xs={12} md={6}>
        <IdleSharesTable cluster={cluster} currency={currency} />
      </Grid>
    </>
  );
}

/** A group's share of the idle capacity of the clusters its workloads run on. */
export function IdleShareCard(props: {
  idle: IdleCostShare;
  currency: string;
}) {
  const { idle, currency } = props;
  return (
    <InfoCard
      title="Idle cluster capacity shared to it"
      subheader="Beside its workloads' cost, not part of it: the clusters' unrequested capacity, in proportion to its requests"
    >
      <Typography variant="h5" aria-label="idle cost shared">
        {formatMonthly(idle.hourlyCost.total, currency)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        CPU {formatMonthly(idle.hourlyCost.cpu, currency)}, memory{' '}
        {formatMonthly(idle.hourlyCost.memory, currency)}
        {idle.hourlyCost.gpu > 0 &&
          `, GPUs ${formatMonthly(idle.hourlyCost.gpu, currency)}`}
      </Typography>
      <Box mt={1}>
        {idle.clusters.map(c => (
          <Typography key={c.cluster} variant="body2">
            <EntityRefLink entityRef={stringifyPlatformRef(c.cluster)} />:{' '}
            {formatMonthly(c.hourlyCost, currency)}
          </Typography>
        ))}
      </Box>
    </InfoCard>
  );
}
