// Skip links between the search page's panels (filters ↔ results): a keyboard user need not
// Tab through every facet to reach the first result's 「复制引用」. Shown only when focused.
// Focus moves to the target without touching the URL (a #hash would add a history entry).
export function SkipLink({ to, children }: { to: string; children: string }) {
  return (
    <a className="skip-inline" href={`#${to}`}
      onClick={(e) => {
        e.preventDefault();
        const el = document.getElementById(to);
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'start' });
      }}>
      {children}
    </a>
  );
}
