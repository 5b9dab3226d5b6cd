// Series across provinces or cities as grouped bars; a bar opens the search for that
// series in that region. On a phone the bars lie horizontally, one region a row, so that
// the region names never overlap (tilted labels under narrow columns did).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { regionKeyLabel } from '../../state/regions';
import { seriesColor, seriesKey } from '../../state/trendData';
import { formatValue, type TrendChartProps } from './TrendLines';
import { useNarrow } from './useNarrow';

export default function TrendBars({ table, labels, measure, onPoint }: TrendChartProps) {
  const fmt = formatValue(measure);
  const narrow = useNarrow();
  const many = table.rows.length > 8;
  const tick = { fontSize: 12, fill: '#5b5a55' };
  const bars = labels.map((label, i) => (
    <Bar key={seriesKey(i)} dataKey={seriesKey(i)} name={label} fill={seriesColor(i)} isAnimationActive={false} cursor="pointer" maxBarSize={narrow ? 14 : 40}
      onClick={(item) => onPoint(i, (item.payload as { key: string }).key)} />
  ));
  const tooltip = <Tooltip formatter={(v, name) => [fmt(v), name]} labelFormatter={(k) => String(k).replace('/', ' ')} cursor={{ fill: 'rgba(39,76,119,0.06)' }} />;
  if (narrow) {
    // One row per region, tall enough for every series' bar and a label of one line.
    const rowHeight = Math.max(24, labels.length * 12 + 12);
    return (
      <ResponsiveContainer width="100%" height={table.rows.length * rowHeight + 72}>
        <BarChart data={table.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e4e2dc" horizontal={false} />
          <XAxis type="number" allowDecimals={measure === 'share'} tick={tick} tickFormatter={fmt} />
          <YAxis type="category" dataKey="key" tick={tick} tickFormatter={regionKeyLabel} interval={0} width={112} />
          {tooltip}
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          {bars}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={many ? 420 : 360}>
      <BarChart data={table.rows} margin={{ top: 16, right: 24, bottom: many ? 48 : 8, left: 0 }}>
        <CartesianGrid stroke="#e4e2dc" vertical={false} />
        <XAxis dataKey="key" tick={tick} tickFormatter={regionKeyLabel} interval={0}
          angle={many ? -35 : 0} textAnchor={many ? 'end' : 'middle'} height={many ? 64 : 30} />
        <YAxis allowDecimals={measure === 'share'} tick={tick} tickFormatter={fmt} width={56} />
        {tooltip}
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {bars}
      </BarChart>
    </ResponsiveContainer>
  );
}
