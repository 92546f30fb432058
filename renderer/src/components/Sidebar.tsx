import { useI18n } from '../i18n/context.js';
import { COMING_PAGES, PAGES, type Page } from '../hooks/usePage.js';
import { Icon } from './Icon.js';

/** The left navigation: the pages of this release, then the coming ones (disabled, with a hint). */
export function Sidebar({ page, onNavigate }: { page: Page; onNavigate(page: Page): void }) {
  const { t } = useI18n();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          SW
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ul className="nav-list">
        {PAGES.map((p) => (
          <li key={p}>
            <button type="button" className={`nav-item${p === page ? ' active' : ''}`} data-testid={`nav-${p}`} aria-current={p === page ? 'page' : undefined} onClick={() => onNavigate(p)}>
              <Icon name={p} />
              <span>{t(`nav.${p}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {COMING_PAGES.length > 0 && <div className="nav-section">{t('nav.coming')}</div>}
      <ul className="nav-list">
        {COMING_PAGES.map((p) => (
          <li key={p}>
            <button type="button" className="nav-item" data-testid={`nav-${p}`} disabled aria-disabled="true" title={t('nav.comingHint')}>
              <Icon name={p} />
              <span>{t(`nav.${p}`)}</span>
              <span className="badge badge-muted">{t('nav.soon')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">{t('app.offline')}</div>
    </nav>
  );
}
