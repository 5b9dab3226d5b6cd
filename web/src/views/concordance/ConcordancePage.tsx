// 语境 /concordance: every occurrence of a word with its left and right context, sortable
// by either side, each line cited and linked, exportable as CSV (built here, in the browser).
import { DEMO_NOTICE, describeFilters, exportContext, exportFileName } from '../../state/exportContext';
import { api } from '../../state/api';
import { downloadText, toCsv } from '../../state/csv';
import { KWIC_SORT_LABELS, LEVEL_LABELS } from '../../state/labels';
import type { ConcordanceResponse, Level } from '../../state/types';
import { concordanceApiParams, passageHref, KWIC_LIMIT, KWIC_SORTS, KWIC_WIDTHS, readConcordance, writeConcordance, type ConcordanceState } from '../../state/url';
import { useApi } from '../../state/useApi';
import { useStats, useVocabulary, type Vocabulary } from '../../state/useIndex';
import { useUrlState } from '../../state/useUrlState';
import { FilterChips } from '../common/FilterChips';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { SearchBox } from '../search/SearchBox';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import { KwicTable } from './KwicTable';
import { useRegionNames } from '../../state/useRegionNames';

const CSV_HEADER = ['left', 'keyword', 'right', 'citation', 'report_id', 'paragraph', 'link', 'demo',
  'query', 'filters', 'sort', 'corpus', 'exported_at', 'app_version'] as const;

/** The lines as CSV, every row with its link and the export's context (as the server's exports: services/core/export-context.ts). */
function exportCsv(res: ConcordanceResponse, state: ConcordanceState, vocab: Vocabulary, corpus: { demo: boolean; reports: number }) {
  const ctx = exportContext({
    query: state.q, sort: `${KWIC_SORT_LABELS[state.sort]}，语境宽度 ${state.width} 字`, demo: corpus.demo, reports: corpus.reports,
    filters: describeFilters(state.filters, { section: vocab.sectionLabel, theme: vocab.themeLabel, level: (l) => LEVEL_LABELS[l as Level] ?? l, region: (c) => `区划 ${c}` }),
  });
  const context = [ctx.query, ctx.filters, ctx.sort, ctx.corpus, ctx.exportedAt, ctx.version];
  const rows = res.lines.map((l) => [l.left, l.keyword, l.right, l.citation.text, l.reportId, l.ordinal,
    `${window.location.origin}${passageHref(l.reportId, l.ordinal, state.q)}`, l.report.demo ? DEMO_NOTICE : '', ...context]);
  downloadText(exportFileName('kwic', state.q, 'csv', new Date(ctx.exportedAt)), toCsv(CSV_HEADER, rows));
}

export function ConcordancePage() {
  const [state, setState] = useUrlState(readConcordance, writeConcordance);
  const vocab = useVocabulary();
  const regionNames = useRegionNames(state.filters.regions);
  const stats = useStats();
  usePageTitle(state.q ? `语境：${state.q}` : '语境');
  const url = state.q.trim() ? api.concordanceUrl(concordanceApiParams(state)) : null;
  const res = useApi<ConcordanceResponse>(url);
  const update = (patch: Partial<ConcordanceState>) => setState((s) => ({ ...s, ...patch }));
  const data = res.data;

  return (
    <div className="page concordance-page">
      <header className="page-head">
        <h1>语境（KWIC）</h1>
        <p className="muted">检索词的每一处出现及其前后文字，按检索词对齐；可按左侧或右侧语境排序，以便比较不同报告的说法。</p>
      </header>
      <SearchBox q={state.q} onSearch={(q) => update({ q })} placeholder="输入词语，如：微信、人员、解读" />
      <div className="trend-controls">
        <SegmentedControl label="排序" value={state.sort} options={KWIC_SORTS.map((s) => ({ value: s, label: KWIC_SORT_LABELS[s] }))} onChange={(sort) => update({ sort })} />
        <SegmentedControl label="语境宽度" value={String(state.width)} options={KWIC_WIDTHS.map((w) => ({ value: String(w), label: `${w} 字` }))}
          onChange={(w) => update({ width: Number(w) })} />
      </div>
      <FilterChips filters={state.filters} labeler={{ vocab, regionName: regionNames.name }} onChange={(filters) => update({ filters })} />

      {!url ? (
        <EmptyState title="请输入要查看语境的词语">
          <p>例如：{['微信', '人员', '政策解读', '12345'].map((q) => <button key={q} type="button" className="example" onClick={() => update({ q })}>{q}</button>)}</p>
        </EmptyState>
      ) : res.error ? (
        <ErrorNotice error={res.error} onRetry={res.reload} />
      ) : !data ? (
        <Loading label="正在查找…" />
      ) : !data.lines.length ? (
        <EmptyState title={`没有找到「${state.q}」`}>换一个词，或取消筛选条件。</EmptyState>
      ) : (
        <section className={res.loading ? 'is-stale' : undefined} aria-busy={res.loading}>
          <div className="toolbar">
            <p className="result-total">
              共 <strong data-testid="total">{data.total.toLocaleString('zh-CN')}</strong> 处，见于 {data.passages.toLocaleString('zh-CN')} 个段落
              {data.lines.length < data.total && <>；显示前 {data.lines.length} 处</>}
              {data.truncated && data.lines.length >= KWIC_LIMIT && <span className="muted">（结果较多，请缩小范围）</span>}
            </p>
            <button type="button" className="button button-small" disabled={!stats.data}
              onClick={() => stats.data && exportCsv(data, state, vocab, stats.data)}>导出 CSV</button>
          </div>
          <KwicTable lines={data.lines} q={state.q} width={state.width} />
        </section>
      )}
    </div>
  );
}
