// A small bar chart: reports per year using one statement.
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export default function YearBars({ data }: { data: Array<{ year: number; reports: number }> }) {
  // Every year of the span, so gaps show as gaps.
  const filled: Array<{ year: number; reports: number }> = [];
  if (data.length) {
    const by = new Map(data.map((d) => [d.year, d.reports]));
    for (let y = data[0]!.year; y <= data.at(-1)!.year; y++) filled.push({ year: y, reports: by.get(y) ?? 0 });
  }
  return (
    <ResponsiveContainer width="100%" height={96}>
      <BarChart data={filled} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
        <XAxis dataKey="year" tick={{ fontSize: 11, fill: '#5b5a55' }} tickLine={false} interval="preserveStartEnd" height={18} />
        <YAxis allowDecimals={false} domain={[0, (max: number) => Math.max(1, max)]} tick={{ fontSize: 11, fill: '#5b5a55' }} width={24} tickLine={false} axisLine={false} />
        <Tooltip formatter={(v) => [`${String(v)} 份报告`, '使用该表述']} labelFormatter={(y) => `${String(y)}年`} cursor={{ fill: 'rgba(39,76,119,0.06)' }} />
        <Bar dataKey="reports" fill="#274c77" isAnimationActive={false} maxBarSize={18} />
      </BarChart>
    </ResponsiveContainer>
  );
}
