import { z } from 'zod';
import { GENERIC_FIELDS, REQUIRED_FIELDS, type GenericRole, type ImportOptions } from './import.js';

/** The import request as every shell sends it; defaults filled, checked before any work starts. */
export const importRequestSchema = z.object({
  project: z.string().min(1),
  files: z.array(z.string().min(1)).min(1),
  format: z.enum(['auto', 'lpoint', 'generic', 'baskets']).default('auto'),
  /** field → column header; fields the user does not map are guessed; an empty column ("") leaves the field unmapped. */
  map: z.record(z.string(), z.string()).default({}),
  role: z.enum(['auto', 'transactions', 'customers', 'products', 'marketing', 'coupons']).default('auto'),
  encoding: z.enum(['auto', 'utf8', 'cp949']).default('auto'),
  /** The sheet of .xlsx workbooks to read (default: the first sheet). */
  sheet: z.string().min(1).optional(),
  onError: z.enum(['abort', 'skip']).default('abort'),
  /** Import a file again even when its fingerprint is already in the project. */
  allowDuplicate: z.boolean().default(false),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

// The schema's output must stay the ImportOptions the importer reads.
const _sameShape: (o: z.output<typeof importRequestSchema>) => ImportOptions = (o) => o;
void _sameShape;

/**
 * The first field the request leaves explicitly unmapped (`field=`) although the import cannot do
 * without it: required (REQUIRED_FIELDS) for the chosen role, or, with role auto, for every role
 * that has the field (product is required of products files but optional in transactions, so
 * `--map product=` passes). Shells check it before starting a job, so the user hears it at once.
 */
export function emptiedRequiredField(map: Record<string, string>, role: ImportOptions['role']): string | undefined {
  const roles = (role === 'auto' ? Object.keys(GENERIC_FIELDS) : [role]) as GenericRole[];
  return Object.keys(map).find((field) => {
    if (map[field].trim() !== '') return false;
    const having = roles.filter((r) => (GENERIC_FIELDS[r] as readonly string[]).includes(field));
    return having.length > 0 && having.every((r) => (REQUIRED_FIELDS[r] as readonly string[]).includes(field));
  });
}
