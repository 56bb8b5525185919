import { useTheme } from '@mui/material/styles';
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
import { formatDate } from '../../../lib/format';

export interface CountSeries {
  name: string;
  points: readonly { date: string; count: number }[];
}

/** Counts over time, one line per series (the series share their dates). */
export function CountChart({ series }: { series: readonly CountSeries[] }) {
  const theme = useTheme();
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  const data = (series[0]?.points ?? []).map((p, i) => ({
    date: p.date,
    ...Object.fromEntries(series.map((s) => [s.name, s.points[i]?.count ?? 0])),
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={theme.palette.divider} vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => formatDate(d).replace(/, \d{4}$/, '')}
          fontSize={12}
          minTickGap={24}
        />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip labelFormatter={(d) => (typeof d === 'string' ? formatDate(d) : '')} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Line
            key={s.name}
            type="monotone"
            dataKey={s.name}
            stroke={colors[i % colors.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
