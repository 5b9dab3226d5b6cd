// Series across provinces or cities as grouped bars; a bar opens the search for that
// series in that region.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { regionKeyLabel } from '../../state/regions';
import { seriesColor, seriesKey } from '../../state/trendData';
import { formatValue, type TrendChartProps } from './TrendLines';

export default function TrendBars({ table, labels, measure, onPoint }: TrendChartProps) {
  const fmt = formatValue(measure);
  const many = table.rows.length > 8;
  return (
    <ResponsiveContainer width="100%" height={many ? 420 : 360}>
      <BarChart data={table.rows} margin={{ top: 16, right: 24, bottom: many ? 48 : 8, left: 0 }}>
        <CartesianGrid stroke="#e4e2dc" vertical={false} />
        <XAxis dataKey="key" tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={regionKeyLabel} interval={0}
          angle={many ? -35 : 0} textAnchor={many ? 'end' : 'middle'} height={many ? 64 : 30} />
        <YAxis allowDecimals={measure === 'share'} tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={fmt} width={56} />
        <Tooltip formatter={(v, name) => [fmt(v), name]} labelFormatter={(k) => String(k).replace('/', ' ')} cursor={{ fill: 'rgba(39,76,119,0.06)' }} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {labels.map((label, i) => (
          <Bar key={seriesKey(i)} dataKey={seriesKey(i)} name={label} fill={seriesColor(i)} isAnimationActive={false} cursor="pointer" maxBarSize={40}
            onClick={(item) => onPoint(i, (item.payload as { key: string }).key)} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
