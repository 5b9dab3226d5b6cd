// The search page's half of keeping one's place: remember the scroll position of this URL
// while the reader scrolls, and restore it once the results are on screen again when the
// page is reached by the browser's back/forward or by a 返回结果 link.
import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';
import { rememberSearch, savedScroll, saveScroll, wantsScrollRestore } from '../../state/lastSearch';

export function useScrollMemory(ready: boolean, isEmptySearch: boolean): void {
  const location = useLocation();
  const navigation = useNavigationType();
  const href = location.pathname + location.search;
  // The position to go back to, read once per visit before anything scrolls: while the results
  // load the page is short, and the scroll it clamps to must not overwrite the memory.
  const pending = useRef<{ key: string; y: number | null } | null>(null);
  if (pending.current?.key !== location.key) {
    pending.current = { key: location.key, y: navigation === 'POP' || wantsScrollRestore(location.state) ? savedScroll(href) : null };
  }

  useEffect(() => {
    // Here the app restores scroll itself, once the results are there; the browser's own try comes too early.
    if (!('scrollRestoration' in window.history)) return;
    window.history.scrollRestoration = 'manual';
    return () => { window.history.scrollRestoration = 'auto'; };
  }, []);

  useEffect(() => { rememberSearch(isEmptySearch ? null : href); }, [href, isEmptySearch]);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (pending.current?.y != null) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => saveScroll(href, window.scrollY));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => { cancelAnimationFrame(frame); window.removeEventListener('scroll', onScroll); };
  }, [href]);

  useEffect(() => {
    const p = pending.current;
    if (!ready || !p || p.y === null) return;
    window.scrollTo({ top: p.y });
    p.y = null;
  }, [ready, location.key]);
}
