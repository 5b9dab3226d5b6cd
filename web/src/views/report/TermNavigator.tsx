// When the reader is opened from a search: which passages contain the terms, and
// 上一处 / 下一处 to step through them.
export function TermNavigator({ q, ordinals, current, onClear }: {
  q: string; ordinals: number[]; current: number | null; onClear: () => void;
}) {
  const next = ordinals.find((o) => current === null || o > current);
  const prev = [...ordinals].reverse().find((o) => current !== null && o < current);
  return (
    <div className="term-nav" role="region" aria-label="检索词">
      <span>
        检索词「<mark>{q}</mark>」
        {ordinals.length ? <>出现在 <strong>{ordinals.length}</strong> 个段落中</> : '未出现在本报告的段落中'}
      </span>
      {ordinals.length > 0 && (
        <span className="term-nav-buttons">
          <a className={`button button-small${prev === undefined ? ' is-disabled' : ''}`} href={prev !== undefined ? `#p${prev}` : undefined} aria-disabled={prev === undefined}>上一处</a>
          <a className={`button button-small${next === undefined ? ' is-disabled' : ''}`} href={next !== undefined ? `#p${next}` : undefined} aria-disabled={next === undefined}>下一处</a>
        </span>
      )}
      <button type="button" className="link-button" onClick={onClear}>取消高亮</button>
    </div>
  );
}
