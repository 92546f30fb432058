import { useI18n } from '../../i18n/context.js';
import { isMessageKey, type MessageKey } from '../../i18n/translate.js';

const KNOWN: Record<string, MessageKey> = { import: 'jobs.kind.import', demo: 'jobs.kind.demo', overview: 'jobs.kind.overview' };

/** A job kind by its name in the UI language (analyses by their `analysis.<id>` message; unknown ones keep their id). */
export function JobKind({ kind }: { kind: string }) {
  const { t } = useI18n();
  const analysisKey = `analysis.${kind}`;
  const key = KNOWN[kind] ?? (isMessageKey(analysisKey) ? analysisKey : undefined);
  return <span className="job-kind">{key ? t(key) : kind || t('jobs.kind.unknown')}</span>;
}
