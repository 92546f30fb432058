import { parseArgs } from 'node:util';

/** A usage error: exit code 2, the message and the command's usage on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

// The usage text and each command's --help (and which options a command takes) are in help.ts.

const OPTIONS = {
  project: { type: 'string' },
  size: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  with: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  map: { type: 'string', multiple: true },
  role: { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  'on-error': { type: 'string' },
  'allow-duplicate': { type: 'boolean' },
  param: { type: 'string', multiple: true },
  run: { type: 'string' },
  what: { type: 'string' },
  bom: { type: 'string' },
  port: { type: 'string' },
  currency: { type: 'string' },
  title: { type: 'string' },
  note: { type: 'string' },
  runs: { type: 'string' },
  layout: { type: 'string' },
  lang: { type: 'string' },
  summary: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  values: {
    project?: string; size?: string; seed?: string; out?: string; with?: string; json?: boolean; format?: string; map?: string[]; role?: string;
    encoding?: string; sheet?: string; 'on-error'?: string; 'allow-duplicate'?: boolean; param?: string[]; run?: string; what?: string; bom?: string; port?: string; currency?: string; title?: string; note?: string; runs?: string; layout?: string; lang?: string; summary?: string[]; help?: boolean;
  };
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { command: positionals[0], positionals: positionals.slice(1), values };
  } catch (err) {
    // Node's message for an unknown option goes on about positionals; name the option and stop.
    const unknown = /^Unknown option '([^']+)'/.exec((err as Error).message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : (err as Error).message);
  }
}

/** `k=v` pairs from repeated options, each possibly comma-separated ("a=1,b=2"). */
export function keyValues(list: string[] | undefined, option: string, splitCommas: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    for (const pair of splitCommas ? item.split(',') : [item]) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--${option} takes key=value, got ${JSON.stringify(pair)}`);
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
    }
  }
  return out;
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** A comma-separated list of choices (`--with marketing,coupons`), each once, in the order given. */
export function listOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T[] {
  if (value === undefined) return [];
  const items = value.split(',').map((x) => x.trim());
  const bad = items.find((x) => !(allowed as readonly string[]).includes(x));
  if (bad !== undefined) throw new UsageError(`--${name} takes a comma-separated list of ${allowed.join(', ')}, got ${JSON.stringify(bad)}`);
  return [...new Set(items)] as T[];
}

export function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}
