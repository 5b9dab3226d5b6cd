// 搭配词 /corpus/collocates: words within N words of a node (or within its sentence), with
// their association measures; each row opens the lines holding both in the concordance.
import { Link } from 'react-router-dom';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Collocate, CollocatesResponse } from '../../state/corpusTypes';
import { corpusApiUrl, kwicHref } from '../../state/corpusUrl';
import { useApi } from '../../state/useApi';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SearchBox } from '../search/SearchBox';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { CsvButton } from './CsvButton';
import { SortableTable, type Column } from './SortableTable';
import { useCorpusState } from './useCorpusState';

const DEFAULTS = { q: '', left: '5', right: '5', sentence: 'false', minFreq: '3', sort: 'logDice' };
const MEASURES = [
  { value: 'logDice', label: 'logDice' }, { value: 'mi', label: 'MI' }, { value: 'g2', label: 'G²' }, { value: 't', label: 't 值' }, { value: 'freq', label: '频次' },
];
const WINDOWS = ['1', '2', '3', '5', '8', '10'];

export function CollocatesPage() {
  const [s, update] = useCorpusState(DEFAULTS);
  usePageTitle(s.q ? `搭配词：${s.q}` : '搭配词');
  const res = useApi<CollocatesResponse>(s.q!.trim() ? corpusApiUrl('collocates', { ...s, limit: '300' }) : null);
  const data = res.data;
  const measure = s.sort as keyof Collocate;
  const columns: Array<Column<Collocate>> = [
    { key: 'term', label: '搭配词', value: (c) => c.term },
    { key: 'freq', label: '共现', value: (c) => c.freq, numeric: true, title: '在节点词窗口内出现的次数' },
    { key: 'left', label: '左', value: (c) => c.left, numeric: true },
    { key: 'right', label: '右', value: (c) => c.right, numeric: true },
    { key: 'collocateFreq', label: '总频次', value: (c) => c.collocateFreq, numeric: true, title: '该词在范围内的总频次' },
    { key: 'mi', label: 'MI', value: (c) => c.mi, numeric: true },
    { key: 'g2', label: 'G²', value: (c) => c.g2, numeric: true },
    { key: 't', label: 't 值', value: (c) => c.t, numeric: true },
    { key: 'logDice', label: 'logDice', value: (c) => c.logDice, numeric: true },
    { key: 'kwic', label: '语境', value: () => '', render: (c) => <Link to={kwicHref(`${s.q} ${c.term}`)}>查看语境</Link> },
  ];
  return (
    <section>
      <SearchBox q={s.q!} onSearch={(q) => update({ q })} placeholder="节点词及范围，如：人员不足 section:problems level:township" />
      <div className="trend-controls">
        <SegmentedControl label="左窗口" value={s.left!} options={WINDOWS.map((w) => ({ value: w, label: `${w} 词` }))} onChange={(left) => update({ left })} />
        <SegmentedControl label="右窗口" value={s.right!} options={WINDOWS.map((w) => ({ value: w, label: `${w} 词` }))} onChange={(right) => update({ right })} />
        <SegmentedControl label="范围" value={s.sentence!} options={[{ value: 'false', label: '段落内' }, { value: 'true', label: '同一句内' }]} onChange={(sentence) => update({ sentence })} />
        <SegmentedControl label="最低共现" value={s.minFreq!} options={['1', '2', '3', '5', '10'].map((v) => ({ value: v, label: v }))} onChange={(minFreq) => update({ minFreq })} />
        <SegmentedControl label="排序指标" value={s.sort!} options={MEASURES} onChange={(sort) => update({ sort })} />
      </div>
      {!s.q!.trim() ? (
        <EmptyState title="请输入节点词">
          <p>例如：{['人员不足 section:problems', '公开', '政府网站'].map((q) => <button key={q} type="button" className="example" onClick={() => update({ q })}>{q}</button>)}</p>
        </EmptyState>
      ) : res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在计算…" />
        : !data.collocates.length ? <EmptyState title={`「${s.q}」没有达到最低共现的搭配词`}>降低最低共现，或扩大范围。</EmptyState>
        : (
          <div className={res.loading ? 'is-stale' : undefined}>
            <div className="toolbar">
              <p className="result-total">
                节点词「{data.node.join(' ')}」出现 <strong data-testid="total">{data.nodeFreq.toLocaleString('zh-CN')}</strong> 次（{data.passages.toLocaleString('zh-CN')} 个段落），
                范围内共 {data.corpusTokens.toLocaleString('zh-CN')} 词；搭配词 {data.total.toLocaleString('zh-CN')} 个 · <Link to={kwicHref(s.q!)}>节点词语境</Link>
              </p>
              <CsvButton name={`collocates-${data.node.join('')}`} header={['collocate', 'freq', 'left', 'right', 'collocate_freq', 'mi', 'g2', 't', 'logdice']}
                rows={data.collocates.map((c) => [c.term, c.freq, c.left, c.right, c.collocateFreq, c.mi, c.g2, c.t, c.logDice])} />
            </div>
            <figure className="chart-card" aria-label={`前 20 个搭配词的 ${measure}`}>
              <ResponsiveContainer width="100%" height={Math.max(160, Math.min(20, data.collocates.length) * 22)}>
                <BarChart layout="vertical" data={data.collocates.slice(0, 20)} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                  <XAxis type="number" tick={{ fontSize: 11 }} />
                  <YAxis type="category" dataKey="term" width={96} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip formatter={(v) => [String(v), String(measure)]} />
                  <Bar dataKey={measure} fill="#274c77" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <SortableTable rows={data.collocates} columns={columns} initial={s.sort} caption="搭配词" rowKey={(c) => c.term} />
          </div>
        )}
    </section>
  );
}
