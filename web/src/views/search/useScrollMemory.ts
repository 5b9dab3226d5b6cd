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
  const restored = useRef<string | null>(null);

  useEffect(() => { rememberSearch(isEmptySearch ? null : href); }, [href, isEmptySearch]);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => saveScroll(href, window.scrollY));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => { cancelAnimationFrame(frame); window.removeEventListener('scroll', onScroll); };
  }, [href]);

  useEffect(() => {
    if (!ready || restored.current === location.key) return;
    restored.current = location.key;
    if (navigation !== 'POP' && !wantsScrollRestore(location.state)) return;
    const y = savedScroll(href);
    if (y !== null) window.scrollTo({ top: y });
  }, [ready, href, navigation, location.key, location.state]);
}
