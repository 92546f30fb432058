import { useRef, useState } from 'react';
import type { SegmentProfile } from '../../../../core/model/segment.js';
import { OUTLIER_SEGMENT } from '../../../../core/model/segment.js';
import { useI18n } from '../../i18n/context.js';
import { featureLabel, markSymbol, orderProfiles, patternBeside } from './labels.js';
import { segmentColor } from './options.js';

interface Props {
  profiles: readonly SegmentProfile[];
  names: ReadonlyMap<number, string>;
  saving: ReadonlySet<number>;
  onRename(segment: number, name: string): void;
}

/** A card per segment with its editable name (Enter or leaving the field saves, Escape cancels). */
export function SegmentCards({ profiles, names, saving, onRename }: Props) {
  const { t, fmt } = useI18n();
  return (
    <div className="segment-cards">
      {orderProfiles(profiles).map((p) => {
        const name = names.get(p.segment) ?? p.name;
        const marked = p.features.filter((f) => f.mark !== '');
        return (
          <article key={p.segment} className={`segment-card${p.segment === OUTLIER_SEGMENT ? ' outliers' : ''}`} data-testid={`segment-card-${p.segment}`} data-saving={saving.has(p.segment) ? 'true' : 'false'} style={{ borderTopColor: segmentColor(p.segment) }}>
            <NameInput key={name} segment={p.segment} name={name} onRename={onRename} label={t('segments.nameOf', { id: p.segment })} />
            {p.pattern && (
              <div className="segment-pattern muted small" data-testid={`card-pattern-${p.segment}`} title={t('segments.patternTip')} data-beside={patternBeside(name, p.pattern) ? 'true' : 'false'}>
                {p.pattern}
              </div>
            )}
            <div className="segment-card-figures">
              <span className="num-text">
                {t('segments.customersN', { n: fmt.int(p.customers) })} · {fmt.pct(p.customerShare, 1)}
              </span>
              <span>
                {t('segments.meanSpendShort')} <strong>{fmt.moneyCompact(p.meanSpend)}</strong>
              </span>
            </div>
            {marked.length > 0 && (
              <div className="chips">
                {marked.map((f) => (
                  <span key={f.name} className={`chip mark-${f.mark}`}>
                    {markSymbol(f.mark)} {featureLabel(t, f.name)}
                  </span>
                ))}
              </div>
            )}
            {p.topCategories.length > 0 && <div className="segment-card-cats muted small">{p.topCategories.slice(0, 3).map((c) => c.category).join(' · ')}</div>}
          </article>
        );
      })}
    </div>
  );
}

function NameInput({ segment, name, label, onRename }: { segment: number; name: string; label: string; onRename(segment: number, name: string): void }) {
  const [draft, setDraft] = useState(name);
  const cancelled = useRef(false);
  const commit = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(name);
      return;
    }
    const next = draft.trim().slice(0, 200);
    if (next === '' || next === name) setDraft(name);
    else onRename(segment, next);
  };
  return (
    <input
      className="input segment-name"
      value={draft}
      aria-label={label}
      maxLength={200}
      data-testid={`segment-name-${segment}`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        else if (e.key === 'Escape') {
          cancelled.current = true;
          setDraft(name);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
