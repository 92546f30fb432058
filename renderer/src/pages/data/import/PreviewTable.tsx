import { useI18n } from '../../../i18n/context.js';

const MAX_ROWS = 10;

/** The first rows of a file as the host read them (raw text, before any conversion). */
export function PreviewTable({ header, rows }: { header: string[]; rows: string[][] }) {
  const { t } = useI18n();
  return (
    <div className="preview-scroll" tabIndex={0} aria-label={t('import.previewRows')}>
      <table className="table preview-table" data-testid="preview-table">
        <thead>
          <tr>
            <th scope="col" className="num muted">
              #
            </th>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i}>
              <td className="num muted">{i + 1}</td>
              {header.map((_, j) => (
                <td key={j}>{r[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
