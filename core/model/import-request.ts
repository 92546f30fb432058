import { z } from 'zod';
import type { ImportOptions } from './import.js';

/** The import request as every shell sends it; defaults filled, checked before any work starts. */
export const importRequestSchema = z.object({
  project: z.string().min(1),
  files: z.array(z.string().min(1)).min(1),
  format: z.enum(['auto', 'lpoint', 'generic']).default('auto'),
  /** field → column header; fields the user does not map are guessed from the headers. */
  map: z.record(z.string(), z.string()).default({}),
  role: z.enum(['auto', 'transactions', 'customers', 'products']).default('auto'),
  encoding: z.enum(['auto', 'utf8', 'cp949']).default('auto'),
  onError: z.enum(['abort', 'skip']).default('abort'),
  /** Import a file again even when its fingerprint is already in the project. */
  allowDuplicate: z.boolean().default(false),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

// The schema's output must stay the ImportOptions the importer reads.
const _sameShape: (o: z.output<typeof importRequestSchema>) => ImportOptions = (o) => o;
void _sameShape;
