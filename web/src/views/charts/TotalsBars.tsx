// Statistics-table totals per year or region as bars.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export default function TotalsBars({ rows, label }: { rows: Array<{ key: string; label: string; value: number }>; label: string }) {
  const many = rows.length > 10;
  return (
    <ResponsiveContainer width="100%" height={many ? 380 : 320}>
      <BarChart data={rows} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e2dc" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#5b5a55' }} interval={0}
          angle={many ? -35 : 0} textAnchor={many ? 'end' : 'middle'} height={many ? 64 : 30} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#5b5a55' }} width={56} />
        <Tooltip formatter={(v) => [String(v), label]} cursor={{ fill: 'rgba(39,76,119,0.06)' }} />
        <Bar dataKey="value" name={label} fill="#274c77" isAnimationActive={false} maxBarSize={48} />
      </BarChart>
    </ResponsiveContainer>
  );
}
