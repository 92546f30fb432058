import type { ProjectInfo } from '../../../../core/model/api.js';
import { useI18n } from '../../i18n/context.js';
import { basename } from '../../lib/path.js';

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
              <td title={imp.file}>{basename(imp.file)}</td>
              <td title={imp.format}>{imp.table}</td>
              <td className="num">{fmt.int(imp.rows)}</td>
              <td className="num">{fmt.int(imp.rejected)}</td>
              <td className="num">{fmt.int(imp.flagged)}</td>
              <td>{fmt.dateTime(imp.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
