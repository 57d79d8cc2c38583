import { CostPoint, HOURS_PER_MONTH } from '@internal/plugin-maturity-common';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../../format';
import { formatMoment, timeAxisProps } from '../timeAxis';

/**
 * Monthly run rate of cost and of waste over time: the waste band shows how much of the spend
 * buys nothing. `labels` names the two bands otherwise (a cluster's nodes and their idle part).
 * @public
 */
export function CostTrendChart(props: {
  points: Array<Pick<CostPoint, 'at' | 'hourlyCost' | 'hourlyWaste'>>;
  currency: string;
  height?: number;
  labels?: { cost: string; waste: string };
}) {
  const {
    points,
    currency,
    height = 240,
    labels = { cost: 'Cost', waste: 'Waste' },
  } = props;
  const theme = useTheme();
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        {points.length === 0
          ? 'No cost history yet.'
          : 'One snapshot so far; the trend appears after the next run.'}
      </Typography>
    );
  }
  const data = points.map(p => ({
    t: Date.parse(p.at),
    cost: p.hourlyCost * HOURS_PER_MONTH,
    waste: p.hourlyWaste * HOURS_PER_MONTH,
  }));
  return (
    <div
      style={{ width: '100%', height }}
      aria-label={`Cost history, ${data.length} points`}
      role="img"
    >
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ top: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis
            {...timeAxisProps(data.map(d => d.t))}
            stroke={theme.palette.text.secondary}
          />
          <YAxis
            tickFormatter={v => formatMoney(Number(v), currency)}
            stroke={theme.palette.text.secondary}
            width={80}
          />
          <Tooltip
            labelFormatter={label => formatMoment(Number(label))}
            formatter={(value: number, name: string) => [
              `${formatMoney(value, currency)}/mo`,
              name,
            ]}
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
          />
          <Legend />
          <Area
            type="monotone"
            dataKey="cost"
            name={labels.cost}
            stroke={theme.palette.primary.main}
            fill={theme.palette.primary.light}
            fillOpacity={0.3}
            isAnimationActive={false}
          />
          <Area
            type="monotone"
            dataKey="waste"
            name={labels.waste}
            stroke={theme.palette.error.main}
            fill={theme.palette.error.light}
            fillOpacity={0.4}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
