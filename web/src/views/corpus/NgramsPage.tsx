// 常用词组 /corpus/ngrams: a slice's most frequent word n-grams with range and Gries' DP; the
// format's boilerplate (sentences most reports of a format carry, found in the slice) marked,
// and hidden or shown alone on request.
import { Link } from 'react-router-dom';
import type { Ngram, NgramsResponse } from '../../state/corpusTypes';
import { corpusApiUrl, kwicHref } from '../../state/corpusUrl';
import { useApi } from '../../state/useApi';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SearchBox } from '../search/SearchBox';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { CsvButton } from './CsvButton';
import { SortableTable, type Column } from './SortableTable';
import { useCorpusState } from './useCorpusState';

const DEFAULTS = { q: '', n: '3', minFreq: '3', minRange: '2', boilerplate: 'mark', boilerplateShare: '0.5' };

export function NgramsPage() {
  const [s, update] = useCorpusState(DEFAULTS);
  usePageTitle('常用词组');
  const res = useApi<NgramsResponse>(corpusApiUrl('ngrams', { ...s, limit: '300' }));
  const data = res.data;
  const columns: Array<Column<Ngram>> = [
    { key: 'ngram', label: '词组', value: (g) => g.words.join(' '), render: (g) => <>{g.words.join(' ')}{g.boilerplate && <span className="badge" title={`${Math.round(g.boilerplateShare * 100)}% 的出现在套话句中`}>套话</span>}</> },
    { key: 'freq', label: '频次', value: (g) => g.freq, numeric: true },
    { key: 'range', label: '报告数', value: (g) => g.range, numeric: true },
    { key: 'dp', label: 'DP', value: (g) => g.dp, numeric: true, title: "Gries' DP：0 为均匀分布，越接近 1 越集中" },
    { key: 'kwic', label: '语境', value: () => '', render: (g) => <Link to={kwicHref(`"${g.ngram}" ${s.q}`)}>查看语境</Link> },
  ];
  return (
    <section>
      <SearchBox q={s.q!} onSearch={(q) => update({ q })} placeholder="范围（留空为全部），如：level:township section:problems" />
      <div className="trend-controls">
        <SegmentedControl label="词数" value={s.n!} options={['2', '3', '4', '5'].map((v) => ({ value: v, label: `${v} 词` }))} onChange={(n) => update({ n })} />
        <SegmentedControl label="套话" value={s.boilerplate!} options={[{ value: 'mark', label: '标出' }, { value: 'exclude', label: '排除' }, { value: 'only', label: '只看套话' }]}
          onChange={(boilerplate) => update({ boilerplate })} />
        <SegmentedControl label="套话门槛" value={s.boilerplateShare!} options={['0.2', '0.3', '0.5', '0.8'].map((v) => ({ value: v, label: `${Number(v) * 100}% 报告` }))}
          onChange={(boilerplateShare) => update({ boilerplateShare })} />
        <SegmentedControl label="最少报告数" value={s.minRange!} options={['1', '2', '5', '10'].map((v) => ({ value: v, label: v }))} onChange={(minRange) => update({ minRange })} />
      </div>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在计算…" />
        : !data.ngrams.length ? <EmptyState title="没有达到门槛的词组">降低最少报告数，或扩大范围。</EmptyState>
        : (
          <div className={res.loading ? 'is-stale' : undefined}>
            <div className="toolbar">
              <p className="result-total">
                {data.reports.toLocaleString('zh-CN')} 份报告、{data.tokens.toLocaleString('zh-CN')} 词中，{data.n} 词词组 <strong data-testid="total">{data.total.toLocaleString('zh-CN')}</strong> 个；
                识别出套话句 {data.boilerplateSentences.toLocaleString('zh-CN')} 句（同一格式中至少 {Number(s.boilerplateShare) * 100}% 的报告使用）
              </p>
              <CsvButton name={`ngrams-${data.n}`} header={['ngram', 'freq', 'range', 'dp', 'boilerplate']}
                rows={data.ngrams.map((g) => [g.words.join(' '), g.freq, g.range, g.dp, g.boilerplate ? 'yes' : ''])} />
            </div>
            <SortableTable rows={data.ngrams} columns={columns} initial="freq" caption="常用词组" rowKey={(g) => g.words.join(' ')} />
          </div>
        )}
    </section>
  );
}
