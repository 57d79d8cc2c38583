import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  GroupScorecard,
  HistoryResponse,
  ModelResponse,
  WorkloadScorecard,
} from '@internal/plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { LeaderboardQuery, maturityApiRef } from '../../api';
import { formatCores, formatPercent, formatScore } from '../../format';
import { isNotScored, useScorecardData } from '../../hooks/useMaturityData';
import { DimensionChart } from '../DimensionChart';
import { GroupInsight } from '../GroupInsight';
import { LevelBadge } from '../LevelBadge';
import { ErrorWithRetry } from '../ErrorWithRetry';
import { ChecksTable } from './ChecksTable';
import { MembersTable } from './MembersTable';
import { RECENT_DAYS, ScoreHistoryCard } from './ScoreHistoryCard';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Grid item xs={6} md={4}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** What the level above needs: its score band and the required checks not yet passed. */
function NextLevelFact(props: {
  scorecard: WorkloadScorecard;
  model?: ModelResponse;
}) {
  const { nextLevel, score } = props.scorecard;
  if (!nextLevel) return null;
  const title = (id: string) =>
    props.model?.checks.find(c => c.id === id)?.title ?? id;
  const needs = [
    ...(score !== null && score < nextLevel.minScore
      ? [`a score of ${nextLevel.minScore}`]
      : []),
    ...nextLevel.blockingChecks.map(id => `“${title(id)}”`),
  ];
  return (
    <Grid item xs={12}>
      <Typography variant="overline" color="textSecondary" component="div">
        Next level
      </Typography>
      <Typography variant="body2" component="div" aria-label="next level">
        {nextLevel.level} needs {needs.join(' and ')}
      </Typography>
    </Grid>
  );
}

function Summary(props: {
  scorecard: WorkloadScorecard | GroupScorecard;
  model?: ModelResponse;
}) {
  const s = props.scorecard;
  return (
    <InfoCard
      title="Score"
      subheader={`Snapshot of ${new Date(s.snapshot.at).toLocaleString()}`}
    >
      <Grid container spacing={2}>
        <Fact label="Score">
          <span aria-label="maturity score">{formatScore(s.score)}</span>
        </Fact>
        <Fact label="Level">
          <LevelBadge level={s.level} />
        </Fact>
        <Fact label="Cores">
          {formatCores(s.cores)}
          {s.kind === 'workload' &&
            ` (${s.coresSource === 'annotation' ? 'declared' : s.coresSource})`}
        </Fact>
        <Fact label="Platform">{formatScore(s.platform)}</Fact>
        <Fact label="Business">{formatScore(s.business)}</Fact>
        <Fact label="Measured">
          <span
            aria-label="measured share"
            title="The share of the checks' weight that rests on measured facts (Kubernetes, Prometheus) rather than declarations"
          >
            {formatPercent(s.measuredShare)}
          </span>
        </Fact>
        {s.kind === 'workload' ? (
          <>
            {(['product', 'team', 'department'] as const).map(key =>
              s[key] ? (
                <Fact key={key} label={key}>
                  <EntityRefLink entityRef={s[key]!} />
                </Fact>
              ) : null,
            )}
            {s.scorecard && (
              <Fact label="Scorecard">
                <span title="The check set its kind is scored on (maturity.scorecards)">
                  {s.scorecard}
                </span>
              </Fact>
            )}
            <NextLevelFact scorecard={s} model={props.model} />
          </>
        ) : (
          <Fact label="Workloads">
            {s.workloads}
            {s.unweightedWorkloads > 0 &&
              ` (${s.unweightedWorkloads} without weight)`}
            {s.unassignedWorkloads
              ? `; ${s.unassignedWorkloads} unassigned (owner not a Group in the catalog)`
              : ''}
          </Fact>
        )}
      </Grid>
    </InfoCard>
  );
}

function WorkloadView(props: {
  scorecard: WorkloadScorecard;
  history: HistoryResponse;
  model: ModelResponse;
}) {
  const { scorecard, history, model } = props;
  return (
    <Grid container spacing={3}>
      {(scorecard.problems.length > 0 || scorecard.stale) && (
        <Grid item xs={12}>
          {scorecard.problems.map(p => (
            <Alert severity="warning" key={p}>
              {p}
            </Alert>
          ))}
          {scorecard.staleSources.map(s => (
            <Alert severity="info" key={s.collector}>
              Facts from {s.collector} are stale
              {s.since
                ? ` (collected ${new Date(s.since).toLocaleString()})`
                : ''}
              : {s.reason}
            </Alert>
          ))}
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <Summary scorecard={scorecard} model={model} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Dimensions">
          <DimensionChart dimensions={scorecard.dimensions} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ScoreHistoryCard entityRef={scorecard.ref} recent={history} />
      </Grid>
      <Grid item xs={12}>
        <ChecksTable checks={scorecard.checks} model={model} />
      </Grid>
    </Grid>
  );
}

/**
 * What a platform offers: its platform checks as a workload on it sees them, with the facts
 * measured on the cluster and where each was read. Every workload on a cluster gets the same
 * platform facts, so the first member's scorecard shows them.
 */
function PlatformChecks(props: {
  scorecard: GroupScorecard;
  model: ModelResponse;
}) {
  const api = useApi(maturityApiRef);
  const member = props.scorecard.members.find(m => m.kind === 'workload');
  const { value } = useAsync(
    async () => (member ? api.getScorecard(member.ref) : undefined),
    [api, member?.ref],
  );
  if (!value || value.kind !== 'workload') return null;
  const platformSide = new Set(
    props.model.checks.filter(c => c.side === 'platform').map(c => c.id),
  );
  return (
    <ChecksTable
      title="Platform checks"
      checks={value.checks.filter(c => platformSide.has(c.id))}
      model={props.model}
    />
  );
}

function GroupView(props: {
  scorecard: GroupScorecard;
  history: HistoryResponse;
  model: ModelResponse;
}) {
  const { scorecard, history, model } = props;
  const api = useApi(maturityApiRef);
  // Members that are roll-ups themselves have a leaderboard, which carries their 30-day change.
  const changes = useAsync(async () => {
    const queries: Partial<Record<GroupScorecard['kind'], LeaderboardQuery>> = {
      company: { level: 'department' },
      department: { level: 'team', department: scorecard.ref },
    };
    const query = queries[scorecard.kind];
    if (!query) return new Map<string, number | null>();
    const board = await api.getLeaderboard({ ...query, window: '30d' });
    return new Map(board.rows.map(r => [r.ref, r.scoreChange]));
  }, [api, scorecard.kind, scorecard.ref]);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Summary scorecard={scorecard} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Dimensions"
          subheader="Core-weighted over every workload under it"
        >
          <DimensionChart dimensions={scorecard.dimensions} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ScoreHistoryCard entityRef={scorecard.ref} recent={history} />
      </Grid>
      <Grid item xs={12}>
        <GroupInsight entityRef={scorecard.ref} />
      </Grid>
      <Grid item xs={12}>
        <MembersTable
          members={scorecard.members}
          totalCores={scorecard.cores}
          changes={changes.value ?? new Map()}
        />
      </Grid>
      {scorecard.kind === 'platform' && (
        <Grid item xs={12}>
          <PlatformChecks scorecard={scorecard} model={model} />
        </Grid>
      )}
    </Grid>
  );
}

/** The Maturity tab of a Component, System, Group or platform Resource page. @public */
export function EntityMaturityContent() {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useScorecardData(
    stringifyEntityRef(entity),
    RECENT_DAYS,
  );
  if (loading) return <Progress />;
  if (error && isNotScored(error)) {
    return (
      <EmptyState
        missing="data"
        title="Not scored yet"
        description="Only Components, the Systems they belong to, the Groups that own them and the Resources of the platforms they run on are scored. If this entity is one of them, it appears after the next scoring run."
      />
    );
  }
  if (error || !value) {
    return (
      <ErrorWithRetry error={error ?? new Error('No data')} retry={retry} />
    );
  }
  return value.scorecard.kind === 'workload' ? (
    <WorkloadView
      scorecard={value.scorecard}
      history={value.history}
      model={value.model}
    />
  ) : (
    <GroupView
      scorecard={value.scorecard}
      history={value.history}
      model={value.model}
    />
  );
}
