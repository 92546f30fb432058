import { useMemo } from 'react';
import type { SegmentProfile } from '../../../../core/model/segment.js';
import type { ClvGroup } from '../../../../core/model/value.js';
import { useI18n } from '../../i18n/context.js';
import { featureLabel, markSymbol, orderProfiles, patternBeside } from './labels.js';
import { segmentColor } from './options.js';
import type { ProfileClv } from './useProfileClv.js';

/**
 * One row per segment: size and shares, spend, each feature's mean (▲ / ▼ when ≥ 10 % above /
 * below the overall mean), and the top categories; with a clv run (`clv`, issue #13) the segment's
 * mean CLV, P(alive) and expected purchases, and a picker for the run.
 */
export function ProfileTable({ profiles, names, clv }: { profiles: readonly SegmentProfile[]; names: ReadonlyMap<number, string>; clv?: ProfileClv }) {
  const { t, fmt } = useI18n();
  const rows = useMemo(() => orderProfiles(profiles), [profiles]);
  const features = rows.find((p) => p.features.length > 0)?.features.map((f) => f.name) ?? [];
  const overall = rows.find((p) => p.features.length > 0)?.features ?? [];
  // Customer attributes (issue #10 point 3): numeric → mean, categorical → the most common value's share.
  const attributes = rows.find((p) => p.attributes && p.attributes.length > 0)?.attributes?.map((a) => a.name) ?? [];
  const clvGroups = clv?.groups ?? null;
  return (
    <section className="card" aria-label={t('segments.profiles')}>
      <div className="card-head">
        <div>
          <h2 className="card-title">{t('segments.profiles')}</h2>
          <div className="card-subtitle muted">{t('segments.profilesHint')}</div>
        </div>
        {clv && clv.runs.length > 0 && (
          <label className="field run-picker">
            <span className="field-label">{t('segments.clvRun')}</span>
            <select className="input" data-testid="profile-clv-run" value={clv.choice} onChange={(e) => clv.choose(e.target.value)}>
              <option value="">{t('segments.clvRun.newest', { id: clv.runs[0].id })}</option>
              {clv.runs.map((r) => <option key={r.id} value={String(r.id)}>{`#${r.id} · clv · ${fmt.dateTime(r.startedAt)}`}</option>)}
              <option value="none">{t('segments.clvRun.none')}</option>
            </select>
          </label>
        )}
      </div>
      <div className="table-scroll">
        <table className="table compact profile-table" data-testid="profile-table" data-rows={rows.length} data-clv-run={clvGroups ? String(clv?.runId) : ''}>
          <thead>
            <tr>
              <th>{t('segments.col.segment')}</th>
              <th className="num">{t('segments.col.customers')}</th>
              <th className="num">{t('segments.col.customerShare')}</th>
              <th className="num">{t('segments.col.spend')}</th>
              <th className="num">{t('segments.col.spendShare')}</th>
              <th className="num">{t('segments.col.meanSpend')}</th>
              {features.map((f) => (
                <th key={f} className="num" title={f}>
                  {featureLabel(t, f)}
                </th>
              ))}
              <th>{t('segments.col.topCategories')}</th>
              {attributes.map((a) => (
                <th key={a} className="attr-col" data-attribute={a}>
                  {a}
                </th>
              ))}
              {clvGroups && (
                <>
                  <th className="num" title={t('segments.clvTip', { id: String(clv?.runId) })}>{t('segments.col.meanClv')}</th>
                  <th className="num">{t('segments.col.meanPAlive')}</th>
                  <th className="num">{t('segments.col.meanPurchases')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.segment} data-segment={p.segment}>
                <th scope="row">
                  <span className="seg-dot" style={{ background: segmentColor(p.segment) }} aria-hidden="true" />
                  {names.get(p.segment) ?? p.name}
                  {patternBeside(names.get(p.segment) ?? p.name, p.pattern) && (
                    <span className="segment-pattern muted small" data-testid={`segment-pattern-${p.segment}`} title={t('segments.patternTip')}>
                      {' '}
                      {p.pattern}
                    </span>
                  )}
                </th>
                <td className="num">{fmt.int(p.customers)}</td>
                <td className="num">{fmt.pct(p.customerShare, 1)}</td>
                <td className="num">{fmt.moneyCompact(p.spend)}</td>
                <td className="num">{fmt.pct(p.spendShare, 1)}</td>
                <td className="num">{fmt.moneyCompact(p.meanSpend)}</td>
                {features.map((name) => {
                  const f = p.features.find((x) => x.name === name);
                  return (
                    <td key={name} className={`num feature-cell${f?.mark ? ` mark-${f.mark}` : ''}`} title={f ? t('segments.featureTip', { median: name === 'monetary' ? fmt.money(f.median) : fmt.dec(f.median, 1), overall: name === 'monetary' ? fmt.money(f.overallMean) : fmt.dec(f.overallMean, 1) }) : undefined}>
                      {f ? (name === 'monetary' ? fmt.moneyCompact(f.mean) : fmt.dec(f.mean, Math.abs(f.mean) >= 100 ? 0 : 1)) : '–'} <span className="mark">{f ? markSymbol(f.mark) : ''}</span>
                    </td>
                  );
                })}
                <td className="top-cats">{p.topCategories.slice(0, 3).map((c) => `${c.category} ${fmt.pct(c.share, 0)}`).join(' · ')}</td>
                {attributes.map((name) => {
                  const a = p.attributes?.find((x) => x.name === name);
                  if (!a || a.known === 0) return <td key={name}>–</td>;
                  if (a.kind === 'numeric') return <td key={name} className="num" title={t('segments.attrMedian', { median: fmt.dec(a.median ?? NaN, 1), n: fmt.int(a.known) })}>{fmt.dec(a.mean ?? NaN, 1)}</td>;
                  const top = [...(a.counts ?? [])].sort((x, y) => y.customers - x.customers)[0];
                  return <td key={name}>{top ? `${top.key} ${fmt.pct(top.customers / Math.max(1, p.customers), 0)}` : '–'}</td>;
                })}
                {clvGroups && <ClvCells group={clvGroups.get(p.segment)} />}
              </tr>
            ))}
          </tbody>
          {overall.length > 0 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={6} className="muted">
                  {t('segments.overallMean')}
                </th>
                {overall.map((f) => (
                  <td key={f.name} className="num muted">
                    {fmt.dec(f.overallMean, Math.abs(f.overallMean) >= 100 ? 0 : 1)}
                  </td>
                ))}
                <td />
                {attributes.map((a) => (
                  <td key={a} />
                ))}
                {clvGroups && <ClvCells group={clv?.overall ?? undefined} muted />}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

/** A segment's mean CLV, P(alive) and expected purchases (– when the clv run has none of its customers). */
function ClvCells({ group, muted = false }: { group: ClvGroup | undefined; muted?: boolean }) {
  const { fmt } = useI18n();
  const cls = muted ? 'num muted' : 'num';
  if (!group || group.customers === 0) return <><td className={cls}>–</td><td className={cls}>–</td><td className={cls}>–</td></>;
  return (
    <>
      <td className={cls} data-clv="value">{fmt.moneyCompact(group.value.mean)}</td>
      <td className={cls} data-clv="p-alive">{fmt.dec(group.pAlive.mean, 3)}</td>
      <td className={cls} data-clv="purchases">{fmt.dec(group.meanExpectedPurchases, 2)}</td>
    </>
  );
}
