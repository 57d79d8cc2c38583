import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DIMENSIONS,
  HeatmapLevel,
  HeatmapResponse,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Select from '@material-ui/core/Select';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { HeatmapQuery, maturityApiRef } from '../../api';
import { formatPercent, formatScore } from '../../format';
import { DepartmentSelect } from '../DepartmentSelect';
import { DownloadCsvButton } from '../DownloadCsvButton';
import { useQueryParams } from '../../hooks/useQueryParams';
import { ErrorWithRetry } from '../ErrorWithRetry';

/** A cell's colour: red where no core passes, amber half-way, green where every core does. */
export function adoptionColour(share: number): string {
  return `hsl(${Math.round(share * 120)}, 65%, 82%)`;
}

function Cell(props: {
  share: number | undefined;
  check: string;
  group: string;
}) {
  if (props.share === undefined)
    return (
      <TableCell
        align="center"
        aria-label={`${props.group}, ${props.check}: does not apply`}
      >
        <Typography variant="caption" color="textSecondary">
          —
        </Typography>
      </TableCell>
    );
  return (
    <TableCell
      align="center"
      aria-label={`${props.group}, ${props.check}: ${formatPercent(
        props.share,
      )}`}
      style={{
        background: adoptionColour(props.share),
        color: '#1a1a1a',
        whiteSpace: 'nowrap',
      }}
    >
      {formatPercent(props.share)}
    </TableCell>
  );
}

const short = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/** Checks down the side, grouped by dimension; groups across the top, best score first. */
function HeatmapTable(props: { map: HeatmapResponse }) {
  const { map } = props;
  return (
    <TableContainer component={Paper}>
      <Table size="small" aria-label="Check adoption heatmap">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            {map.rows.map(r => (
              <TableCell key={r.ref} align="center">
                <EntityRefLink entityRef={r.ref} title={short(r.ref)} />
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {formatScore(r.score)}
                </Typography>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {DIMENSIONS.flatMap(d => {
            const checks = map.checks.filter(c => c.dimension === d.id);
            if (checks.length === 0) return [];
            return [
              <TableRow key={d.id}>
                <TableCell colSpan={map.rows.length + 1}>
                  <Typography variant="overline">{d.title}</Typography>
                </TableCell>
              </TableRow>,
              ...checks.map(c => (
                <TableRow key={c.id}>
                  <TableCell>
                    {c.title}
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {c.side}
                    </Typography>
                  </TableCell>
                  {map.rows.map(r => (
                    <Cell
                      key={r.ref}
                      share={r.adoption[c.id]}
                      check={c.title}
                      group={short(r.ref)}
                    />
                  ))}
                </TableRow>
              )),
            ];
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const LEVELS: Array<{ id: HeatmapLevel; label: string }> = [
  { id: 'department', label: 'Departments' },
  { id: 'platform', label: 'Platforms' },
];

/**
 * Departments (or one department's teams, or the platforms) × checks: each cell the share of
 * the group's cores whose workloads pass the check, so a practice nobody has adopted stands out
 * across the company.
 */
export function Heatmap() {
  const api = useApi(maturityApiRef);
  const [params, update] = useQueryParams();
  const department = params.get('department') ?? '';
  const level: HeatmapLevel = department
    ? 'team'
    : LEVELS.find(l => l.id === params.get('level'))?.id ?? 'department';
  const query: HeatmapQuery = department
    ? { level: 'team', department }
    : { level };
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [map, departments] = await Promise.all([
      api.getHeatmap(query),
      level === 'department'
        ? undefined
        : api.getHeatmap({ level: 'department' }),
    ]);
    return {
      map,
      departments: (departments ?? map).rows.map(r => r.ref),
    };
  }, [api, level, department]);

  return (
    <Content>
      <ContentHeader title="Check adoption">
        <DownloadCsvButton
          fetchCsv={() => api.getHeatmapCsv(query)}
          filename={`heatmap-${level}.csv`}
        />
        <SupportButton>
          Each cell is the share of a group's cores, among those a check applies
          to, whose workloads pass it. A dash: the check applies to none of its
          workloads.
        </SupportButton>
      </ContentHeader>
      <Box display="flex" style={{ gap: 16 }} mb={2}>
        <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
          <InputLabel id="maturity-heatmap-level-label">Groups</InputLabel>
          <Select
            labelId="maturity-heatmap-level-label"
            label="Groups"
            value={level === 'team' ? 'department' : level}
            onChange={e =>
              update({ level: String(e.target.value), department: '' })
            }
          >
            {LEVELS.map(l => (
              <MenuItem key={l.id} value={l.id}>
                {l.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {level !== 'platform' && (
          <DepartmentSelect
            id="maturity-heatmap-department"
            label="Teams of"
            value={department}
            departments={value?.departments}
            onChange={d => update({ department: d, level: '' })}
          />
        )}
      </Box>
      {loading && <Progress />}
      {error && <ErrorWithRetry error={error} retry={retry} />}
      {value && !value.map.snapshot && (
        <EmptyState
          missing="data"
          title="No scores yet"
          description="The first scoring run starts a few seconds after the backend does; this page fills in when it finishes."
        />
      )}
      {value && value.map.snapshot && value.map.rows.length === 0 && (
        <EmptyState
          missing="data"
          title="Nothing to show"
          description="The heatmap lists only the groups you may read in the catalog."
        />
      )}
      {value && value.map.snapshot && value.map.rows.length > 0 && (
        <HeatmapTable map={value.map} />
      )}
    </Content>
  );
}
