import { useI18n } from '../../i18n/context.js';
import { type MessageKey } from '../../i18n/translate.js';
import { useAnalysisName } from '../../hooks/useAnalysisName.js';

const KNOWN: Record<string, MessageKey> = { import: 'jobs.kind.import', demo: 'jobs.kind.demo', overview: 'jobs.kind.overview' };

/** A job kind by its name in the UI language (analyses by their `analysis.<id>` message or their declared name in that language; unknown ones keep their id). */
export function JobKind({ kind }: { kind: string }) {
  const { t } = useI18n();
  const analysisName = useAnalysisName();
  const key = KNOWN[kind];
  return <span className="job-kind">{key ? t(key) : kind ? analysisName(kind) : t('jobs.kind.unknown')}</span>;
}
