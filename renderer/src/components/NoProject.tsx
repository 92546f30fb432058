import { useI18n } from '../i18n/context.js';
import { Card } from './Card.js';

/** Shown by pages that need a project when none is open. */
export function NoProject() {
  const { t } = useI18n();
  return (
    <Card title={t('project.noneTitle')} testId="no-project">
      <p className="muted">{t('project.none')}</p>
      <a className="btn btn-primary" href="#/data">
        {t('project.goToData')}
      </a>
    </Card>
  );
}
