import { DIMENSIONS, DimensionId } from '@internal/plugin-maturity-common';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../../format';

/**
 * The five dimensions as horizontal bars (0–100); a dimension with no evaluated check is shown
 * as "no data" rather than as zero.
 * @public
 */
export function DimensionChart(props: {
  dimensions: Record<DimensionId, number | null>;
}) {
  const theme = useTheme();
  const data = DIMENSIONS.map(d => ({
    name: d.title,
    score:
      props.dimensions[d.id] === null
        ? 0
        : Math.round(props.dimensions[d.id]! * 10) / 10,
    known: props.dimensions[d.id] !== null,
  }));
  const summary = data
    .map(d => `${d.name} ${d.known ? formatScore(d.score) : 'no data'}`)
    .join(', ');
  return (
    <div
      style={{ width: '100%', height: 220 }}
      role="img"
      aria-label={`Dimension scores: ${summary}`}
    >
      <ResponsiveContainer>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 24, right: 24 }}
        >
          <CartesianGrid
            strokeDasharray="3 3"
            stroke={theme.palette.divider}
            horizontal={false}
          />
          <XAxis
            type="number"
            domain={[0, 100]}
            stroke={theme.palette.text.secondary}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={100}
            stroke={theme.palette.text.secondary}
          />
          <Tooltip
            formatter={(value: number, _name: string, item: any) => [
              item.payload.known ? formatScore(value) : 'no data',
              'score',
            ]}
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
          />
          <Bar
            dataKey="score"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
