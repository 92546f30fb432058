import { useCallback } from 'react';
import { useApi } from '../api/context.js';
import { useI18n } from '../i18n/context.js';
import { isMessageKey } from '../i18n/translate.js';
import { useApiQuery } from './useApiQuery.js';

/**
 * An analysis' name in the UI language (issue #14): the page's own `analysis.<id>` message where
 * there is one, else the name the job declares in that language (listAnalyses' title / titleKo),
 * else the id (before the list has loaded, or for a kind that is no analysis).
 */
export function useAnalysisName(): (id: string) => string {
  const api = useApi();
  const { t, lang } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  return useCallback(
    (id: string) => {
      const key = `analysis.${id}`;
      if (isMessageKey(key)) return t(key);
      const info = analyses.status === 'ok' ? analyses.value.find((a) => a.id === id) : undefined;
      if (!info) return id;
      return lang === 'ko' ? (info.titleKo ?? info.title) : info.title;
    },
    [analyses, t, lang],
  );
}
