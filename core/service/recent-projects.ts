import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../model/api.js';

/** How many projects the list keeps (newest first). */
export const RECENT_LIMIT = 10;

interface Stored {
  projects: { path: string; openedAt: string }[];
}

/**
 * The projects the browser host opened, newest first, kept in the user-data folder (issue #14 "The
 * first minute": recent projects instead of a typed path). One small JSON file; a file that cannot
 * be read is an empty list and a write that fails loses only the memory, never the open.
 */
export class RecentProjects {
  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Newest first; `exists` says whether the file is still there (a moved project stays listed, greyed). */
  list(): RecentProject[] {
    return this.read().projects.map((p) => ({ path: p.path, name: path.basename(p.path), openedAt: p.openedAt, exists: fs.existsSync(p.path) }));
  }

  /** Puts `project` (absolute) first; written atomically (temporary file, then rename). */
  record(project: string): void {
    const abs = path.resolve(project);
    const projects = [{ path: abs, openedAt: this.now().toISOString() }, ...this.read().projects.filter((p) => p.path !== abs)].slice(0, RECENT_LIMIT);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify({ projects } satisfies Stored, null, 2)}\n`);
      fs.renameSync(tmp, this.file);
    } catch {
      // A read-only or full disk: the project is open all the same.
    }
  }

  private read(): Stored {
    try {
      const value = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Stored>;
      const projects = Array.isArray(value.projects) ? value.projects.filter((p) => typeof p?.path === 'string' && typeof p.openedAt === 'string') : [];
      return { projects };
    } catch {
      return { projects: [] };
    }
  }
}
