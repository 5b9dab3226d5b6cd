// Whether the screen is phone-narrow, following the CSS breakpoint (styles.css: 600px), so a
// chart can lay itself out differently where its labels would not fit side by side.
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 600px)';

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => { const m = window.matchMedia(QUERY); m.addEventListener('change', onChange); return () => m.removeEventListener('change', onChange); },
    () => window.matchMedia(QUERY).matches,
  );
}
