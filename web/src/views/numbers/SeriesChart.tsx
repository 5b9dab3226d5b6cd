// A crosswalk measure or rate as a chart: by year a line whose years of a new table format
// carry a marker with the format's name; by province or level bars. Points on fewer reports
// than N are drawn grey and hollow. Clicking a point (or bar) selects it.
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatSeriesResponse } from '../../../../services/analytics/methods/stat-series.js';
import { formatMetric, type SeriesBy } from './seriesFormat';

const INK = '#274c77';
const GREY = '#a9a7a0';

export default function SeriesChart({ data, by, selected, onSelect }: {
  data: StatSeriesResponse; by: SeriesBy; selected: string | null; onSelect: (key: string) => void;
}) {
  const fmt = (v: unknown) => formatMetric(data.metric, typeof v === 'number' ? v : null);
  const rows = data.points.filter((p) => p.key !== '' && p.value !== null).map((p) => ({ ...p, label: by === 'year' ? p.key : p.label }));
  const axisFmt = (v: number) => (data.metric.kind === 'rate' ? `${Math.round(v * 100)}%` : v.toLocaleString('zh-CN'));
  const tooltip = (
    <Tooltip
      formatter={(v, _n, item) => {
        const p = (item as { payload?: (typeof rows)[number] }).payload;
        return [`${fmt(v)}（${p?.reports ?? 0} 份报告${p?.small ? '，样本不足' : ''}）`, data.metric.label];
      }}
      labelFormatter={(l) => (by === 'year' ? `${l}年` : String(l))} />
  );
  if (by !== 'year') {
    const many = rows.length > 10;
    return (
      <ResponsiveContainer width="100%" height={many ? 380 : 320}>
        <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4e2dc" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#5b5a55' }} interval={0} angle={many ? -35 : 0} textAnchor={many ? 'end' : 'middle'} height={many ? 64 : 30} />
          <YAxis tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={axisFmt} width={56} />
          {tooltip}
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={48} onClick={(d: { payload?: { key?: string } }) => { if (d.payload?.key !== undefined) onSelect(d.payload.key); }} style={{ cursor: 'pointer' }}>
            {rows.map((p) => (
              <Cell key={p.key} fill={p.small ? GREY : INK} fillOpacity={selected && selected !== p.key ? 0.55 : 1}
                className={`series-bar${p.small ? ' is-small' : ''}`} data-key={p.key} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={360}>
      <LineChart data={rows} margin={{ top: 28, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e4e2dc" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={(k) => `${k}`} padding={{ left: 16, right: 16 }} />
        <YAxis tick={{ fontSize: 12, fill: '#5b5a55' }} tickFormatter={axisFmt} width={56} />
        {tooltip}
        {/* Labels alternate left and right of their line, so that two changes two years apart never overlap. */}
        {rows.filter((p) => p.formatChange && p.format).map((p, i) => (
          <ReferenceLine key={`f${p.key}`} x={p.label} stroke="#b5651d" strokeDasharray="4 3"
            label={{ value: data.formatLabels[p.format!], position: i % 2 ? 'insideTopLeft' : 'insideTopRight', fontSize: 11, fill: '#b5651d' }} className="format-change" />
        ))}
        <Line type="linear" dataKey="value" stroke={INK} strokeWidth={2} isAnimationActive={false}
          dot={(d: { cx?: number; cy?: number; payload?: (typeof rows)[number]; index?: number }) => {
            const p = d.payload;
            if (d.cx === undefined || d.cy === undefined || !p) return <g key={`d${d.index}`} />;
            const on = selected === p.key;
            return (
              <circle key={`d${p.key}`} cx={d.cx} cy={d.cy} r={on ? 7 : 5} fill={p.small ? '#fff' : INK} stroke={p.small ? GREY : INK} strokeWidth={2}
                className={`series-dot${p.small ? ' is-small' : ''}`} data-key={p.key} style={{ cursor: 'pointer' }} onClick={() => onSelect(p.key)}>
                <title>{`${p.key}年：${fmt(p.value)}，${p.reports} 份报告${p.small ? '（样本不足）' : ''}`}</title>
              </circle>
            );
          }}
          activeDot={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
