import type { ReactNode } from 'react';
import type { ProjectInfo } from '../../../../core/model/api.js';
import { useI18n } from '../../i18n/context.js';
import { basename } from '../../lib/path.js';

/** A file name with a line-break opportunity after each `_` and `-` (names like LPOINT_BIG_COMP_01_DEMO.csv have no spaces). */
function breakable(name: string): ReactNode[] {
  return name.split(/(?<=[_-])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

/** Every file imported into the project (few rows: a plain table). */
export function ImportsTable({ imports }: { imports: ProjectInfo['imports'] }) {
  const { t, fmt } = useI18n();
  if (imports.length === 0) return <p className="muted">{t('project.noImports')}</p>;
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="imports-table">
        <thead>
          <tr>
            <th scope="col">{t('import.col.file')}</th>
            <th scope="col">{t('import.col.table')}</th>
            <th scope="col" className="num">{t('import.col.rows')}</th>
            <th scope="col" className="num">{t('import.summary.rejected')}</th>
            <th scope="col" className="num">{t('import.summary.flagged')}</th>
            <th scope="col">{t('import.col.importedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((imp) => (
            <tr key={imp.id}>
              {/* Long file names wrap (at their underscores) so the Imported column stays inside the card in both languages (issue #14). */}
              <td title={imp.file} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{breakable(basename(imp.file))}</td>
              <td title={imp.format}>{imp.table}</td>
              <td className="num">{fmt.int(imp.rows)}</td>
              <td className="num">{fmt.int(imp.rejected)}</td>
              <td className="num">{fmt.int(imp.flagged)}</td>
              <td data-testid="import-imported-at" title={imp.importedAt} style={{ whiteSpace: 'normal' }}>{fmt.dateTime(imp.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
