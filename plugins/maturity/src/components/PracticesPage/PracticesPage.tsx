import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CASE_CATEGORIES,
  DIMENSIONS,
  PracticeCase,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api';
import { CaseOutcomes } from '../CaseOutcomes';

const columns: TableColumn<PracticeCase>[] = [
  {
    title: 'Case',
    field: 'organisation',
    highlight: true,
    cellStyle: { minWidth: 220 },
    render: c => (
      <span id={`case-${c.id}`}>
        <Typography variant="body2">{c.organisation}</Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {c.industry}
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          component="div"
          style={{ fontStyle: 'italic' }}
        >
          {c.source}
        </Typography>
      </span>
    ),
  },
  { title: 'Category', field: 'category' },
  {
    title: 'Dimensions',
    field: 'dimensions',
    render: c => c.dimensions.join(', '),
  },
  {
    title: 'What they did',
    field: 'summary',
    cellStyle: { minWidth: 280 },
    render: c => (
      <>
        <Typography variant="body2">{c.summary}</Typography>
        {c.scenarios.length > 0 && (
          <Typography variant="caption" color="textSecondary" component="div">
            Scenarios: {c.scenarios.join(' · ')}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Outcomes',
    field: 'outcomes',
    cellStyle: { minWidth: 240 },
    render: c => <CaseOutcomes outcomes={c.outcomes} targets={c.targets} />,
  },
];

function Filter(props: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (v: string) => void;
}) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={props.id} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={props.id}
        label={props.label}
        displayEmpty
        value={props.value}
        onChange={e => props.onChange(String(e.target.value))}
      >
        <MenuItem value="">All</MenuItem>
        {props.options.map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** The catalogue of best-practice cases, filterable; filters live in the URL. @public */
export function PracticesPage() {
  const api = useApi(maturityApiRef);
  const [params, setParams] = useSearchParams();
  const dimension = params.get('dimension') ?? '';
  const category = params.get('category') ?? '';
  const highlighted = params.get('case');
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const { value, loading, error } = useAsync(
    () =>
      api.listPractices({
        dimension: dimension || undefined,
        category: category || undefined,
      }),
    [api, dimension, category],
  );
  const items =
    value?.items.filter(c => !highlighted || c.id === highlighted) ?? [];
  return (
    <Content>
      <ContentHeader title="Best-practice cases" />
      <Box display="flex" style={{ gap: 16 }} mb={2}>
        <Filter
          id="case-dimension"
          label="Dimension"
          value={dimension}
          options={DIMENSIONS.map(d => [d.id, d.title])}
          onChange={v => set('dimension', v)}
        />
        <Filter
          id="case-category"
          label="Category"
          value={category}
          options={CASE_CATEGORIES.map(c => [c, c])}
          onChange={v => set('category', v)}
        />
        {highlighted && (
          <Filter
            id="case-one"
            label="Case"
            value={highlighted}
            options={[[highlighted, highlighted]]}
            onChange={v => set('case', v)}
          />
        )}
      </Box>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && items.length === 0 && (
        <EmptyState missing="data" title="No case matches these filters" />
      )}
      {items.length > 0 && (
        <Table<PracticeCase>
          title={`${items.length} cases`}
          options={{ paging: false, search: true, padding: 'dense' }}
          columns={columns}
          data={items}
        />
      )}
    </Content>
  );
}
