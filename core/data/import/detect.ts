import type { ImportOptions } from '../../model/import.js';
import { basketsPlan } from './baskets-plan.js';
import { genericPlan } from './generic.js';
import { detectLpointTable, LPOINT_COLUMNS, lpointPlan } from './lpoint.js';
import { guessRole, resolveMapping } from './mapping.js';
import { PlanError, type ImportPlan } from './plan.js';
import type { GenericRole } from '../../model/import.js';

/**
 * Decides how to read a file from its header and sample rows: an L.point table when the header
 * is L.point's (any file name, any order), otherwise a generic role with a guessed or given
 * mapping. Throws PlanError with the line and column to blame when it cannot decide.
 */
export function planFile(header: readonly string[], sample: readonly string[][], options: Pick<ImportOptions, 'format' | 'map' | 'role'>): ImportPlan {
  if (options.format === 'baskets') return basketsPlan();
  const userMap = options.map;
  // Only a field given a column counts as an override: `--map product=` (leave unmapped) still lets
  // an L.point file of the same batch be recognised and the role be guessed.
  const columnsGiven = Object.values(userMap).some((column) => column.trim() !== '');
  if (options.format !== 'generic' && !columnsGiven) {
    const lp = detectLpointTable(header);
    if (lp !== null && 'table' in lp) return lpointPlan(lp.table, header);
    if (lp !== null) {
      const { missing, extra, closest } = lp;
      if (missing.length === 0) throw new PlanError(`unexpected column ${extra.join(', ')} in an L.point ${closest} file (expected ${LPOINT_COLUMNS[closest].join(', ')})`, 1, header.find((h) => h.trim().toLowerCase() === extra[0]) ?? extra[0]);
      throw new PlanError(`looks like the L.point ${closest} table but column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`, 1, missing[0]);
    }
    if (options.format === 'lpoint') throw new PlanError(`not an L.point file: the header (${header.join(', ')}) matches none of DEMO, PDDE, COP_U, PD_CLAC, BR, LPAY`, 1, '');
  }
  const roles: GenericRole[] = options.role !== 'auto' ? [options.role] : columnsGiven ? ['transactions', 'customers', 'products', 'marketing', 'coupons'] : [guessRole(header, sample) ?? 'transactions'];
  let firstError: PlanError | undefined;
  for (const role of roles) {
    try {
      const plan = genericPlan(role, header, resolveMapping(header, role, userMap), sample);
      // Marketing and coupons are suggestions of the header guess (issue #11): say so.
      if (options.role === 'auto' && (role === 'marketing' || role === 'coupons')) plan.notes.unshift(`read as ${role === 'marketing' ? 'daily marketing spend' : 'coupon offers'} (role guessed from the header; pass --role to choose another)`);
      return plan;
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      firstError ??= err;
    }
  }
  if (options.role === 'auto' && !columnsGiven && guessRole(header, sample) === undefined) {
    throw new PlanError(`cannot tell what this file holds: no columns recognised as transactions (date, product, amount or price), customers (customer with gender or age), products, marketing spend (date and spend columns) or coupons (discount and category) (columns: ${header.join(', ')}); pass --role and --map`, 1, '');
  }
  throw firstError as PlanError;
}
