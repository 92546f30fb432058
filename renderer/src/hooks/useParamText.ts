import { useMemo } from 'react';
import { useApi } from '../api/context.js';
import { useI18n } from '../i18n/context.js';
import { useApiQuery } from './useApiQuery.js';

/** An analysis' parameter labels and help in the UI language, as its declarations say (listAnalyses). */
export interface ParamText {
  /** The label, or the parameter's id until the list has loaded. */
  label(name: string): string;
  /** "id: help", for a title attribute (the id stays at hand). */
  title(name: string): string | undefined;
}

/**
 * The labels a page's form shows for its analysis' parameters: declared once with the parameter
 * (core/jobs/param-spec.ts), in English and Korean, so no page keeps its own copy (issue #14).
 */
export function useParamText(analysis: string): ParamText {
  const api = useApi();
  const { lang } = useI18n();
  const analyses = useApiQuery('analyses', () => api.listAnalyses({}));
  return useMemo(() => {
    const info = analyses.status === 'ok' ? analyses.value.find((a) => a.id === analysis) : undefined;
    const byName = new Map((info?.params ?? []).map((p) => [p.name, p]));
    return {
      label: (name) => byName.get(name)?.label?.[lang] ?? name,
      title: (name) => {
        const help = byName.get(name)?.helpText?.[lang];
        return help === undefined ? undefined : `${name}: ${help}`;
      },
    };
  }, [analyses, analysis, lang]);
}
