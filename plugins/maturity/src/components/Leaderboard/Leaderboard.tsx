import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  LeaderboardOrder,
  LeaderboardRow,
  RollUpLevel,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api';
import {
  formatChange,
  formatCores,
  formatPercent,
  formatScore,
} from '../../format';
import { costSummaryColumns } from '../costColumns';
import { DepartmentSelect } from '../DepartmentSelect';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { useQueryParams } from '../../hooks/useQueryParams';
import { LevelBadge } from '../LevelBadge';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { COMPACT_HEADERS, noWrap } from '../tableStyles';

const LEVELS: Array<{ id: RollUpLevel; label: string }> = [
  { id: 'company', label: 'Company' },
  { id: 'department', label: 'Departments' },
  { id: 'team', label: 'Teams' },
  { id: 'product', label: 'Products' },
  { id: 'platform', label: 'Platforms' },
];
const WINDOWS = ['7d', '30d', '90d'];
const ORDERS: Array<{ id: LeaderboardOrder; label: string }> = [
  { id: 'score', label: 'Score' },
  { id: 'savings', label: 'Potential saving' },
  { id: 'waste', label: 'Waste share' },
];

function RankChange({ change }: { change: number }) {
  if (change === 0) return <span aria-label="rank unchanged">=</span>;
  return change > 0 ? (
    <span aria-label={`up ${change}`}>▲ {change}</span>
  ) : (
    <span aria-label={`down ${-change}`}>▼ {-change}</span>
  );
}

// The change of rank sits under the rank rather than in a column of its own: with ten columns
// the table overflowed a 1,400-pixel page.
const rankColumns: TableColumn<LeaderboardRow>[] = [
  {
    title: 'Rank',
    field: 'rank',
    type: 'numeric',
    render: r => (
      <>
        {r.rank ?? '—'}
        {r.rankChange !== null && (
          <Typography variant="caption" color="textSecondary" component="div">
            <RankChange change={r.rankChange} />
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Name',
    field: 'ref',
    highlight: true,
    cellStyle: noWrap(),
    render: r => <EntityRefLink entityRef={r.ref} />,
  },
];

const scoreColumns: TableColumn<LeaderboardRow>[] = [
  ...rankColumns,
  {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: r => formatScore(r.score),
  },
  {
    title: 'Level',
    field: 'level',
    render: r => <LevelBadge level={r.level} />,
  },
  {
    title: 'Δ score',
    field: 'scoreChange',
    type: 'numeric',
    render: r => formatChange(r.scoreChange),
  },
  {
    title: 'Platform',
    field: 'platform',
    type: 'numeric',
    render: r => formatScore(r.platform),
  },
  {
    title: 'Business',
    field: 'business',
    type: 'numeric',
    render: r => formatScore(r.business),
  },
  {
    title: 'Measured',
    field: 'measuredShare',
    type: 'numeric',
    render: r => (
      <span title="The share of the checks' weight that rests on measured facts rather than declarations, core-weighted">
        {formatPercent(r.measuredShare)}
      </span>
    ),
  },
  // The workload count sits under the cores: eleven columns overflowed a 1,400-pixel page.
  {
    title: 'Cores',
    field: 'cores',
    type: 'numeric',
    render: r => (
      <>
        <span>{formatCores(r.cores)}</span>
        <Typography variant="caption" color="textSecondary" component="div">
          {r.workloads} workload{r.workloads === 1 ? '' : 's'}
        </Typography>
      </>
    ),
  },
];

const costColumns = (currency: string): TableColumn<LeaderboardRow>[] => [
  ...rankColumns,
  ...costSummaryColumns<LeaderboardRow>(currency, r => r.cost),
  {
    title: 'Score',
    field: 'score',
    type: 'numeric',
    render: r => formatScore(r.score),
  },
  {
    title: 'Cores',
    field: 'cores',
    type: 'numeric',
    render: r => formatCores(r.cores),
  },
  { title: 'Workloads', field: 'workloads', type: 'numeric' },
];

function Movers(props: { rows: LeaderboardRow[]; window: string }) {
  const moved = props.rows.filter(
    r => r.scoreChange !== null && Math.abs(r.scoreChange) >= 0.05,
  );
  const up = [...moved]
    .sort((a, b) => b.scoreChange! - a.scoreChange!)
    .filter(r => r.scoreChange! > 0)
    .slice(0, 3);
  const down = [...moved]
    .sort((a, b) => a.scoreChange! - b.scoreChange!)
    .filter(r => r.scoreChange! < 0)
    .slice(0, 3);
  const list = (rows: LeaderboardRow[]) =>
    rows.length ? (
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {rows.map(r => (
          <li key={r.ref}>
            <EntityRefLink entityRef={r.ref} /> {formatChange(r.scoreChange)}
          </li>
        ))}
      </ol>
    ) : (
      <Typography variant="body2" color="textSecondary">
        None
      </Typography>
    );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Risers over ${props.window}`}>{list(up)}</InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Fallers over ${props.window}`}>{list(down)}</InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The leaderboard: departments, teams and products ranked by core-weighted score, or by
 * potential saving or waste share (the savings leaderboard).
 */
export function Leaderboard() {
  const api = useApi(maturityApiRef);
  const [params, update] = useQueryParams();
  const level = (LEVELS.find(l => l.id === params.get('level'))?.id ??
    'department') as RollUpLevel;
  const window = WINDOWS.includes(params.get('window') ?? '')
    ? params.get('window')!
    : '30d';
  const department = params.get('department') ?? '';
  const by = (ORDERS.find(o => o.id === params.get('by'))?.id ??
    'score') as LeaderboardOrder;

  // Platforms and companies are not in departments.
  const inDepartments = level !== 'platform' && level !== 'company';
  const query = {
    level,
    window,
    department: inDepartments ? department || undefined : undefined,
    by: by === 'score' ? undefined : by,
  };
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [board, departments] = await Promise.all([
      api.getLeaderboard(query),
      api.getLeaderboard({ level: 'department', window }),
    ]);
    return { board, departments: departments.rows.map(r => r.ref) };
  }, [api, level, window, department, by]);

  return (
    <Content>
      <ContentHeader title="Leaderboard">
        <DownloadCsvButton
          fetchCsv={() => api.getLeaderboardCsv(query)}
          filename={`leaderboard-${level}-by-${by}.csv`}
        />
        <SupportButton>
          Rank is by core-weighted score: a 2,000-core service moves its
          department a thousand times more than a 2-core one. Changes compare
          with the newest snapshot at least the chosen window old.
        </SupportButton>
      </ContentHeader>
      <Tabs
        value={level}
        onChange={(_e, next) => update({ level: next })}
        indicatorColor="primary"
        aria-label="Leaderboard level"
      >
        {LEVELS.map(l => (
          <Tab key={l.id} value={l.id} label={l.label} />
        ))}
      </Tabs>
      <Box display="flex" style={{ gap: 16 }} my={2}>
        <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
          <InputLabel id="maturity-by-label">Rank by</InputLabel>
          <Select
            labelId="maturity-by-label"
            label="Rank by"
            value={by}
            onChange={e =>
              update({
                by: e.target.value === 'score' ? '' : String(e.target.value),
              })
            }
          >
            {ORDERS.map(o => (
              <MenuItem key={o.id} value={o.id}>
                {o.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl variant="outlined" size="small" style={{ minWidth: 140 }}>
          <InputLabel id="maturity-window-label">Change over</InputLabel>
          <Select
            labelId="maturity-window-label"
            label="Change over"
            value={window}
            onChange={e => update({ window: String(e.target.value) })}
          >
            {WINDOWS.map(w => (
              <MenuItem key={w} value={w}>
                {w.replace('d', ' days')}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {inDepartments && (
          <DepartmentSelect
            id="maturity-department"
            label="Department"
            value={department}
            departments={value?.departments}
            onChange={d => update({ department: d })}
          />
        )}
      </Box>
      {loading && <Progress />}
      {error && <ErrorWithRetry error={error} retry={retry} />}
      {value && !value.board.snapshot && (
        <EmptyState
          missing="data"
          title="No scores yet"
          description="The first scoring run starts a few seconds after the backend does; this page fills in when it finishes."
        />
      )}
      {value && value.board.snapshot && (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <Table<LeaderboardRow>
              title={`${
                LEVELS.find(l => l.id === level)!.label
              } by ${ORDERS.find(o => o.id === by)!.label.toLocaleLowerCase(
                'en-US',
              )}`}
              subtitle={`Snapshot of ${new Date(
                value.board.snapshot.at,
              ).toLocaleString()} · ${
                value.board.comparedTo
                  ? `changes since ${new Date(
                      value.board.comparedTo.at,
                    ).toLocaleString()}`
                  : `no snapshot ${window} old yet, so no changes`
              }`}
              // Thousands of teams render one page at a time; sorting and search still see every row.
              options={{
                paging: value.board.rows.length > 50,
                pageSize: 50,
                pageSizeOptions: [50, 100, 200],
                search: true,
                padding: 'dense',
                headerStyle: COMPACT_HEADERS,
              }}
              columns={
                by === 'score'
                  ? scoreColumns
                  : costColumns(value.board.currency)
              }
              data={value.board.rows}
              emptyContent={
                <Box p={2}>
                  <Typography variant="body2" color="textSecondary">
                    No{' '}
                    {LEVELS.find(l => l.id === level)!.label.toLocaleLowerCase(
                      'en-US',
                    )}{' '}
                    to show here. The board lists only the groups you may read
                    in the catalog; ask your platform team if yours is missing.
                  </Typography>
                </Box>
              }
            />
          </Grid>
          {value.board.comparedTo && by === 'score' && (
            <Grid item xs={12}>
              <Movers rows={value.board.rows} window={window} />
            </Grid>
          )}
        </Grid>
      )}
    </Content>
  );
}
