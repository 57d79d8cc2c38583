import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  DIMENSIONS,
  MATURITY_ANNOTATIONS,
  ModelResponse,
  WorkloadScorecard,
} from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Skeleton from '@material-ui/lab/Skeleton';
import { formatCores, formatScore } from '../../format';
import { isNotScored, useScorecardData } from '../../hooks/useMaturityData';
import { LevelBadge } from '../LevelBadge';
import { ScoreHistoryChart } from '../ScoreHistoryChart';
import { ErrorWithRetry } from '../ErrorWithRetry';

const TITLE = 'Cloud-native maturity';

/** Failing or partial checks, the ones that would raise the score most first. */
export function topGaps(
  scorecard: WorkloadScorecard,
  model: ModelResponse,
  count: number,
) {
  const byId = new Map(model.checks.map(c => [c.id, c]));
  return scorecard.checks
    .filter(r => r.credit !== null && r.credit < 1 && byId.has(r.id))
    .map(r => ({
      result: r,
      check: byId.get(r.id)!,
      gain: (1 - r.credit!) * byId.get(r.id)!.weight,
    }))
    .sort((a, b) => b.gain - a.gain || a.check.id.localeCompare(b.check.id))
    .slice(0, count);
}

function weakestDimension(scorecard: WorkloadScorecard) {
  const known = DIMENSIONS.filter(d => scorecard.dimensions[d.id] !== null);
  if (!known.length) return undefined;
  return known.reduce((a, b) =>
    scorecard.dimensions[b.id]! < scorecard.dimensions[a.id]! ? b : a,
  );
}

/** The maturity card for an entity's overview page (Component, System or Group). @public */
export function EntityMaturityCard() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error, retry } = useScorecardData(ref, 30);
  const tabLink = `${entityRoute(entityRouteParams(entity))}/maturity`;

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Skeleton variant="text" width="40%" height={48} />
        <Skeleton variant="rect" height={48} />
        <Skeleton variant="text" />
        <Skeleton variant="text" />
      </InfoCard>
    );
  }
  if (error && isNotScored(error)) {
    const declaresCores =
      entity.metadata.annotations?.[MATURITY_ANNOTATIONS.cores] !== undefined;
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="data"
          title="Not scored yet"
          description={
            entity.kind.toLocaleLowerCase('en-US') === 'component' &&
            !declaresCores
              ? `No scoring run has included this component yet. Runs are scheduled; meanwhile, declare its size with the annotation ${MATURITY_ANNOTATIONS.cores} (e.g. "16") so it carries weight in roll-ups.`
              : 'No scoring run has included this entity yet; runs are scheduled and it will appear after the next one.'
          }
        />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        <ErrorWithRetry error={error ?? new Error('No data')} retry={retry} />
      </InfoCard>
    );
  }

  const { scorecard, history, model } = value;
  const deepLink = { link: tabLink, title: 'Full scorecard' };
  return (
    <InfoCard title={TITLE} deepLink={deepLink} variant="gridItem">
      <Box
        display="flex"
        alignItems="center"
        style={{ gap: 16 }}
        flexWrap="wrap"
      >
        <Typography variant="h3" component="p" aria-label="maturity score">
          {formatScore(scorecard.score)}
        </Typography>
        <LevelBadge level={scorecard.level} size="medium" />
        <Typography variant="body2" color="textSecondary">
          Platform {formatScore(scorecard.platform)} · Business{' '}
          {formatScore(scorecard.business)}
          <br />
          {scorecard.kind === 'workload'
            ? `${formatCores(scorecard.cores)} cores (${
                scorecard.coresSource === 'annotation'
                  ? 'declared'
                  : scorecard.coresSource
              })`
            : `${formatCores(scorecard.cores)} cores across ${
                scorecard.workloads
              } workloads`}
        </Typography>
      </Box>
      <ScoreHistoryChart points={history.points} compact />
      {scorecard.kind === 'workload' ? (
        <WorkloadHighlights scorecard={scorecard} model={model} />
      ) : (
        scorecard.unweightedWorkloads > 0 && (
          <Typography variant="body2" color="textSecondary">
            {scorecard.unweightedWorkloads} of {scorecard.workloads} workloads
            carry no weight (no cores or no score).
          </Typography>
        )
      )}
      <Box mt={1}>
        <Link to={tabLink}>See every check and the history</Link>
      </Box>
    </InfoCard>
  );
}

function WorkloadHighlights(props: {
  scorecard: WorkloadScorecard;
  model: ModelResponse;
}) {
  const { scorecard, model } = props;
  const weakest = weakestDimension(scorecard);
  const gaps = topGaps(scorecard, model, 3);
  return (
    <>
      {scorecard.problems.map(problem => (
        <Alert severity="warning" key={problem}>
          {problem}
        </Alert>
      ))}
      {scorecard.stale && (
        <Alert severity="info">
          Some facts are stale:{' '}
          {scorecard.staleSources
            .map(s => `${s.collector} (${s.reason})`)
            .join('; ')}
          .
        </Alert>
      )}
      {weakest && (
        <Typography variant="body2">
          Weakest dimension: <strong>{weakest.title}</strong> (
          {formatScore(scorecard.dimensions[weakest.id])})
        </Typography>
      )}
      {gaps.length > 0 && (
        <>
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 8 }}
          >
            Top fixes
          </Typography>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {gaps.map(({ check, result }) => (
              <li key={check.id}>
                <Typography variant="body2">
                  <strong>{check.title}</strong>
                  {result.status === 'partial' &&
                    ` (${Math.round(result.credit! * 100)} % credit)`}{' '}
                  — {check.remediation}
                </Typography>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
