import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { LevelId, ScorecardMember } from '@internal/plugin-maturity-common';
import Typography from '@material-ui/core/Typography';
import { formatChange, formatCores, formatScore } from '../../format';
import { LevelBadge } from '../LevelBadge';
import { noWrap } from '../tableStyles';

interface Row extends ScorecardMember {
  share: number;
  scoreChange: number | null;
}

/**
 * A roll-up's members, ranked, with the share of cores each one carries: that share is how much
 * it moves the parent's score.
 */
export function MembersTable(props: {
  members: ScorecardMember[];
  totalCores: number;
  changes: Map<string, number | null>;
}) {
  const rows: Row[] = props.members.map(m => ({
    ...m,
    share:
      props.totalCores > 0 && m.score !== null ? m.cores / props.totalCores : 0,
    scoreChange: props.changes.get(m.ref) ?? null,
  }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Rank',
      field: 'rank',
      type: 'numeric',
      defaultSort: 'asc',
      // Unscored members sort after every ranked one.
      customSort: (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity),
      render: r => r.rank ?? '—',
    },
    {
      title: 'Name',
      field: 'ref',
      highlight: true,
      cellStyle: noWrap(),
      // The level under the name rather than in a column of its own: nine columns overflowed the page.
      render: r => (
        <>
          <EntityRefLink entityRef={r.ref} defaultKind="component" />
          <Typography variant="caption" color="textSecondary" component="div">
            {r.kind}
          </Typography>
        </>
      ),
    },
    {
      title: 'Score',
      field: 'score',
      type: 'numeric',
      render: r => formatScore(r.score),
    },
    {
      title: 'Level',
      field: 'level',
      render: r => <LevelBadge level={r.level as LevelId | null} />,
    },
    {
      title: 'Change (30 d)',
      field: 'scoreChange',
      type: 'numeric',
      render: r => formatChange(r.scoreChange),
    },
    {
      title: 'Cores',
      field: 'cores',
      type: 'numeric',
      render: r => formatCores(r.cores),
    },
    {
      title: 'Weight in parent',
      field: 'share',
      type: 'numeric',
      render: r => `${(r.share * 100).toFixed(1)} %`,
    },
    { title: 'Workloads', field: 'workloads', type: 'numeric' },
  ];
  return (
    <Table<Row>
      title="Members"
      options={{
        paging: rows.length > 50,
        pageSize: 50,
        search: true,
        padding: 'dense',
      }}
      columns={columns}
      data={rows}
    />
  );
}
