import type { ImportSummary } from '../../../../../core/model/import.js';
import { useI18n } from '../../../i18n/context.js';
import { formatMoney } from '../../../lib/format.js';
import { basename } from '../../../lib/path.js';

/** The outcome of an import: rows read, landed, rejected, flagged; per table and per file. */
export function ImportSummaryView({ summary, runId }: { summary: ImportSummary; runId: number | null }) {
  const { t, fmt } = useI18n();
  const stats: [string, string, string?][] = [
    [t('import.summary.read'), fmt.int(summary.rowsRead)],
    [t('import.summary.imported'), fmt.int(summary.rowsImported), 'ok'],
    [t('import.summary.rejected'), fmt.int(summary.rowsRejected), summary.rowsRejected > 0 ? 'danger' : undefined],
    [t('import.summary.flagged'), fmt.int(summary.rowsFlagged), summary.rowsFlagged > 0 ? 'warn' : undefined],
    [t('project.customers'), fmt.int(summary.customers)],
    [t('project.receipts'), fmt.int(summary.receipts)],
    [t('import.summary.amount'), summary.amountTotal === null ? t('import.summary.amountUnknown') : summary.currency && summary.currency !== 'none' ? formatMoney(fmt.lang, summary.amountTotal, summary.currency) : fmt.dec(summary.amountTotal, 0)],
    [t('import.summary.time'), fmt.seconds(summary.seconds)],
  ];
  if (summary.sharedReceiptIds > 0) stats.push([t('import.summary.shared'), fmt.int(summary.sharedReceiptIds), 'warn']);
  if (summary.linesNotRead > 0) stats.push([t('import.summary.notRead'), fmt.int(summary.linesNotRead), 'danger']);
  if (summary.marketing) stats.push([t('import.summary.channels'), summary.marketing.channels.join(', ')], [t('import.summary.spendDays'), `${fmt.int(summary.marketing.days)} (${summary.marketing.firstDay} – ${summary.marketing.lastDay})`]);
  if (summary.coupons) stats.push([t('import.summary.offers'), fmt.int(summary.coupons.offers)], [t('import.summary.discounts'), summary.coupons.discountLevels.map((d) => fmt.dec(d, 2)).join(' · ')]);
  const notes = summary.files.flatMap((f) => (f.notes ?? []).map((note) => `${basename(f.file)}: ${note}`));
  return (
    <div className="import-summary" data-testid="import-summary" data-run-id={runId ?? undefined} data-rows-read={summary.rowsRead} data-rows-imported={summary.rowsImported} data-rows-rejected={summary.rowsRejected} data-rows-flagged={summary.rowsFlagged}>
      <div className="stat-grid">
        {stats.map(([label, value, tone]) => (
          <div key={label} className={`stat${tone ? ` stat-${tone}` : ''}`}>
            <div className="stat-label">{label}</div>
            <div className="stat-value num">{value}</div>
          </div>
        ))}
      </div>
      <div className="summary-tables">
        <div>
          <h4 className="subhead">{t('import.summary.tables')}</h4>
          <table className="table compact">
            <tbody>
              {Object.entries(summary.tables).map(([table, n]) => (
                <tr key={table}>
                  <th scope="row">{table}</th>
                  <td className="num">{fmt.int(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grow">
          <h4 className="subhead">{t('import.summary.files')}</h4>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('import.col.file')}</th>
                <th scope="col">{t('import.col.detected')}</th>
                <th scope="col">{t('import.col.encoding')}</th>
                <th scope="col" className="num">{t('import.summary.read')}</th>
                <th scope="col" className="num">{t('import.summary.imported')}</th>
                <th scope="col" className="num">{t('import.summary.rejected')}</th>
                <th scope="col" className="num">{t('import.summary.flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.files.map((f) => (
                <tr key={f.file}>
                  <td title={f.file}>{basename(f.file)}</td>
                  <td data-testid="summary-file-format">{f.format === 'baskets' ? t('import.summary.baskets', { n: fmt.int(f.rowsImported) }) : `${f.format} · ${f.table}`}</td>
                  <td>{f.sheet ? `${f.encoding} · ${f.sheet}` : f.encoding}</td>
                  <td className="num">{fmt.int(f.rowsRead)}</td>
                  <td className="num">{fmt.int(f.rowsImported)}</td>
                  <td className="num">{fmt.int(f.rowsRejected)}</td>
                  <td className="num">{fmt.int(f.rowsFlagged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {notes.length > 0 && (
            <>
              <h4 className="subhead">{t('import.summary.notes')}</h4>
              <ul className="notes" data-testid="import-notes">
                {notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
