/**
 * A failure to open a project, said so the user can act on it. The one failure worth explaining
 * is the native SQLite module built for Node instead of Electron (its ABI differs): the fix is a
 * rebuild, described in the README.
 */
export function explainOpenFailure(message: string): string {
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(message)) {
    return 'better-sqlite3 is built for Node, not for Electron: run `npx @electron/rebuild -f -w better-sqlite3` (README, "Building the desktop app"), then start again.';
  }
  return message;
}
