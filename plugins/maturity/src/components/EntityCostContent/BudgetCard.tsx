import { InfoCard } from '@backstage/core-components';
import { BudgetStatus } from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatMoney } from '../../format';

/**
 * A team's or department's month against its budget: spent so far and the month-end forecast,
 * each as a share of the budget, and how far over the forecast goes.
 */
export function BudgetCard(props: { budget: BudgetStatus; currency: string }) {
  const { budget, currency } = props;
  const share = (n: number) => Math.min(100, (100 * n) / budget.monthly);
  const over = budget.overBy !== null;
  return (
    <InfoCard title={`Budget for ${budget.month}`}>
      <Typography variant="h5" aria-label="monthly budget">
        {formatMoney(budget.monthly, currency)}
      </Typography>
      <Box mt={2}>
        <LinearProgress
          variant="buffer"
          value={share(budget.monthToDate)}
          valueBuffer={share(budget.forecast)}
          color={over ? 'secondary' : 'primary'}
          aria-hidden
        />
      </Box>
      <Box mt={1}>
        <Typography variant="body2" aria-label="spent this month">
          Spent so far: {formatMoney(budget.monthToDate, currency)}
        </Typography>
        <Typography
          variant="body2"
          aria-label="month-end forecast"
          color={over ? 'error' : 'textPrimary'}
        >
          Month-end forecast at the latest hourly cost:{' '}
          {formatMoney(budget.forecast, currency)}
          {over &&
            ` — ${formatMoney(budget.overBy!, currency)} over the budget`}
        </Typography>
      </Box>
    </InfoCard>
  );
}
