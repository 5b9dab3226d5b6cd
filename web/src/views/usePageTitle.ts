import { useEffect } from 'react';

/** The browser tab names the page and, where there is one, the query. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · 公开` : '公开 · 政府信息公开年报检索';
  }, [title]);
}
