import { EXPORT_KINDS, type AnalysisInfo } from '../core/model/api.js';
import { CURRENCIES } from '../core/model/currency.js';
import { FIELD_MEANINGS, GENERIC_FIELDS, REQUIRED_FIELDS, REQUIRED_ONE_OF, ROLE_NOTES, type GenericRole } from '../core/model/import.js';
import { importRequestSchema } from '../core/model/import-request.js';
import { EXPORTS } from '../core/service/exports.js';
import { UsageError, type ParsedArgs } from './args.js';

/*
 * Every command's usage, options and `--help` text, declared once: the same declaration says
 * which options a command accepts (anything else is a usage error naming the option) and what
 * `--help` prints. Lists that core defines (import fields, formats, exports) are read from core,
 * never copied here, so the help cannot drift from what the commands accept.
 */

/** An option: its value placeholder ('' for a flag) and one line of help. */
type OptionDoc = readonly [value: string, help: string];

interface CommandDoc {
  /** The command line after `segment-workbench`. */
  synopsis: string;
  /** One line: what the command does. */
  what: string;
  /** The options it accepts, by name as parsed (`--name`). */
  options: Readonly<Record<string, OptionDoc>>;
  /** Further sections of its `--help`. */
  more?: () => string[];
}

/** The choices of an import-request enum (`auto|lpoint|…`), from the schema every shell validates with. */
const choices = (field: { unwrap(): { options: readonly string[] } }): string => field.unwrap().options.join('|');
const imp = importRequestSchema.shape;

const JSON_OPTION: OptionDoc = ['', 'print the result as one JSON object on stdout'];
const PROJECT: OptionDoc = ['P.sqlite', 'the project file'];

const COMMANDS: Record<string, CommandDoc> = {
  demo: {
    synopsis: 'demo --project P.sqlite [--size tiny|demo|full] [--seed N] [--with marketing,coupons] [--out DIR] [--json]',
    what: 'write the seeded demo data (L.point format) and import it',
    options: {
      project: ['P.sqlite', 'the project file (created)'],
      size: ['tiny|demo|full', 'tiny: 200 customers (tests); demo (default); full: real scale, 29,913 customers'],
      seed: ['N', 'the generator seed (default 1): the same seed writes the same data'],
      with: ['marketing,coupons', 'also write and import MARKETING_SPEND.csv (daily spend) and/or DISCOUNT_COUPON.csv (offers) with each line\'s coupon status, planted responses in docs/demo-data.md'],
      out: ['DIR', 'keep the generated CSV files in DIR'],
      json: JSON_OPTION,
    },
  },
  import: {
    synopsis: 'import --project P.sqlite FILE... [options]',
    what: 'import CSV files or .xlsx workbooks in one transaction (all land or none; creates P if absent)',
    options: {
      project: ['P.sqlite', 'the project file (created if absent)'],
      format: [`${choices(imp.format)}|customer-features`, 'the file format (auto: detected from the header); customer-features: one FILE.csv|FILE.parquet of per-customer features computed elsewhere (first column the customer code, then numeric columns), for kmeans --param features=imported'],
      role: [choices(imp.role), 'what a generic file holds (auto: guessed from the header)'],
      map: ['field=Column,...', 'the column of a field (repeatable); unmapped fields are guessed from the header; field= leaves a field unmapped'],
      sheet: ['NAME', 'the worksheet of an .xlsx workbook (default: the first)'],
      encoding: [choices(imp.encoding), 'the text encoding (auto: detected)'],
      'on-error': [choices(imp.onError), 'abort: a bad row stops the import (default); skip: import the good rows, report the bad'],
      'allow-duplicate': ['', 'import a file again even when the project already holds it (same fingerprint)'],
      json: JSON_OPTION,
    },
    more: mappableFields,
  },
  analyses: {
    synopsis: 'analyses [--lang en|ko] [--json]',
    what: 'list analyses with their parameters: label, default and help',
    options: { lang: ['en|ko', 'the language of the labels and help (default en)'], json: JSON_OPTION },
  },
  run: {
    synopsis: 'run ANALYSIS --project P.sqlite [--param key=value ...] [--json]',
    what: 'run one analysis as a job; progress on stderr, summary on stdout',
    options: {
      project: PROJECT,
      param: ['key=value', 'a parameter of the analysis (repeatable; `analyses` lists them with defaults)'],
      json: JSON_OPTION,
    },
    more: () => ['`segment-workbench run ANALYSIS --help [--lang ko]` lists the parameters of one analysis: label, default, range and help.'],
  },
  project: {
    synopsis: 'project --project P.sqlite [--currency CODE] [--json]',
    what: "show the project (counts, dates, currency); --currency sets the currency every money figure shows",
    options: {
      project: PROJECT,
      currency: [CURRENCIES.join('|'), "the project's currency (none: bare numbers); overrides the guess made at import (L.point: KRW; generic: the sign in the amounts)"],
      json: JSON_OPTION,
    },
  },
  runs: {
    synopsis: 'runs --project P.sqlite [--json]',
    what: "list the project's runs (id, analysis, title, status, start, duration, data; a note's first line below its run)",
    options: { project: PROJECT, json: JSON_OPTION },
  },
  'run-rename': {
    synopsis: 'run-rename --project P.sqlite --run ID --title TEXT [--json]',
    what: 'give a run a title (--title "" clears it); its results never change',
    options: { project: PROJECT, run: ['ID', 'the run (`runs` lists them)'], title: ['TEXT', 'the title, up to 200 characters'], json: JSON_OPTION },
  },
  'run-note': {
    synopsis: 'run-note --project P.sqlite --run ID --note TEXT [--json]',
    what: 'set a run\'s free-text note (--note "" removes it)',
    options: { project: PROJECT, run: ['ID', 'the run (`runs` lists them)'], note: ['TEXT', 'the note, up to 10,000 characters'], json: JSON_OPTION },
  },
  'run-delete': {
    synopsis: 'run-delete --project P.sqlite --run ID [--json]',
    what: 'delete an analysis run and everything stored under its id, in one transaction (import and demo runs cannot be deleted)',
    options: { project: PROJECT, run: ['ID', 'the run (`runs` lists them)'], json: JSON_OPTION },
    more: () => [
      'A segmentation that later runs used can be deleted: they keep their stored figures and names as they were;',
      'a campaign or coupons export filtered by its segments, and CLV per its segments, then answer that the run is gone.',
    ],
  },
  export: {
    synopsis: 'export --project P.sqlite --run ID --what NAME --out FILE [--bom yes|no] [--lang en|ko] [--param key=value ...] [--json]  |  export --project P.sqlite --what parquet --out DIR [--json]',
    what: `write an export of a run (${EXPORT_KINDS.join(', ')}), or the project's data as Parquet (parquet)`,
    options: {
      project: PROJECT,
      run: ['ID', 'the run to export (`runs` lists them)'],
      what: ['NAME', 'the export, one of those below'],
      out: ['FILE', 'the file to write (replaced if present)'],
      bom: ['yes|no', 'start a CSV with a UTF-8 BOM (Excel needs it for Korean text; scripts do not want it); default per export'],
      lang: ['en|ko', 'the language of the file: CSV headers (en: the contract headers, as without --lang) and campaign reasons'],
      param: ['key=value', "an option of the export (repeatable; see its 'params' below)"],
      json: JSON_OPTION,
    },
    more: exportList,
  },
  report: {
    synopsis: 'report --project P.sqlite --runs ID,ID --out F.pdf|F.html [--title TEXT] [--summary ID=TEXT ...] [--layout a4|slides] [--lang en|ko] [--json]',
    what: 'write a report of the runs, in the order given: one self-contained HTML file (charts as inline SVG) or a PDF printed by the system Chromium',
    options: {
      project: PROJECT,
      runs: ['ID,ID', 'the runs, one section each, in this order (`runs` lists them)'],
      out: ['F.pdf|F.html', 'the file to write (replaced if present); its extension chooses PDF or HTML'],
      title: ['TEXT', "the report's title (default: Segment Workbench report)"],
      summary: ['ID=TEXT', "the analyst's text for run ID's section (repeatable)"],
      layout: ['a4|slides', 'A4 pages (default) or 16:9 slides, one section per slide'],
      lang: ['en|ko', "the report's language (default en)"],
      json: JSON_OPTION,
    },
    more: () => ['PDF needs Chromium or Chrome: SEGMENT_WORKBENCH_CHROMIUM, else /usr/bin/chromium, chromium-browser, google-chrome; without one, write .html.'],
  },
  serve: {
    synopsis: 'serve --project P.sqlite [--port N] [--json]',
    what: 'the browser host on 127.0.0.1; prints the URL with its secret',
    options: { project: PROJECT, port: ['N', 'the port (default 0: a free one)'], json: JSON_OPTION },
  },
};

function mappableFields(): string[] {
  const lines = [
    'Mappable fields of a generic file, per --role (--map field=Column; * = required, + = one group of them required (below), the rest optional).',
    '--map field= (nothing after =) leaves an optional field unmapped: the header guess for it is dropped.',
  ];
  for (const role of Object.keys(GENERIC_FIELDS) as GenericRole[]) {
    lines.push(`  ${role}:`);
    const oneOf = REQUIRED_ONE_OF[role] ?? [];
    for (const field of GENERIC_FIELDS[role]) {
      const required = REQUIRED_FIELDS[role].includes(field);
      const either = oneOf.some((g) => g.includes(field));
      lines.push(`    ${`${field}${required ? ' *' : either ? ' +' : ''}`.padEnd(14)}${FIELD_MEANINGS[field]}`);
    }
  }
  // After the field blocks, so each role's block lists exactly its fields.
  for (const role of Object.keys(GENERIC_FIELDS) as GenericRole[]) {
    const oneOf = REQUIRED_ONE_OF[role];
    if (oneOf) lines.push(`+ ${role} requires one of: ${oneOf.map((g) => g.join(' and ')).join(', or ')}.`);
    if (ROLE_NOTES[role]) lines.push(`${role}: ${ROLE_NOTES[role]}.`);
  }
  return lines;
}

function exportList(): string[] {
  const lines = ['Exports (--what NAME): format, default BOM, the run it needs — what it writes:'];
  // The name column is as wide as the longest name plus a space (overview-customers is 18).
  const width = Math.max(15, ...EXPORT_KINDS.map((k) => k.length + 1));
  for (const name of EXPORT_KINDS) {
    const e = EXPORTS[name];
    const bom = e.bom === null ? '-' : e.bom ? 'BOM yes' : 'BOM no';
    lines.push(`  ${name.padEnd(width)}${e.format.toUpperCase().padEnd(6)}${bom.padEnd(9)}${e.runs} — ${e.writes}`);
    if (e.params) lines.push(`  ${''.padEnd(width + 15)}params: ${e.params}`);
  }
  lines.push(
    `  ${'parquet'.padEnd(width)}PARQUET -        no run (--out DIR) — the canonical model as customers.parquet, products.parquet, receipts.parquet, lines.parquet in DIR (docs/decisions/0021-scale-out.md)`,
    'CSV exports are UTF-8, CRLF, with spreadsheet formulas neutralised. --bom yes|no overrides the default:',
    'yes for what people open in Excel (campaign, import-report), no for what pandas and R read (segments,',
    'profiles, features). summary writes JSON whatever FILE is called, and says so.',
    'Without --lang (or with --lang en) CSV headers are the English contract names (clv, forecast, campaign',
    'start with `customer`); --lang ko writes Korean headers (고객, 세그먼트, …) for people, not scripts.',
    'Campaign reasons are rendered in the --lang language whatever language the recommend run used;',
    'without --lang they are as stored.',
  );
  return lines;
}

/** The language of the parameter labels and help: en (default) or ko. */
export function helpLang(value: string | undefined): 'en' | 'ko' {
  if (value === undefined || value === 'en' || value === 'ko') return value ?? 'en';
  throw new UsageError(`--lang must be en or ko, not ${JSON.stringify(value)}`);
}

/** What a parameter accepts beside its type: its range or choices, when declared. */
function accepts(p: AnalysisInfo['params'][number]): string {
  if (p.choices && p.choices.length > 0 && p.type !== 'boolean') return p.type.includes('|') ? '' : `: ${p.choices.join(', ')}`;
  if (p.min !== undefined && p.max !== undefined) return `, ${p.min}–${p.max}`;
  if (p.min !== undefined) return `, from ${p.min}`;
  return '';
}

/**
 * An analysis' parameters as `analyses` and `run ANALYSIS --help` print them: the `--param`
 * with its default, type and label, then the help on its own line, in English or Korean.
 */
export function paramLines(a: AnalysisInfo, lang: 'en' | 'ko' = 'en'): string[] {
  const lines: string[] = [];
  for (const p of a.params) {
    const label = p.label?.[lang] ?? p.name;
    lines.push(`    --param ${p.name}=${JSON.stringify(p.default)}  (${p.type}${accepts(p)}) ${label}`, `        ${p.helpText?.[lang] ?? p.help}`);
  }
  return lines;
}

/** `run ANALYSIS --help`: what the analysis does and its parameters; undefined for an unknown analysis. */
export function analysisHelp(list: readonly AnalysisInfo[], id: string, lang: 'en' | 'ko' = 'en'): string | undefined {
  const a = list.find((x) => x.id === id);
  if (!a) return undefined;
  const none = lang === 'ko' ? '    (매개변수 없음)' : '    (no parameters)';
  return [
    `Usage: segment-workbench run ${a.id} --project P.sqlite [--param key=value ...] [--json]`,
    '',
    lang === 'ko' ? `${a.titleKo ?? a.title}: ${a.descriptionKo ?? a.description}` : `${a.title}: ${a.description}`,
    '',
    lang === 'ko' ? '매개변수 (--param 이름=값, 값은 기본값):' : 'Parameters (--param name=value, shown with the default):',
    ...(a.params.length > 0 ? paramLines(a, lang) : [none]),
    '',
    'Exit codes: 0 success, 1 failed (message on stderr), 2 usage.',
  ].join('\n');
}

function optionLines(options: CommandDoc['options']): string[] {
  const lines: string[] = [];
  for (const [name, [value, help]] of Object.entries(options)) {
    const flag = `  --${name}${value ? ` ${value}` : ''}`;
    lines.push(flag.length <= 30 ? `${flag.padEnd(32)}${help}` : `${flag}\n${''.padEnd(32)}${help}`);
  }
  lines.push(`${'  -h, --help'.padEnd(32)}this help`);
  return lines;
}

/** The usage of every command, one synopsis and one line each (`--help`, and after a usage error). */
export function usage(): string {
  const lines = ['Usage: segment-workbench <command> [options]', '', 'Commands:'];
  for (const doc of Object.values(COMMANDS)) lines.push(`  ${doc.synopsis}`, `        ${doc.what}`);
  lines.push('', '`segment-workbench <command> --help` lists a command\'s options.', 'Exit codes: 0 success, 1 failed (message on stderr), 2 usage.');
  return lines.join('\n');
}

/** What a usage error shows: the command's synopsis and where its options are, or every command's usage. */
export function usageAfterError(command: string | undefined): string {
  if (command === undefined || !Object.hasOwn(COMMANDS, command)) return usage();
  return `Usage: segment-workbench ${COMMANDS[command].synopsis}\n\`segment-workbench ${command} --help\` lists its options.`;
}

/** The `--help` of one command, or undefined for a name that is no command. */
export function commandHelp(command: string): string | undefined {
  if (!Object.hasOwn(COMMANDS, command)) return undefined;
  const doc = COMMANDS[command];
  const lines = [`Usage: segment-workbench ${doc.synopsis}`, '', `${doc.what[0].toUpperCase()}${doc.what.slice(1)}.`, '', 'Options:', ...optionLines(doc.options)];
  for (const section of doc.more ? [doc.more()] : []) lines.push('', ...section);
  lines.push('', 'Exit codes: 0 success, 1 failed (message on stderr), 2 usage.');
  return lines.join('\n');
}

/** Refuses an option the command does not take (the parser knows every command's options together). */
export function checkOptions(args: ParsedArgs): void {
  if (args.command === undefined || !Object.hasOwn(COMMANDS, args.command)) return;
  const allowed = COMMANDS[args.command].options;
  for (const [name, value] of Object.entries(args.values)) {
    if (value === undefined || name === 'help' || Object.hasOwn(allowed, name)) continue;
    throw new UsageError(`${args.command} has no option --${name} (\`segment-workbench ${args.command} --help\` lists its options)`);
  }
}
