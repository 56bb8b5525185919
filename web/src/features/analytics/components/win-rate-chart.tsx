import { useTheme } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Trends } from '../api';

/** Won and lost deals per competitor, stacked. */
export function WinRateChart({ rows }: { rows: Trends['winRates'] }) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={theme.palette.divider} horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="competitor" width={110} fontSize={12} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="won"
          name="Won"
          stackId="deals"
          fill={theme.palette.success.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="lost"
          name="Lost"
          stackId="deals"
          fill={theme.palette.error.light}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
