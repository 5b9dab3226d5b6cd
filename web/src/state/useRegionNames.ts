// Region codes as the names a reader knows (11 → 北京市), from GET /api/regions, for chips,
// titles and menus that hold codes the current results may not contain.
import { useCallback } from 'react';
import { api } from './api';
import { useApi } from './useApi';

type Names = Record<string, { name: string; path: string }>;

export function useRegionNames(codes: readonly string[]): { name: (code: string) => string; path: (code: string) => string } {
  const sorted = [...new Set(codes)].sort();
  const url = sorted.length ? api.regionsUrl(new URLSearchParams(sorted.map((c) => ['code', c]))) : null;
  const answer = useApi<{ names: Names }>(url, { cache: true });
  const names = answer.data?.names;
  // While the names load, or for a code the gazetteer does not know: say so, never the bare code.
  const name = useCallback((code: string) => names?.[code]?.name ?? (answer.loading ? '…' : '未知地区'), [names, answer.loading]);
  const path = useCallback((code: string) => names?.[code]?.path ?? name(code), [names, name]);
  return { name, path };
}
