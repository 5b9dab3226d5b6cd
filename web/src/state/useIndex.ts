// What the index holds (GET /api/stats) and its vocabularies (GET /api/facets): fetched
// once per page load and shared, since they do not change while the page is open.
import { useMemo } from 'react';
import { api } from './api';
import type { StatsResponse, VocabularyResponse } from './types';
import { useApi } from './useApi';

export const useStats = () => useApi<StatsResponse>(api.statsUrl(), { cache: true });

export interface Vocabulary {
  themes: VocabularyResponse['themes'];
  sections: VocabularyResponse['sections'];
  years: number[];
  themeLabel: (id: string) => string;
  sectionLabel: (id: string) => string;
}

export function useVocabulary(): Vocabulary {
  const { data } = useApi<VocabularyResponse>(api.vocabularyUrl(), { cache: true });
  return useMemo(() => {
    const themes = new Map((data?.themes ?? []).map((t) => [t.id, t.label]));
    const sections = new Map<string, string>((data?.sections ?? []).map((s) => [s.id, s.label]));
    return {
      themes: data?.themes ?? [],
      sections: data?.sections ?? [],
      years: (data?.years ?? []).map((y) => y.year).sort((a, b) => a - b),
      // Until the vocabulary arrives (or for an id it lacks), show the id rather than nothing.
      themeLabel: (id: string) => themes.get(id) ?? id,
      sectionLabel: (id: string) => sections.get(id) ?? id,
    };
  }, [data]);
}
