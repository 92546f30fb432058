import { useI18n } from '../i18n/context.js';
import type { Page } from '../hooks/usePage.js';
import { useProject } from '../state/project.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Page title, the open project, and the language switch. */
export function Header({ page }: { page: Page }) {
  const { t } = useI18n();
  const { info } = useProject();
  return (
    <header className="header">
      <h1 className="header-title">{t(`nav.${page}`)}</h1>
      <div className="header-project" data-testid="header-project" title={info?.path ?? undefined}>
        <span className="header-project-label">{t('header.project')}</span>
        <span className="header-project-name">{info ? info.name : t('header.noProject')}</span>
      </div>
      <LanguageSwitch />
    </header>
  );
}
