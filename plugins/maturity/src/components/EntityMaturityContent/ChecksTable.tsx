import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  CheckResult,
  CheckStatus,
  DIMENSIONS,
  FactBasis,
  FactProvenance,
  ModelResponse,
  ruleFacts,
} from '@internal/plugin-maturity-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';

interface Row {
  id: string;
  title: string;
  dimension: string;
  side: string;
  weight: number;
  status: CheckStatus;
  credit: number | null;
  /** One `fact = value` per fact the check read, shown a line each. */
  facts: string[];
  basis?: FactBasis;
  /** Where the facts came from, a line each; with source and time in `sourcesInFull`. */
  sources: string[];
  sourcesInFull: string[];
  notes: string;
  remediation: string;
  cases: string[];
}

const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  partial: 'Partial',
  fail: 'Fail',
  'not-applicable': 'N/A',
  unknown: 'Unknown',
  waived: 'Waived',
};
// Failing checks first: they are what the reader can act on.
const STATUS_ORDER: CheckStatus[] = [
  'fail',
  'partial',
  'unknown',
  'waived',
  'pass',
  'not-applicable',
];

const factValue = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const showFact = ([id, value]: [string, unknown]) =>
  `${id} = ${
    typeof value === 'number' ? factValue.format(value) : JSON.stringify(value)
  }`;

const SOURCE_LABEL: Record<FactProvenance['source'], string> = {
  kubernetes: 'Kubernetes',
  prometheus: 'Prometheus',
  annotation: 'Annotation',
  catalog: 'Catalog',
  config: 'Config',
  'tech-insights': 'Tech Insights',
};

/** Where a fact was read, in a few words: its origin, else its source. */
const whereFrom = (p: FactProvenance) => p.from ?? SOURCE_LABEL[p.source];

/** Each distinct origin of the facts a check read, and the same with source and time. */
function sourcesOf(result: CheckResult): { short: string[]; full: string[] } {
  const all = Object.values(result.provenance ?? {});
  return {
    short: [...new Set(all.map(whereFrom))],
    full: [
      ...new Set(
        all.map(
          p =>
            `${SOURCE_LABEL[p.source]}: ${whereFrom(p)}, ${new Date(
              p.at,
            ).toLocaleString()}`,
        ),
      ),
    ],
  };
}

function notes(result: CheckResult, facts: string[]): string {
  const parts = [];
  if (result.waiver)
    parts.push(`Waived until ${result.waiver.until}: ${result.waiver.reason}`);
  if (result.stale) parts.push('Based on stale facts');
  if (result.status === 'unknown') {
    const missing = facts.filter(id => result.facts[id] === undefined);
    parts.push(`No data for ${(missing.length ? missing : facts).join(', ')}`);
  }
  return parts.join(' · ');
}

/**
 * Every check of a workload with its outcome, the facts behind it, and whether they were
 * measured or declared, from where and when.
 */
export function ChecksTable(props: {
  checks: CheckResult[];
  model: ModelResponse;
  /** Default `Checks`. */
  title?: string;
}) {
  const root = useRouteRef(rootRouteRef);
  const byId = new Map(props.model.checks.map(c => [c.id, c]));
  const dimensionTitle = new Map(DIMENSIONS.map(d => [d.id, d.title]));
  const rows: Row[] = props.checks
    .filter(r => byId.has(r.id))
    .map(r => {
      const check = byId.get(r.id)!;
      return {
        id: r.id,
        title: check.title,
        dimension: dimensionTitle.get(check.dimension) ?? check.dimension,
        side: check.side,
        weight: check.weight,
        status: r.status,
        credit: r.credit,
        facts: Object.entries(r.facts).map(showFact),
        basis: r.basis,
        sources: sourcesOf(r).short,
        sourcesInFull: sourcesOf(r).full,
        notes: notes(r, ruleFacts(check.rule)),
        remediation: check.remediation,
        cases: check.cases,
      };
    })
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        b.weight - a.weight,
    );

  const columns: TableColumn<Row>[] = [
    {
      title: 'Check',
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 260 },
      render: row => (
        <>
          <Typography variant="body2">{row.title}</Typography>
          {row.notes && (
            <Typography
              variant="caption"
              component="div"
              style={{ fontStyle: 'italic' }}
            >
              {row.notes}
            </Typography>
          )}
          {row.status !== 'pass' && row.status !== 'not-applicable' && (
            <Typography variant="caption" color="textSecondary" component="div">
              {row.remediation}
              {row.cases.length > 0 && ' Cases: '}
              {row.cases.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link to={`${root()}/practices?case=${id}`}>{id}</Link>
                </span>
              ))}
            </Typography>
          )}
        </>
      ),
    },
    // The side sits under the dimension: a column of its own pushed the facts off the page.
    {
      title: 'Dimension',
      field: 'dimension',
      render: row => (
        <>
          {row.dimension}
          <Typography variant="caption" color="textSecondary" component="div">
            {row.side}
          </Typography>
        </>
      ),
    },
    { title: 'Weight', field: 'weight', type: 'numeric' },
    {
      title: 'Status',
      field: 'status',
      customSort: (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
      render: row => (
        <Chip
          size="small"
          label={STATUS_LABEL[row.status]}
          variant={row.status === 'pass' ? 'default' : 'outlined'}
        />
      ),
    },
    {
      title: 'Basis',
      field: 'basis',
      render: row =>
        row.basis ? (
          <Tooltip
            title={
              row.sourcesInFull.length ? (
                <>
                  {row.sourcesInFull.map(line => (
                    <div key={line}>{line}</div>
                  ))}
                </>
              ) : (
                ''
              )
            }
          >
            <Chip
              size="small"
              label={row.basis === 'measured' ? 'Measured' : 'Declared'}
              color={row.basis === 'measured' ? 'primary' : 'default'}
              variant="outlined"
            />
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: 'Credit',
      field: 'credit',
      type: 'numeric',
      render: row =>
        row.credit === null ? '—' : `${Math.round(row.credit * 100)} %`,
    },
    {
      title: 'Facts',
      field: 'facts',
      // Wide enough for most `fact = value` lines whole: a fact id split across lines is hard to read.
      cellStyle: { minWidth: 240, overflowWrap: 'anywhere' },
      render: row =>
        row.facts.length ? (
          <>
            <code style={{ fontSize: 12 }}>
              {row.facts.map(line => (
                <div key={line}>{line}</div>
              ))}
            </code>
            {row.sources.map(line => (
              <Typography
                key={line}
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {line}
              </Typography>
            ))}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<Row>
      title={props.title ?? 'Checks'}
      options={{ paging: false, search: true, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}
