import path from 'node:path';
import { importFiles } from '../../../core/data/import/index.js';
import { openProject, type Db } from '../../../core/data/store/open.js';
import { ALL_DAYS, type DayRange } from '../../../core/data/store/queries/overview/index.js';
import { computeOverview } from '../../../core/jobs/overview-job.js';
import type { ImportOptions } from '../../../core/model/import.js';
import type { OverviewResult } from '../../../core/model/overview.js';
import { tempDir } from '../../helpers/project.js';

/** A new project in a temporary folder with `files` imported as a user would (format and roles detected). */
export async function importedProject(files: string[], extra: Partial<ImportOptions> = {}): Promise<{ dir: string; file: string; db: Db }> {
  const dir = tempDir('swb-overview-');
  const file = path.join(dir, 'p.sqlite');
  const db = openProject(file, { create: true });
  await importFiles(db, { project: file, files, format: 'auto', map: {}, role: 'auto', encoding: 'auto', onError: 'skip', allowDuplicate: false, ...extra });
  return { dir, file, db };
}

/** Every panel of the Overview on an open project. */
export function overview(db: Db, range: DayRange = ALL_DAYS): Omit<OverviewResult, 'period'> {
  return computeOverview(db, range);
}

/** Epoch day of a UTC calendar date. */
export function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}
