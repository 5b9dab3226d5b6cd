// Page links: first, last, and a window around the current page.
const WINDOW = 2;

export function Pagination({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, ...Array.from({ length: WINDOW * 2 + 1 }, (_, i) => page - WINDOW + i), pages])]
    .filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="分页">
      <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>上一页</button>
      {shown.map((p, i) => (
        <span key={p} className="pagination-item">
          {i > 0 && p - shown[i - 1]! > 1 && <span className="pagination-gap" aria-hidden="true">…</span>}
          <button type="button" className={`button button-small${p === page ? ' is-current' : ''}`} aria-current={p === page ? 'page' : undefined}
            onClick={() => onPage(p)}>{p}</button>
        </span>
      ))}
      <button type="button" className="button button-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>下一页</button>
      <span className="pagination-status">第 {page} / {pages} 页</span>
    </nav>
  );
}
