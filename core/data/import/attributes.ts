import type { ImportedAttribute } from '../../model/import.js';
import type { Db } from '../store/open.js';

/**
 * Decides the kind of each customer attribute a customers file brought, once its values are in
 * (issue #10 point 3): numeric when every stored value of the attribute — this file's and any
 * earlier file's — read as a number, else categorical. A categorical attribute keeps only its
 * text, so `num` never half-describes it (a tier column with "3" and "gold" is categorical).
 * Empty values were never stored: missing, not a category of their own.
 */
export function settleAttributes(db: Db, importId: number, names: readonly string[]): ImportedAttribute[] {
  const nonNumeric = db.prepare('SELECT 1 FROM customer_attributes WHERE name = ? AND num IS NULL LIMIT 1');
  const upsert = db.prepare('INSERT INTO attributes (name, kind, import_id) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, import_id = excluded.import_id');
  const dropNumbers = db.prepare('UPDATE customer_attributes SET num = NULL WHERE name = ? AND num IS NOT NULL');
  const out: ImportedAttribute[] = [];
  for (const name of names) {
    const kind: ImportedAttribute['kind'] = nonNumeric.get(name) === undefined ? 'numeric' : 'categorical';
    if (kind === 'categorical') dropNumbers.run(name);
    upsert.run(name, kind, importId);
    out.push({ name, kind });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
