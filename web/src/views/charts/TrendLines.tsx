// Series across years as lines. Each point is clickable: it opens the search for that
// series in that year.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColor, seriesDash, seriesKey, type TrendTable } from '../../state/trendData';
import type { Measure } from '../../state/url';

export interface TrendChartProps {
  table: TrendTable;
  labels: string[];
  measure: Measure;
  onPoint: (seriesIndex: number, key: string) => void;
}

export const formatValue = (measure: Measure) => (v: unknown) => (measure === 'share' ? `${v}%` : `${v}`);

export default function TrendLines({ table, labels, measure, onPoint }: TrendChartProps) {
  const fmt = formatValue(measure);
  return (
    <ResponsiveContainer width="100%" height={360}>
      <LineChart data={table.rows} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e4e2dc" />
        <XAxis dataKey="key" tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={(k) => `${k}年`} padding={{ left: 24, right: 24 }} />
        <YAxis allowDecimals={measure === 'share'} tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={fmt} width={56} />
        <Tooltip formatter={(v, name) => [fmt(v), name]} labelFormatter={(k) => `${k}年`} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {labels.map((label, i) => (
          <Line key={seriesKey(i)} type="linear" dataKey={seriesKey(i)} name={label} stroke={seriesColor(i)} strokeWidth={2}
            strokeDasharray={seriesDash(i)}
            isAnimationActive={false}
            dot={(p: { cx?: number; cy?: number; payload?: { key: string }; index?: number }) => (
              p.cx === undefined || p.cy === undefined || p.cy === null ? <g key={`${i}-${p.index}`} /> : <circle key={`${i}-${p.index}`} cx={p.cx} cy={p.cy} r={4} fill="#fff" stroke={seriesColor(i)} strokeWidth={2}
                className="trend-dot" data-series={i} data-key={p.payload?.key} style={{ cursor: 'pointer' }}
                onClick={() => p.payload && onPoint(i, p.payload.key)} />
            )}
            activeDot={(p: { cx?: number; cy?: number; payload?: { key: string } }) => (
              <circle cx={p.cx} cy={p.cy} r={6} fill={seriesColor(i)} style={{ cursor: 'pointer' }}
                onClick={() => p.payload && onPoint(i, p.payload.key)} />
            )} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
