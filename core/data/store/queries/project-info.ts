import fs from 'node:fs';
import path from 'node:path';
import type { ProjectInfo } from '../../../model/api.js';
import { isoDate } from '../../import/values.js';
import { sha256Text } from '../../hash.js';
import { readCurrency } from '../currency.js';
import type { Db } from '../open.js';
import { dataFingerprint } from '../runs.js';

/** What the UI shows of a project: size, counts, date range, currency, the imports it holds. */
export function projectInfo(db: Db, file: string): ProjectInfo {
  const one = <T>(sql: string): T => db.prepare(sql).get() as T;
  const range = one<{ first: number | null; last: number | null; n: number }>('SELECT min(day) AS first, max(day) AS last, count(*) AS n FROM receipts');
  const imports = db
    .prepare('SELECT id, file, format, table_name AS "table", rows_imported AS rows, rows_rejected AS rejected, rows_flagged AS flagged, imported_at AS importedAt, run_id AS runId FROM imports ORDER BY id')
    .all() as ProjectInfo['imports'];
  return {
    path: file,
    name: path.basename(file).replace(/\.sqlite$/i, ''),
    bytes: fs.statSync(file).size,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    customers: one<{ n: number }>('SELECT count(*) AS n FROM customers').n,
    receipts: range.n,
    lines: one<{ n: number }>('SELECT count(*) AS n FROM lines').n,
    firstDay: range.first === null ? null : isoDate(range.first),
    lastDay: range.last === null ? null : isoDate(range.last),
    dataFingerprint: dataFingerprint(db, sha256Text),
    ...currencyOf(db),
    imports,
  };
}

function currencyOf(db: Db): Pick<ProjectInfo, 'currency' | 'currencySource'> {
  const { currency, source } = readCurrency(db);
  return { currency, currencySource: source };
}
