// Keeping one's place (issue 16): the last search (its URL) stays one click away from every
// page — the nav's 搜索 and the reader's 返回结果 — and a search page remembers how far down
// it was scrolled, so coming back (browser back or 返回结果) lands where the reader left.
// Kept in sessionStorage: per tab, gone with it, like the history it complements.
import { useSyncExternalStore } from 'react';

const LAST = 'gongkai:last-search';
const SCROLL = 'gongkai:scroll:';
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try { return window.sessionStorage.getItem(key); } catch { return null; }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch { /* storage off (private mode): the app works, only without the memory */ }
}

/** The search page's URL (path and query), or null for the empty search page. */
export function rememberSearch(href: string | null): void {
  if (read(LAST) === href) return;
  write(LAST, href);
  listeners.forEach((l) => l());
}

export function useLastSearch(): string | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => read(LAST));
}

export function saveScroll(href: string, y: number): void { write(SCROLL + href, String(Math.round(y))); }

export function savedScroll(href: string): number | null {
  const v = read(SCROLL + href);
  return v === null || !/^\d+$/.test(v) ? null : Number(v);
}

/** What a link back to the results carries, so that the search page restores its scroll. */
export const RESTORE_SCROLL = { restoreScroll: true } as const;
export const wantsScrollRestore = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { restoreScroll?: unknown }).restoreScroll === true;
