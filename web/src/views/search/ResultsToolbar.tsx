// Above the results: the exact total, sort, 「按报告合并」, exports and the concordance link.
import { Link } from 'react-router-dom';
import { api } from '../../state/api';
import { SORT_LABELS } from '../../state/labels';
import type { Sort } from '../../state/types';
import { exportApiParams, SORTS, toQueryString, writeConcordance, type SearchState } from '../../state/url';

export function ResultsToolbar({ state, total, reports, tookMs, onChange }: {
  state: SearchState;
  total: number;
  /** Distinct reports among the passages, when known. */
  reports: number | null;
  tookMs: number;
  onChange: (patch: Partial<SearchState>) => void;
}) {
  const count = total.toLocaleString('zh-CN');
  return (
    <div className="toolbar">
      <p className="result-total" aria-live="polite">
        {state.collapse
          ? <>共 <strong data-testid="total">{count}</strong> 份报告</>
          : <>共 <strong data-testid="total">{count}</strong> 个段落{reports !== null && <>，来自 {reports.toLocaleString('zh-CN')} 份报告</>}</>}
        <span className="took">（{tookMs} 毫秒）</span>
      </p>
      <div className="toolbar-controls">
        <label className="inline-field">
          排序
          <select value={state.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
            {SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
        </label>
        <label className="inline-field toggle">
          <input type="checkbox" checked={state.collapse} onChange={(e) => onChange({ collapse: e.target.checked })} />
          按报告合并
        </label>
      </div>
      <div className="toolbar-exports" aria-label="导出">
        <span className="muted">导出</span>
        <a className="button button-small button-quiet" href={api.exportUrl(exportApiParams(state, 'csv'))} download data-format="csv">CSV</a>
        <a className="button button-small button-quiet" href={api.exportUrl(exportApiParams(state, 'json'))} download data-format="json">JSON</a>
        <a className="button button-small button-quiet" href={api.exportUrl(exportApiParams(state, 'md'))} download data-format="md">Markdown</a>
        {state.q && (
          <Link className="button button-small button-quiet" to={`/concordance${toQueryString(writeConcordance({ q: state.q, width: 20, sort: 'position', filters: state.filters }))}`}>
            语境（KWIC）
          </Link>
        )}
      </div>
    </div>
  );
}
