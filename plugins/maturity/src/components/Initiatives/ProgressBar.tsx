import { InitiativeProgress } from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatCores, formatPercent } from '../../format';

/** The share of cores meeting a target, as a bar with the figures under it. */
export function ProgressBar(props: {
  progress: InitiativeProgress | null;
  label: string;
}) {
  const { progress } = props;
  if (!progress || progress.share === null)
    return (
      <Typography variant="body2" color="textSecondary">
        No weighted workload in scope yet
      </Typography>
    );
  return (
    <Box width={220}>
      <LinearProgress
        variant="determinate"
        value={Math.round(progress.share * 100)}
        aria-hidden
      />
      <Typography
        variant="body2"
        aria-label={`${props.label} progress`}
        style={{ whiteSpace: 'nowrap', marginTop: 4 }}
      >
        {formatPercent(progress.share)} ({formatCores(progress.coresMet)} of{' '}
        {formatCores(progress.cores)} cores)
      </Typography>
    </Box>
  );
}
