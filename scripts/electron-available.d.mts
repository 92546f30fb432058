// Types of electron-available.mjs, for the unit tests (TypeScript does not check the .mjs itself).
export type NativeBuild = 'node' | 'electron' | 'other' | 'missing';

export interface ElectronFacts {
  binary: string | null;
  binaryExists: boolean;
  platform: string;
  env: Record<string, string | undefined>;
  sqlite: NativeBuild;
  isRoot?: boolean;
  browserRequested?: boolean;
}

export type LaunchDecision = { electron: true; binary: string } | { electron: false; reason: string; message: string };

export function fallbackMessage(reason: string): string;
export function electronLaunchDecision(facts: ElectronFacts): LaunchDecision;
export function sqliteRunner(facts: ElectronFacts, nodePath: string): { command: string; env: Record<string, string> } | null;
export function nativeBuildFromLoad(loadError: unknown, electronAbi: string | null): NativeBuild;
export function locateElectron(env?: Record<string, string | undefined>): { binary: string | null; abi: string | null };
export function probeNativeBuild(electronAbi: string | null): NativeBuild;
export function electronFacts(options?: { browserRequested?: boolean }): ElectronFacts;
