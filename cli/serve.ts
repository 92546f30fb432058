import os from 'node:os';
import path from 'node:path';
// @ts-expect-error -- a plain script (npm start runs it unbuilt), typed where it is used below.
import { userDataDir as untypedUserDataDir } from '../scripts/user-data.mjs';
import { WorkbenchError } from '../core/model/result.js';
import { ApiHost } from '../core/service/api.js';
import { RecentProjects } from '../core/service/recent-projects.js';
import type { WorkbenchService } from '../core/service/service.js';
import { newSecret } from './http/auth.js';
import { LOOPBACK, WorkbenchServer } from './http/server.js';
import { defaultRendererDir } from './http/static.js';
import { UploadArea } from './http/upload.js';

export interface ServeOptions {
  service: WorkbenchService;
  project: string;
  /** 0: any free port. */
  port: number;
  json: boolean;
}

/**
 * `serve`: the browser host (SPEC §5–§6). Opens the project (creating an empty one when the file
 * does not exist, so the import wizard can fill it; a new project's name ends in .sqlite), listens on 127.0.0.1 only with a per-launch
 * secret, prints the URL, and runs until SIGINT or SIGTERM; then cancels running jobs, closes the
 * server, removes the upload folder and resolves (exit code 0). A second signal stops at once.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const project = path.resolve(options.project);
  // Also removes the upload folders of earlier launches that were killed (issue #15 §9).
  const uploads = new UploadArea();
  const removeUploads = (): void => uploads.remove();
  process.once('exit', removeUploads);
  const api = new ApiHost(options.service, project, uploads);
  // Issue #14 "The first minute": recent projects kept in the user-data folder (SEGMENT_WORKBENCH_DATA
  // overrides it), and a read-only listing of the user's home to choose from instead of typing a path.
  api.recent = new RecentProjects(path.join((untypedUserDataDir as () => string)(), 'recent-projects.json'));
  api.browseRoot = os.homedir();
  const opened = await api.call('openProject', { path: project, create: true });
  if (!opened.ok) {
    uploads.remove();
    process.off('exit', removeUploads);
    throw new WorkbenchError(opened.error.code, opened.error.message, opened.error.details);
  }
  const secret = newSecret();
  const server = new WorkbenchServer({ api, secret, rendererDir: defaultRendererDir(), uploads });
  let port: number;
  try {
    port = await server.listen(options.port);
  } catch (err) {
    uploads.remove();
    process.off('exit', removeUploads);
    throw err;
  }

  // Listen for the signals before printing the URL: whoever reads it may signal at once.
  const signalled = nextSignal();
  const url = `http://${LOOPBACK}:${port}/?token=${secret}`;
  if (options.json) process.stdout.write(`${JSON.stringify({ url, port, project })}\n`);
  else {
    process.stdout.write(`Segment Workbench is serving ${project} at ${url}\n`);
    process.stderr.write('Open that address in a browser on this machine; Ctrl-C stops the server.\n');
  }

  const signal = await signalled;
  const force = (): void => {
    process.stderr.write('Stopped at once.\n');
    process.exit(1);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  if (!options.json) process.stderr.write(`${signal}: stopping (cancelling running jobs)…\n`);

  const closing = server.stopAccepting();
  await options.service.jobs.cancelAll();
  await server.drop();
  await closing;
  uploads.remove();
  process.off('exit', removeUploads);
  process.off('SIGINT', force);
  process.off('SIGTERM', force);
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
