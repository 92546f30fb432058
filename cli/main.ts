import path from 'node:path';
import type { JobEvent } from '../core/model/jobs.js';
import type { ImportSummary } from '../core/model/import.js';
import { emptiedRequiredField, importRequestSchema } from '../core/model/import-request.js';
import { CURRENCIES } from '../core/model/currency.js';
import { toApiError, WorkbenchError } from '../core/model/result.js';
import { ApiHost } from '../core/service/api.js';
import { campaignSpendReady } from '../core/service/campaign-spend.js';
import { exportParquet } from '../core/service/exports.js';
import { importCustomerFeaturesInto } from '../core/service/customer-features.js';
import type { JobHandle } from '../core/service/job-runner.js';
import { demoRequestSchema, WorkbenchService } from '../core/service/service.js';
import { integerOption, keyValues, listOf, oneOf, parseCommandLine, requireOption, UsageError, type ParsedArgs } from './args.js';
import { analysisHelp, checkOptions, commandHelp, helpLang, usage, usageAfterError } from './help.js';
import { ProgressPrinter } from './progress.js';
import { printDeletedRun, printExport, printImportSummary, printProject, printRuns, printAnalyses, printSegmentation } from './print.js';
import type { OperationInput, OperationName, OperationOutputs } from '../core/model/api.js';
import { isSegmentAnalysis, type SegmentationSummary } from '../core/model/segment.js';
import { serve } from './serve.js';
import { reportCommand } from './report.js';

/*
 * The command-line shell (SPEC §6, a contract): translates argv to core/service calls, progress
 * to stderr, the summary to stdout (one JSON object with --json). Exit 0 success, 1 failed, 2 usage.
 */

const service = new WorkbenchService();

/** Waits for a job, drawing progress; Ctrl-C cancels it (a second Ctrl-C stops waiting). */
async function follow(handle: JobHandle): Promise<Extract<JobEvent, { type: 'done' }>> {
  const printer = new ProgressPrinter();
  const off = handle.onEvent((e) => {
    if (e.type === 'progress') printer.update(e.progress);
  });
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    printer.end();
    if (interrupts === 1) {
      process.stderr.write('Cancelling… (Ctrl-C again to stop at once)\n');
      handle.cancel();
    } else {
      process.stderr.write('Stopped. The project is unchanged: the import had not committed.\n');
      process.exit(1);
    }
  };
  process.on('SIGINT', onSigint);
  try {
    const final = await handle.result;
    printer.end();
    if (final.type === 'done') return final;
    if (final.type === 'cancelled') throw new WorkbenchError('cancelled', 'Cancelled; the project is unchanged.');
    throw new WorkbenchError((final.error.code as WorkbenchError['code']) ?? 'internal', final.error.message, final.error.details);
  } finally {
    off();
    process.off('SIGINT', onSigint);
  }
}

/** One API operation through the same host the browser and the app use; an error is thrown as the CLI reports it. */
async function hostCall<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutputs[K]> {
  const result = await new ApiHost(service).invoke(name, input);
  if (!result.ok) throw new WorkbenchError(result.error.code as WorkbenchError['code'], result.error.message, result.error.details);
  return result.value;
}

function out(json: boolean, value: unknown, text: () => void): void {
  if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else text();
}

async function main(args: ParsedArgs): Promise<void> {
  const v = args.values;
  const json = v.json === true;
  switch (args.command) {
    case 'demo': {
      const project = requireOption(v.project, 'project');
      const size = oneOf(v.size, 'size', ['tiny', 'demo', 'full'] as const, 'demo');
      const extras = listOf(v.with, 'with', demoRequestSchema.shape.with.unwrap().element.options);
      const done = await follow(service.demo({ project, size, seed: integerOption(v.seed, 'seed') ?? 1, out: v.out, with: extras }));
      const summary = done.summary as ImportSummary & { runId: number };
      out(json, summary, () => printImportSummary(summary, project));
      return;
    }
    case 'import': {
      const project = requireOption(v.project, 'project');
      if (args.positionals.length === 0) throw new UsageError('import needs at least one FILE');
      if (v.format === 'customer-features') {
        // A per-customer feature table computed elsewhere (issue #16), for kmeans features=imported; not a purchase import.
        if (args.positionals.length !== 1) throw new UsageError('--format customer-features imports one FILE.csv or FILE.parquet');
        const r = await importCustomerFeaturesInto(project, path.resolve(args.positionals[0]!));
        out(json, r, () => process.stdout.write(`Imported ${r.columns.length} feature column${r.columns.length === 1 ? '' : 's'} (${r.columns.join(', ')}) for ${r.matched} of ${r.rowsRead} customers from ${r.file}.\n${r.notes.map((n) => `${n}\n`).join('')}Segment on them with: run kmeans --project ${project} --param features=imported\n`));
        return;
      }
      const map = keyValues(v.map, 'map', true);
      const role = oneOf(v.role, 'role', importRequestSchema.shape.role.unwrap().options, 'auto');
      // `--map field=` leaves an optional field unmapped; a required one cannot be (a usage error, before any work).
      const emptied = emptiedRequiredField(map, role);
      if (emptied !== undefined) throw new UsageError(`"${emptied}" is required${role === 'auto' ? '' : ` for ${role}`} and cannot be left unmapped (--map ${emptied}=)`);
      const done = await follow(
        service.importFiles({
          project,
          files: args.positionals.map((f) => path.resolve(f)),
          format: oneOf(v.format, 'format', ['auto', 'lpoint', 'generic', 'baskets'] as const, 'auto'),
          map,
          role,
          encoding: oneOf(v.encoding, 'encoding', ['auto', 'utf8', 'cp949'] as const, 'auto'),
          ...(v.sheet === undefined ? {} : { sheet: v.sheet }),
          onError: oneOf(v['on-error'], 'on-error', ['abort', 'skip'] as const, 'abort'),
          allowDuplicate: v['allow-duplicate'] === true,
        }),
      );
      const summary = done.summary as ImportSummary;
      out(json, summary, () => printImportSummary(summary, project));
      return;
    }
    case 'analyses': {
      const list = service.listAnalyses();
      const lang = helpLang(v.lang);
      out(json, list, () => printAnalyses(list, lang));
      return;
    }
    case 'run': {
      const analysis = args.positionals[0];
      if (!analysis) throw new UsageError('run needs an ANALYSIS (see `analyses`)');
      const project = requireOption(v.project, 'project');
      const params = service.coerceParams(analysis, keyValues(v.param, 'param', false));
      const done = await follow(service.runAnalysis({ project, analysis, params }));
      const summary = { runId: done.runId, ...(done.summary as object) };
      out(json, summary, () => (isSegmentAnalysis(analysis) ? printSegmentation(summary as SegmentationSummary, project) : process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)));
      return;
    }
    case 'project': {
      const project = path.resolve(requireOption(v.project, 'project'));
      const currency = v.currency === undefined ? undefined : oneOf(v.currency.toLowerCase() === 'none' ? 'none' : v.currency.toUpperCase(), 'currency', CURRENCIES, 'none');
      const info = currency === undefined ? await hostCall('projectInfo', { project }) : await hostCall('setCurrency', { project, currency });
      out(json, info, () => printProject(info));
      return;
    }
    case 'runs': {
      const runs = await hostCall('listRuns', { project: path.resolve(requireOption(v.project, 'project')) });
      out(json, runs, () => printRuns(runs));
      return;
    }
    case 'run-rename':
    case 'run-note':
    case 'run-delete': {
      const project = path.resolve(requireOption(v.project, 'project'));
      const id = integerOption(requireOption(v.run, 'run'), 'run') as number;
      if (args.command === 'run-delete') {
        const gone = await hostCall('deleteRun', { project, id });
        out(json, gone, () => printDeletedRun(gone));
        return;
      }
      if (args.command === 'run-rename' && v.title === undefined) throw new UsageError('--title is required (--title "" clears it)');
      if (args.command === 'run-note' && v.note === undefined) throw new UsageError('--note is required (--note "" removes it)');
      const run = args.command === 'run-rename' ? await hostCall('renameRun', { project, id, title: v.title as string }) : await hostCall('annotateRun', { project, id, note: v.note as string });
      out(json, run, () => printRuns([run]));
      return;
    }
    case 'export': {
      if (v.what === 'parquet') {
        // Not a run export: the project's canonical model as Parquet files in the folder --out (issue #16).
        if (v.run !== undefined || v.bom !== undefined || v.lang !== undefined || v.param !== undefined) throw new UsageError('--what parquet exports the project\'s data, not a run: it takes --project and --out DIR only');
        const written = exportParquet(requireOption(v.project, 'project'), requireOption(v.out, 'out'));
        out(json, written, () => process.stdout.write(written.files.map((f) => `Wrote ${f.file} (Parquet, ${f.rows} rows in ${f.rowGroups} row group${f.rowGroups === 1 ? '' : 's'}, ${f.bytes} bytes)\n`).join('')));
        return;
      }
      const run = integerOption(requireOption(v.run, 'run'), 'run') as number;
      const bom = v.bom === undefined ? undefined : oneOf(v.bom, 'bom', ['yes', 'no'] as const, 'yes') === 'yes';
      const params = keyValues(v.param, 'param', false);
      await campaignSpendReady(params);
      // No --lang: the contract's English headers and the reasons as stored (issue #14).
      const lang = v.lang === undefined ? undefined : helpLang(v.lang);
      const result = service.exportRun({ project: requireOption(v.project, 'project'), run, what: requireOption(v.what, 'what'), out: requireOption(v.out, 'out'), params, bom, ...(lang === undefined ? {} : { lang }) });
      out(json, result, () => printExport(result));
      return;
    }
    case 'report': {
      const written = await reportCommand(v, hostCall);
      out(json, written, () => process.stdout.write(`Wrote ${written.file} (${written.format.toUpperCase()}, ${written.sections} section${written.sections === 1 ? '' : 's'}, ${written.bytes} bytes): ${written.title}\n`));
      return;
    }
    case 'serve': {
      const project = requireOption(v.project, 'project');
      const port = integerOption(v.port, 'port') ?? 0;
      if (port > 65535) throw new UsageError(`--port must be a port number (0..65535; 0 picks a free one), got ${port}`);
      // Runs until SIGINT/SIGTERM, then has cancelled its jobs and closed the server: closing the
      // service below only waits for the (already ended) workers.
      await serve({ service, project, port, json });
      return;
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command ${JSON.stringify(args.command)}`);
  }
}

async function cli(): Promise<number> {
  let args: ParsedArgs | undefined;
  try {
    args = parseCommandLine(process.argv.slice(2));
    if (args.values.help) {
      const analysis = args.command === 'run' ? args.positionals[0] : undefined;
      const help = args.command === undefined ? usage() : analysis !== undefined ? analysisHelp(service.listAnalyses(), analysis, helpLang(args.values.lang)) : commandHelp(args.command);
      if (help === undefined) throw new UsageError(analysis !== undefined ? `unknown analysis ${JSON.stringify(analysis)} (see \`analyses\`)` : `unknown command ${JSON.stringify(args.command)}`);
      process.stdout.write(`${help}\n`);
      return 0;
    }
    checkOptions(args);
    await main(args);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`segment-workbench: ${err.message}\n\n${usageAfterError(args?.command)}\n`);
      return 2;
    }
    const e = toApiError(err);
    process.stderr.write(`segment-workbench: ${e.message}\n`);
    if (e.code === 'internal' && err instanceof Error && err.stack && process.env.SWB_DEBUG) process.stderr.write(`${err.stack}\n`);
    return e.code === 'usage' ? 2 : 1;
  } finally {
    await service.close();
  }
}

process.exitCode = await cli();
