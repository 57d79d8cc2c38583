import { CostResponse } from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatMoney, formatMonthly, formatPercent } from '../format';

function Figure(props: { label: string; value: string }) {
  return (
    <Box minWidth={110}>
      <Typography variant="caption" color="textSecondary" component="p">
        {props.label}
      </Typography>
      <Typography variant="h6" component="p" aria-label={props.label}>
        {props.value}
      </Typography>
    </Box>
  );
}

/** The headline figures of a cost view: run rate, waste, efficiency, potential saving. */
export function CostFigures(props: { costs: CostResponse }) {
  const { current, currency } = props.costs;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <Figure
        label="Run rate"
        value={formatMonthly(current.hourlyCost, currency)}
      />
      <Figure label="Waste" value={formatPercent(current.wasteShare)} />
      <Figure label="Efficiency" value={formatPercent(current.efficiency)} />
      <Figure
        label="Potential saving"
        value={`${formatMoney(current.monthlySaving, currency)}/mo`}
      />
    </Box>
  );
}
