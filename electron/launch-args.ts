import path from 'node:path';

export type DemoSize = 'tiny' | 'demo' | 'full';

export interface LaunchArgs {
  /** The project given on the command line (resolved), or null for the default demo project. */
  project: string | null;
  /** Create the project as a demo of this size when it does not exist yet (`--demo-size`). */
  demoSize: DemoSize | null;
  /** Arguments that were not understood, said in one sentence each (shown, never fatal). */
  problems: string[];
}

const DEMO_SIZES: readonly string[] = ['tiny', 'demo', 'full'];

/**
 * The workbench's own arguments from Electron's argv: what follows the main script (`electron
 * dist/electron-main.mjs [PROJECT] [--project P] [--demo-size tiny|demo|full]`), or everything
 * after the executable in a packaged app. Chromium and Electron switches (`--inspect=0`,
 * `--no-sandbox`, …) are skipped; a macOS `-psn_…` too.
 */
export function parseLaunchArgs(argv: readonly string[], mainScript: string | null, cwd = process.cwd()): LaunchArgs {
  const at = mainScript === null ? -1 : argv.findIndex((a, i) => i > 0 && !a.startsWith('-') && path.resolve(cwd, a) === path.resolve(mainScript));
  const args = argv.slice(at >= 0 ? at + 1 : 1);
  const out: LaunchArgs = { project: null, demoSize: null, problems: [] };
  const valueOf = (i: number, name: string): [string | undefined, number] => {
    const arg = args[i];
    if (arg.startsWith(`--${name}=`)) return [arg.slice(name.length + 3), i];
    const next = args[i + 1];
    return next === undefined || next.startsWith('-') ? [undefined, i] : [next, i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--project' || arg.startsWith('--project=')) {
      const [value, last] = valueOf(i, 'project');
      i = last;
      if (value) out.project = path.resolve(cwd, value);
      else out.problems.push('--project needs a file path.');
    } else if (arg === '--demo-size' || arg.startsWith('--demo-size=')) {
      const [value, last] = valueOf(i, 'demo-size');
      i = last;
      if (value !== undefined && DEMO_SIZES.includes(value)) out.demoSize = value as DemoSize;
      else out.problems.push(`--demo-size must be tiny, demo or full, got ${JSON.stringify(value ?? '')}.`);
    } else if (arg.startsWith('-')) {
      continue;
    } else if (out.project === null) {
      out.project = path.resolve(cwd, arg);
    } else {
      out.problems.push(`Only one project can be opened at launch; ignored ${JSON.stringify(arg)}.`);
    }
  }
  return out;
}
