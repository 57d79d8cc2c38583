import { HistoryPoint } from '@internal/plugin-maturity-common';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../../format';
import { formatMoment, timeAxisProps } from '../timeAxis';

/**
 * Score over time. `compact` draws a sparkline for cards: no axes, no grid.
 * @public
 */
export function ScoreHistoryChart(props: {
  points: HistoryPoint[];
  compact?: boolean;
  height?: number;
}) {
  const { points, compact = false, height = compact ? 48 : 260 } = props;
  const theme = useTheme();
  const data = points
    .filter(p => p.score !== null)
    .map(p => ({
      t: Date.parse(p.at),
      score: Math.round(p.score! * 10) / 10,
      platform: p.platform,
      business: p.business,
    }));
  if (data.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        {data.length === 0
          ? 'No history yet.'
          : 'One snapshot so far; the trend appears after the next run.'}
      </Typography>
    );
  }
  return (
    <div
      style={{ width: '100%', height }}
      aria-label={`Score history, ${data.length} points`}
      role="img"
    >
      <ResponsiveContainer>
        <LineChart
          data={data}
          margin={
            compact
              ? { top: 4, bottom: 4, left: 0, right: 0 }
              : { top: 8, right: 16 }
          }
        >
          {!compact && (
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
          )}
          <XAxis
            {...timeAxisProps(data.map(d => d.t))}
            hide={compact}
            stroke={theme.palette.text.secondary}
          />
          <YAxis
            domain={[0, 100]}
            hide={compact}
            stroke={theme.palette.text.secondary}
          />
          <Tooltip
            labelFormatter={label => formatMoment(Number(label))}
            formatter={(value: number, name: string) => [
              formatScore(value),
              name,
            ]}
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
          />
          {!compact && <Legend />}
          <Line
            type="monotone"
            dataKey="score"
            name="Score"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {!compact && (
            <Line
              type="monotone"
              dataKey="platform"
              name="Platform"
              stroke={theme.palette.secondary.main}
              strokeDasharray="4 2"
              dot={false}
              isAnimationActive={false}
            />
          )}
          {!compact && (
            <Line
              type="monotone"
              dataKey="business"
              name="Business"
              stroke={theme.palette.text.secondary}
              strokeDasharray="2 2"
              dot={false}
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
