import type { ApiError } from '../../../core/model/result.js';
import { useI18n } from '../i18n/context.js';

/** An API error as a user reads it: what went wrong and its code; never a stack. */
export function ErrorMessage({ error, title, testId }: { error: ApiError; title?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'} data-error-code={error.code}>
      <div className="error-title">
        {title ?? t('error.title')} <code className="error-code">{error.code}</code>
      </div>
      <div className="error-message">{error.message}</div>
    </div>
  );
}
