// The small chart above the search results: in how many reports of each year the
// query occurs. Clicking a year's bar toggles that year as a filter.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { yearRange } from '../../state/trendData';
import type { TrendSeries } from '../../state/types';

export default function QueryTrendChart({ series, selectedYears, onYear }: {
  series: TrendSeries;
  selectedYears: readonly number[];
  onYear: (year: number) => void;
}) {
  // Every year on the axis, so that gaps in time look like gaps.
  const byKey = new Map(series.points.map((p) => [p.key, p]));
  const data = yearRange(series.points.map((p) => p.key)).map((key) => {
    const p = byKey.get(key);
    return { key, reports: p?.reports ?? 0, total: p?.totalReports ?? 0, share: p?.share ?? 0 };
  });
  const anySelected = selectedYears.length > 0;
  return (
    <div className="query-trend-chart" role="img" aria-label={`各年份含检索词的报告数：${data.map((d) => `${d.key}年 ${d.reports} 份`).join('，')}`}>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="#e4e2dc" />
          <XAxis dataKey="key" tickLine={false} axisLine={{ stroke: '#c9c6bd' }} tick={{ fontSize: 12, fill: '#5b5a55' }} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: '#5b5a55' }} width={48}
            tickCount={3} domain={[0, (max: number) => Math.max(2, Math.ceil(max / 2) * 2)]} />
          <Tooltip
            cursor={{ fill: 'rgba(39,76,119,0.06)' }}
            formatter={(value, _name, item) => [`${value} 份（占该年 ${(Number(item.payload.share) * 100).toFixed(1)}%）`, '含检索词的报告']}
            labelFormatter={(label) => `${label}年 · 共 ${data.find((d) => d.key === label)?.total ?? '?'} 份报告`}
          />
          <Bar dataKey="reports" isAnimationActive={false} cursor="pointer" maxBarSize={36}
            onClick={(item) => onYear(Number((item.payload as { key: string }).key))}>
            {data.map((d) => (
              <Cell key={d.key} fill={!anySelected || selectedYears.includes(Number(d.key)) ? '#274c77' : '#b9c4d2'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
