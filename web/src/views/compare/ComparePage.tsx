// 对比 /compare?a=<earlier id>&b=<report id>: one report against an earlier one (usually the
// unit's previous year). Sections side by side by type; each sentence marked as an assessor
// reads it — unchanged, changed (with the words that changed), new, dropped; the format's
// standard sentences marked 套话 and counted apart; table cells whose numbers changed.
import { Link, useSearchParams } from 'react-router-dom';
import { copyApi, percent, ROW_STATUS_LABELS, type CompareResult } from '../../state/copyApi';
import { useApi } from '../../state/useApi';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { usePageTitle } from '../usePageTitle';

type Row = CompareResult['sections'][number]['rows'][number];

function Sentence({ row, side }: { row: Row; side: 'a' | 'b' }) {
  const text = side === 'a' ? row.a : row.b;
  if (text === null) return <span className="cmp-empty" aria-hidden="true" />;
  if (row.status !== 'changed' || !row.diff) return <span>{text}</span>;
  // a shows what was removed, b what was added; the rest is shared.
  return (
    <span>
      {row.diff.filter((d) => (side === 'a' ? !d.added : !d.removed)).map((d, i) => (
        d.added ? <ins key={i}>{d.text}</ins> : d.removed ? <del key={i}>{d.text}</del> : <span key={i}>{d.text}</span>
      ))}
    </span>
  );
}

function Side({ label, side }: { label: CompareResult['a']; side: string }) {
  return (
    <div className="cmp-side">
      <span className="muted small">{side}</span>
      {label.id ? <Link to={`/reports/${encodeURIComponent(label.id)}`}>{label.title ?? label.id}</Link> : <span>{label.title}</span>}
    </div>
  );
}

export function ComparePage() {
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const state = useApi<CompareResult>(a && b ? copyApi.compareUrl(a, b) : null);
  usePageTitle('报告对比');
  if (!a || !b) return <p className="status">请从报告页的「与上一年对比」进入，或在地址中给出 a 与 b 两份报告的编号。</p>;
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  const c = state.data;
  if (!c) return <Loading label="正在逐句对比…" />;
  const changedCells = c.cells.filter((x) => x.changed && x.a !== null && x.b !== null);
  return (
    <div className="cmp">
      <header className="cmp-header">
        <h1>报告对比</h1>
        <div className="cmp-sides"><Side label={c.a} side="较早（A）" /><Side label={c.b} side="本报告（B）" /></div>
        <p className="cmp-rate" aria-label="重复率">
          <strong>{percent(c.copyRate)}</strong> 的叙述文字（不计套话）与 A 相同或几乎相同
          <span className="muted small">；套话（多数报告都有的格式句）占 {percent(c.boilerplateShare)}，另计</span>
        </p>
        <ul className="cmp-legend small" aria-label="图例">
          {(['unchanged', 'changed', 'new', 'dropped'] as const).map((s) => (
            <li key={s} className={`cmp-${s}`}>{ROW_STATUS_LABELS[s]} {c.counts[s]} 句</li>
          ))}
        </ul>
      </header>
      {c.sections.map((s) => (
        <section key={s.type} className="cmp-section">
          <h2>{s.label}</h2>
          <table className="cmp-table">
            <thead><tr><th scope="col">状态</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
            <tbody>
              {s.rows.map((r, i) => (
                <tr key={i} className={`cmp-${r.status}`}>
                  <td className="cmp-status">
                    {ROW_STATUS_LABELS[r.status]}{r.boilerplate && <span className="badge">套话</span>}
                    {r.movedFrom && <span className="muted small cmp-moved">移自{r.movedFromLabel ?? r.movedFrom}</span>}
                  </td>
                  <td><Sentence row={r} side="a" /></td>
                  <td><Sentence row={r} side="b" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className="cmp-section">
        <h2>统计表：数字有变化的单元格（{changedCells.length} / {c.cells.length}）</h2>
        {changedCells.length === 0 ? <p className="muted">两份报告的统计表数字相同，或未能读出统计表。</p> : (
          <table className="cmp-table cmp-cells">
            <thead><tr><th scope="col">项目</th><th scope="col">栏目</th><th scope="col">A</th><th scope="col">B</th><th scope="col">变化</th></tr></thead>
            <tbody>
              {changedCells.map((x) => (
                <tr key={`${x.table}|${x.row}|${x.column}`}>
                  <td>{x.label}</td><td className="muted">{x.column}</td><td className="num">{x.a}</td><td className="num">{x.b}</td>
                  <td className={`num ${x.b! > x.a! ? 'cmp-up' : 'cmp-down'}`}>{x.b! > x.a! ? '+' : ''}{Math.round((x.b! - x.a!) * 100) / 100}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
