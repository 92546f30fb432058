import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../../core/model/api.js';
import { FIELD_MEANINGS, GENERIC_FIELDS, REQUIRED_FIELDS, type GenericRole } from '../../../core/model/import.js';
import { EXPORTS } from '../../../core/service/exports.js';
import { runCli, tempDir } from '../../helpers/project.js';

/** Issue #10 §7: the command line explains itself (help per command, every export, --bom, honest summary). */
const COMMANDS = ['demo', 'import', 'analyses', 'run', 'runs', 'export', 'serve'];
const BOM = [0xef, 0xbb, 0xbf];
const startsWithBom = (b: Buffer) => b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];

describe('--help', () => {
  it('exits 0 and prints to stdout, for the whole tool and for every command (--help and -h)', () => {
    for (const args of [['--help'], ['-h'], ...COMMANDS.flatMap((c) => [[c, '--help'], [c, '-h']])]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout, args.join(' ')).toMatch(args.length === 1 ? /^Usage: segment-workbench <command>/ : new RegExp(`^Usage: segment-workbench ${args[0]} `));
    }
    const all = runCli(['--help']).stdout;
    for (const c of COMMANDS) expect(all).toContain(`  ${c} `);
  });

  it('import --help lists every mappable field per role, marks the required ones, says what each means, and lists --sheet and --format baskets', () => {
    const r = runCli(['import', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('--format auto|lpoint|generic|baskets');
    expect(text).toMatch(/--sheet NAME +the worksheet of an \.xlsx workbook/);
    for (const option of ['--project', '--role', '--map', '--encoding', '--on-error', '--allow-duplicate', '--json']) expect(text).toContain(option);
    // The rule (SPEC §2.2): a transactions file needs customer and date; product is optional.
    expect(text).toMatch(/^ {2}transactions:\n {4}customer \* /m);
    expect(text).toMatch(/^ {4}date \* /m);
    expect(text).toMatch(/^ {4}product {2,}product code/m);
    const lines = text.split('\n');
    for (const role of Object.keys(GENERIC_FIELDS) as GenericRole[]) {
      const start = lines.indexOf(`  ${role}:`);
      expect(start, role).toBeGreaterThan(0);
      const rest = lines.slice(start + 1);
      const end = rest.findIndex((l) => !l.startsWith('    '));
      const block = rest.slice(0, end < 0 ? rest.length : end);
      expect(block.map((l) => l.trim().split(/\s+/)[0]), role).toEqual([...GENERIC_FIELDS[role]]);
      for (const [i, field] of GENERIC_FIELDS[role].entries()) {
        const required = (REQUIRED_FIELDS[role] as readonly string[]).includes(field);
        expect(block[i], `${role}.${field}`).toMatch(new RegExp(`^    ${field}${required ? ' \\*' : ''} +\\S`));
        expect(block[i].endsWith(FIELD_MEANINGS[field]), `${role}.${field}`).toBe(true);
      }
    }
  });

  it('export --help lists all thirteen exports with format, default BOM and the run they need', () => {
    const text = runCli(['export', '--help']).stdout;
    expect(EXPORT_KINDS).toHaveLength(13);
    for (const name of EXPORT_KINDS) {
      const line = text.split('\n').find((l) => l.startsWith(`  ${name} `));
      expect(line, name).toBeDefined();
      const e = EXPORTS[name];
      expect(line).toContain(e.format.toUpperCase());
      expect(line).toContain(e.bom === null ? ' - ' : e.bom ? 'BOM yes' : 'BOM no');
      expect(line).toContain(e.runs);
    }
    expect(text).toContain('--bom yes|no');
  });

  it('an unknown option, or one of another command, is a usage error (exit 2) naming the option', () => {
    for (const [args, option] of [[['runs', '--project', 'p.sqlite', '--bogus'], '--bogus'], [['runs', '--project', 'p.sqlite', '--bom', 'no'], '--bom'], [['analyses', '--what', 'x'], '--what'], [['import', '--project', 'p.sqlite', 'x.csv', '--port', '1'], '--port']] as const) {
      const r = runCli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0], args.join(' ')).toContain(option);
      expect(r.stderr).toMatch(/Usage: segment-workbench/);
    }
    expect(runCli(['bogus', '--help']).code).toBe(2);
  });
});

describe('exports: --bom and the summary', () => {
  let dir: string, project: string;
  const runs: Record<string, number> = {};
  beforeAll(() => {
    // The tiny demo with its optional marketing and coupon files, so the marketing and coupon exports have runs too.
    dir = tempDir('swb-exports-');
    project = path.join(dir, 'p.sqlite');
    const demo = runCli(['demo', '--project', project, '--size', 'tiny', '--with', 'marketing,coupons', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    runs['import-report'] = 1;
    runs.summary = 1;
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'features=rfm', '--param', 'k=3', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    runs.segments = runs.profiles = runs.features = (JSON.parse(seg.stdout) as { runId: number }).runId;
    const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=3', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    runs.campaign = (JSON.parse(rec.stdout) as { runId: number }).runId;
    const rules = runCli(['run', 'rules', '--project', project, '--param', 'level=category', '--json']);
    expect(rules.code, rules.stderr).toBe(0);
    runs.rules = (JSON.parse(rules.stdout) as { runId: number }).runId;
    const forecast = runCli(['run', 'forecast', '--project', project, '--param', 'models=snaive', '--param', 'folds=1', '--json']);
    expect(forecast.code, forecast.stderr).toBe(0);
    runs.forecast = (JSON.parse(forecast.stdout) as { runId: number }).runId;
    const clv = runCli(['run', 'clv', '--project', project, '--json']);
    expect(clv.code, clv.stderr).toBe(0);
    runs.clv = (JSON.parse(clv.stdout) as { runId: number }).runId;
    const coupons = runCli(['run', 'coupon-sensitivity', '--project', project, '--json']);
    expect(coupons.code, coupons.stderr).toBe(0);
    runs.coupons = (JSON.parse(coupons.stdout) as { runId: number }).runId;
    const marketing = runCli(['run', 'marketing-response', '--project', project, '--json']);
    expect(marketing.code, marketing.stderr).toBe(0);
    runs.marketing = (JSON.parse(marketing.stdout) as { runId: number }).runId;
    const spend = runCli(['run', 'spend-model', '--project', project, '--param', 'models=baseline', '--json']);
    expect(spend.code, spend.stderr).toBe(0);
    runs['spend-model'] = (JSON.parse(spend.stdout) as { runId: number }).runId;
    const overview = runCli(['run', 'overview', '--project', project, '--json']);
    expect(overview.code, overview.stderr).toBe(0);
    runs['overview-customers'] = (JSON.parse(overview.stdout) as { runId: number }).runId;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportFile = (what: string, file: string, extra: string[] = []) => runCli(['export', '--project', project, '--run', String(runs[what]), '--what', what, '--out', path.join(dir, file), ...extra]);

  it('every CSV export starts with a BOM by default exactly when documented (campaign, import-report yes; segments, profiles, features, rules no), and --bom yes|no overrides it', () => {
    const expected: Record<string, boolean> = { 'import-report': true, campaign: true, segments: false, profiles: false, features: false, rules: false, forecast: false, clv: false, coupons: false, marketing: false, 'spend-model': false, 'overview-customers': true };
    expect(EXPORT_KINDS.filter((k) => EXPORTS[k].format === 'csv').sort()).toEqual(Object.keys(expected).sort());
    for (const [what, bom] of Object.entries(expected)) {
      expect(exportFile(what, `${what}.csv`).code).toBe(0);
      expect(exportFile(what, `${what}-yes.csv`, ['--bom', 'yes']).code).toBe(0);
      expect(exportFile(what, `${what}-no.csv`, ['--bom', 'no']).code).toBe(0);
      const [byDefault, yes, no] = ['', '-yes', '-no'].map((s) => fs.readFileSync(path.join(dir, `${what}${s}.csv`)));
      expect(startsWithBom(byDefault), what).toBe(bom);
      expect(startsWithBom(yes), what).toBe(true);
      expect(startsWithBom(no), what).toBe(false);
      expect(Buffer.compare(yes.subarray(3), no), what).toBe(0);
      expect(Buffer.compare(byDefault, bom ? yes : no), what).toBe(0);
    }
  });

  it('--bom takes yes or no, and only for CSV exports', () => {
    const bad = exportFile('segments', 'x.csv', ['--bom', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--bom must be one of yes, no/);
    const json = exportFile('summary', 'x.json', ['--bom', 'yes']);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/--bom applies to CSV exports; summary writes JSON/);
  });

  it('a CSV export reports its data rows, BOM and bytes, as written', () => {
    const r = exportFile('segments', 'seg.csv', ['--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { format: string; rows: number; bom: boolean; bytes: number; file: string };
    const file = path.join(dir, 'seg.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    expect(res).toMatchObject({ format: 'csv', rows: lines.length - 1, bom: false, bytes: fs.statSync(file).size, file });
    const text = exportFile('campaign', 'campaign.csv');
    const size = fs.statSync(path.join(dir, 'campaign.csv')).size;
    const rows = fs.readFileSync(path.join(dir, 'campaign.csv'), 'utf8').split('\r\n').filter((l) => l !== '').length - 1;
    expect(text.stdout.trim()).toBe(`Wrote ${rows.toLocaleString('en-US')} rows of campaign as CSV (with a UTF-8 BOM, ${size.toLocaleString('en-US')} bytes) to ${path.join(dir, 'campaign.csv')}.`);
  });

  it('summary writes JSON under any name, says so, and counts bytes, not rows', () => {
    const out = path.join(dir, 'summary.csv');
    const r = exportFile('summary', 'summary.csv');
    expect(r.code, r.stderr).toBe(0);
    const body = fs.readFileSync(out, 'utf8');
    expect(JSON.parse(body)).toMatchObject({ id: 1, analysis: 'demo' });
    const bytes = fs.statSync(out).size;
    expect(r.stdout.trim()).toBe(`Wrote the run's summary as JSON (${bytes.toLocaleString('en-US')} bytes) to ${out} (the name ends in .csv, the content is JSON).`);
    expect(r.stdout).not.toMatch(/rows/);

    const asJson = exportFile('summary', 'summary.json', ['--json']);
    expect(asJson.code, asJson.stderr).toBe(0);
    const res = JSON.parse(asJson.stdout) as Record<string, unknown>;
    expect(res).toEqual({ file: path.join(dir, 'summary.json'), what: 'summary', format: 'json', bytes: fs.statSync(path.join(dir, 'summary.json')).size });
    expect(exportFile('summary', 'plain.json').stdout).not.toMatch(/the name ends in/);
  });
});
