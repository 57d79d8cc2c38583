import { InitiativeProgress } from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatCores, formatPercent } from '../../format';

/** The share of cores meeting a target, as a bar with the figures beside it. */
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
    <Box display="flex" alignItems="center" style={{ gap: 8, minWidth: 220 }}>
      <Box flexGrow={1}>
        <LinearProgress
          variant="determinate"
          value={Math.round(progress.share * 100)}
          aria-hidden
        />
      </Box>
      <Typography
        variant="body2"
        aria-label={`${props.label} progress`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {formatPercent(progress.share)} ({formatCores(progress.coresMet)} of{' '}
        {formatCores(progress.cores)} cores)
      </Typography>
    </Box>
  );
}
