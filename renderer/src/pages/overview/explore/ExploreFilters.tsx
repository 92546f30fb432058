import type { OverviewFilterOptions, OverviewFilters } from '../../../../../core/model/overview-explore.js';
import { useI18n } from '../../../i18n/context.js';

/**
 * The filter bar of the Overview for every file: a period always (when the data has dates), and
 * segment, region, retailer and category only where the data has them (an empty option list hides
 * the control). Every change replaces the filters; the section reloads every panel with them.
 */
export function ExploreFilters({ filters, options, onChange }: { filters: OverviewFilters; options: OverviewFilterOptions; onChange(next: OverviewFilters): void }) {
  const { t } = useI18n();
  const set = (patch: Partial<OverviewFilters>) => {
    const next: OverviewFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof OverviewFilters)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const text = (v: string) => (v === '' ? undefined : v);
  const pick = (id: keyof OverviewFilters, label: string, values: string[]) =>
    values.length > 0 && (
      <label className="field">
        <span className="field-label">{label}</span>
        <select className="input" data-testid={`explore-filter-${id}`} value={(filters[id] as string | undefined) ?? ''} onChange={(e) => set({ [id]: text(e.target.value) })}>
          <option value="">{t('explore.all')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
    );
  const any = Object.keys(filters).length > 0;
  return (
    <div className="explore-filters" data-testid="explore-filters" role="group" aria-label={t('explore.filters')} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end', marginBottom: 12 }}>
      <label className="field">
        <span className="field-label">{t('explore.from')}</span>
        <input type="date" className="input" data-testid="explore-filter-from" value={filters.from ?? ''} min={options.firstDay ?? undefined} max={options.lastDay ?? undefined} onChange={(e) => set({ from: text(e.target.value) })} />
      </label>
      <label className="field">
        <span className="field-label">{t('explore.to')}</span>
        <input type="date" className="input" data-testid="explore-filter-to" value={filters.to ?? ''} min={options.firstDay ?? undefined} max={options.lastDay ?? undefined} onChange={(e) => set({ to: text(e.target.value) })} />
      </label>
      {options.segmentRuns.length > 0 && (
        <label className="field">
          <span className="field-label">{t('explore.segmentRun')}</span>
          <select
            className="input"
            data-testid="explore-filter-segmentRun"
            value={filters.segmentRun ?? ''}
            onChange={(e) => set({ segmentRun: e.target.value === '' ? undefined : Number(e.target.value), segment: undefined })}
          >
            <option value="">{t('explore.noRun')}</option>
            {options.segmentRuns.map((r) => (
              <option key={r.id} value={r.id}>
                {`#${r.id} ${r.title ?? r.analysis}`}
              </option>
            ))}
          </select>
        </label>
      )}
      {filters.segmentRun !== undefined && options.segments.length > 0 && (
        <label className="field">
          <span className="field-label">{t('explore.segment')}</span>
          <select className="input" data-testid="explore-filter-segment" value={filters.segment ?? ''} onChange={(e) => set({ segment: e.target.value === '' ? undefined : Number(e.target.value) })}>
            <option value="">{t('explore.all')}</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {pick('region', t('explore.region'), options.regions)}
      {pick('retailer', t('explore.retailer'), options.retailers)}
      {pick('category', t('explore.category'), options.categories)}
      {any && (
        <button type="button" className="btn btn-small" data-testid="explore-filter-reset" onClick={() => onChange({})}>
          {t('explore.reset')}
        </button>
      )}
    </div>
  );
}
