// 分布 /corpus/dispersion: how a term spreads over the reports of a slice — frequency and
// range by year, province and level, Gries' DP, and a dispersion plot (each occurrence a
// stroke at its place in the slice, reports laid end to end by year).
import { Link } from 'react-router-dom';
import { Bar, BarChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DispersionResponse } from '../../state/corpusTypes';
import { corpusApiUrl, kwicHref } from '../../state/corpusUrl';
import { useApi } from '../../state/useApi';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SearchBox } from '../search/SearchBox';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { CsvButton } from './CsvButton';
import { SortableTable, type Column } from './SortableTable';
import { useCorpusState } from './useCorpusState';

type Group = DispersionResponse['byYear'][number];
const DEFAULTS = { q: '', by: 'year' };
const BY = [{ value: 'year', label: '年份' }, { value: 'province', label: '省份' }, { value: 'level', label: '层级' }];
const LEVELS: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '未知' };

export function DispersionPage() {
  const [s, update] = useCorpusState(DEFAULTS);
  usePageTitle(s.q ? `分布：${s.q}` : '分布');
  const res = useApi<DispersionResponse>(s.q!.trim() ? corpusApiUrl('dispersion', { q: s.q!, points: '3000' }) : null);
  const data = res.data;
  const groups = data ? (s.by === 'province' ? data.byProvince : s.by === 'level' ? data.byLevel : data.byYear) : [];
  const label = (g: Group) => (s.by === 'level' ? LEVELS[g.key] ?? g.key : g.key);
  const columns: Array<Column<Group>> = [
    { key: 'key', label: BY.find((b) => b.value === s.by)!.label, value: label },
    { key: 'freq', label: '频次', value: (g) => g.freq, numeric: true },
    { key: 'range', label: '使用的报告', value: (g) => g.range, numeric: true },
    { key: 'reports', label: '报告总数', value: (g) => g.reports, numeric: true },
    { key: 'perMillion', label: '每百万词', value: (g) => g.perMillion, numeric: true },
  ];
  return (
    <section>
      <SearchBox q={s.q!} onSearch={(q) => update({ q })} placeholder="词语及范围，如：政务新媒体 level:county" />
      {!s.q!.trim() ? (
        <EmptyState title="请输入词语">
          <p>例如：{['政务新媒体', '依申请公开 section:problems', '微信'].map((q) => <button key={q} type="button" className="example" onClick={() => update({ q })}>{q}</button>)}</p>
        </EmptyState>
      ) : res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在计算…" />
        : (
          <div className={res.loading ? 'is-stale' : undefined}>
            <div className="toolbar">
              <p className="result-total">
                「{data.node.join(' ')}」共 <strong data-testid="total">{data.freq.toLocaleString('zh-CN')}</strong> 次，见于 {data.range.toLocaleString('zh-CN')} / {data.reports.toLocaleString('zh-CN')} 份报告，
                每百万词 {data.perMillion}，DP = {data.dp} · <Link to={kwicHref(s.q!)}>查看语境</Link>
              </p>
              <CsvButton name={`dispersion-${data.node.join('')}`} header={['by', 'key', 'freq', 'range', 'reports', 'per_million']}
                rows={[...data.byYear.map((g) => ['year', g]), ...data.byProvince.map((g) => ['province', g]), ...data.byLevel.map((g) => ['level', g])]
                  .map(([b, g]) => { const x = g as Group; return [b, x.key, x.freq, x.range, x.reports, x.perMillion]; })} />
            </div>
            <figure className="chart-card" aria-label="分布图">
              <figcaption className="muted">分布图：每一竖线是一次出现，横轴为范围内全部报告首尾相接（按年份排列）的位置{data.plotThinned ? '（出现过多，均匀抽样显示）' : ''}</figcaption>
              <ResponsiveContainer width="100%" height={90}>
                <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
                  <XAxis type="number" dataKey="x" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11 }} />
                  <YAxis type="number" dataKey="y" hide domain={[0, 1]} />
                  <Tooltip formatter={(_v, _n, item) => [String((item.payload as { year: number | null }).year ?? '未知'), '年份']} />
                  <Scatter data={data.plot.map((p) => ({ ...p, y: 0.5 }))} fill="#274c77" shape={(props: { cx?: number; cy?: number }) => <rect x={(props.cx ?? 0) - 0.5} y={(props.cy ?? 0) - 18} width={1} height={36} fill="#274c77" />} isAnimationActive={false} />
                </ScatterChart>
              </ResponsiveContainer>
            </figure>
            <SegmentedControl label="分组" value={s.by!} options={BY} onChange={(by) => update({ by })} />
            <figure className="chart-card" aria-label="每百万词频次">
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={groups.map((g) => ({ ...g, label: label(g) }))} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
                  <YAxis tick={{ fontSize: 11 }} width={48} />
                  <Tooltip formatter={(v) => [String(v), '每百万词']} />
                  <Bar dataKey="perMillion" fill="#274c77" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <SortableTable rows={groups} columns={columns} initial="key" caption="分组频次" rowKey={(g) => g.key} />
          </div>
        )}
    </section>
  );
}
