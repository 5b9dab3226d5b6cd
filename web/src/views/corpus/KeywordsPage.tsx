// 关键词对比 /corpus/keywords: the words of slice A relatively more (and less) frequent than in
// slice B — or than in the rest of the corpus — by log-likelihood, with log ratio and %DIFF and
// the reports using each on either side.
import { Link } from 'react-router-dom';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Keyword, KeywordsResponse } from '../../state/corpusTypes';
import { corpusApiUrl, kwicHref } from '../../state/corpusUrl';
import { useApi } from '../../state/useApi';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SearchBox } from '../search/SearchBox';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { CsvButton } from './CsvButton';
import { SortableTable, type Column } from './SortableTable';
import { useCorpusState } from './useCorpusState';

const DEFAULTS = { a: '', b: '', minFreq: '5', minRange: '2' };

function KeywordTable({ rows, a, caption }: { rows: Keyword[]; a: string; caption: string }) {
  const columns: Array<Column<Keyword>> = [
    { key: 'term', label: '词', value: (k) => k.term },
    { key: 'freqA', label: 'A 频次', value: (k) => k.freqA, numeric: true },
    { key: 'freqB', label: 'B 频次', value: (k) => k.freqB, numeric: true },
    { key: 'rangeA', label: 'A 报告数', value: (k) => k.rangeA, numeric: true, title: '使用该词的报告数（一份冗长报告造不出关键词）' },
    { key: 'rangeB', label: 'B 报告数', value: (k) => k.rangeB, numeric: true },
    { key: 'perMillionA', label: 'A 每百万词', value: (k) => k.perMillionA, numeric: true },
    { key: 'perMillionB', label: 'B 每百万词', value: (k) => k.perMillionB, numeric: true },
    { key: 'll', label: 'LL', value: (k) => k.ll, numeric: true, title: '对数似然（G²）' },
    { key: 'logRatio', label: 'log ratio', value: (k) => k.logRatio, numeric: true },
    { key: 'percentDiff', label: '%DIFF', value: (k) => k.percentDiff, numeric: true },
    { key: 'kwic', label: '语境', value: () => '', render: (k) => <Link to={kwicHref(`${k.term} ${a}`)}>查看语境</Link> },
  ];
  return <SortableTable rows={rows} columns={columns} initial="ll" caption={caption} rowKey={(k) => k.term} />;
}

export function KeywordsPage() {
  const [s, update] = useCorpusState(DEFAULTS);
  usePageTitle('关键词对比');
  const ready = s.a!.trim() !== '' || s.b!.trim() !== '';
  const res = useApi<KeywordsResponse>(ready ? corpusApiUrl('keywords', { ...s, limit: '200' }) : null);
  const data = res.data;
  const header = ['direction', 'term', 'freq_a', 'freq_b', 'range_a', 'range_b', 'per_million_a', 'per_million_b', 'll', 'log_ratio', 'percent_diff'];
  const csvRows = data ? [...data.positive.map((k) => ['+', k] as const), ...data.negative.map((k) => ['-', k] as const)]
    .map(([d, k]) => [d, k.term, k.freqA, k.freqB, k.rangeA, k.rangeB, k.perMillionA, k.perMillionB, k.ll, k.logRatio, k.percentDiff]) : [];
  const chart = data ? [...data.positive.slice(0, 12).map((k) => ({ term: k.term, logRatio: k.logRatio })),
    ...data.negative.slice(0, 12).map((k) => ({ term: k.term, logRatio: k.logRatio }))].sort((x, y) => y.logRatio - x.logRatio) : [];
  return (
    <section>
      <div className="slice-pair">
        <label>范围 A<SearchBox q={s.a!} onSearch={(a) => update({ a })} placeholder="如：year:2023 section:problems" /></label>
        <label>范围 B（留空：其余全部语料）<SearchBox q={s.b!} onSearch={(b) => update({ b })} placeholder="如：year:2019 section:problems" /></label>
      </div>
      <div className="trend-controls">
        <SegmentedControl label="最低频次" value={s.minFreq!} options={['2', '5', '10', '20'].map((v) => ({ value: v, label: v }))} onChange={(minFreq) => update({ minFreq })} />
        <SegmentedControl label="最少报告数" value={s.minRange!} options={['1', '2', '3', '5', '10'].map((v) => ({ value: v, label: v }))} onChange={(minRange) => update({ minRange })} />
      </div>
      {!ready ? (
        <EmptyState title="请输入要比较的范围">
          <p>例如：{[['year:2023 section:problems', 'year:2019 section:problems'], ['level:township', 'level:department'], ['section:problems', '']].map(([a, b]) => (
            <button key={`${a}|${b}`} type="button" className="example" onClick={() => update({ a: a!, b: b! })}>{a} 对比 {b || '其余语料'}</button>))}</p>
        </EmptyState>
      ) : res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在计算…" />
        : (
          <div className={res.loading ? 'is-stale' : undefined}>
            <div className="toolbar">
              <p className="result-total">
                A：<strong data-testid="total">{data.a.reports.toLocaleString('zh-CN')}</strong> 份报告，{data.a.tokens.toLocaleString('zh-CN')} 词；
                B{data.b.rest ? '（其余语料）' : ''}：{data.b.reports.toLocaleString('zh-CN')} 份报告，{data.b.tokens.toLocaleString('zh-CN')} 词
              </p>
              <CsvButton name="keywords" header={header} rows={csvRows} />
            </div>
            {chart.length > 0 && (
              <figure className="chart-card" aria-label="正负关键词的 log ratio">
                <ResponsiveContainer width="100%" height={Math.max(160, chart.length * 20)}>
                  <BarChart layout="vertical" data={chart} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                    <XAxis type="number" tick={{ fontSize: 11 }} />
                    <YAxis type="category" dataKey="term" width={96} tick={{ fontSize: 12 }} interval={0} />
                    <Tooltip formatter={(v) => [String(v), 'log ratio']} />
                    <Bar dataKey="logRatio" fill="#274c77" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            )}
            <h2>A 中突出的词（正关键词，{data.totalPositive}）</h2>
            {data.positive.length ? <KeywordTable rows={data.positive} a={s.a!} caption="正关键词" /> : <p className="muted">没有。</p>}
            <h2>A 中偏少的词（负关键词，{data.totalNegative}）</h2>
            {data.negative.length ? <KeywordTable rows={data.negative} a={s.b!} caption="负关键词" /> : <p className="muted">没有。</p>}
          </div>
        )}
    </section>
  );
}
