import { log1pColumns, scale } from '../../analysis/segment/scaling.js';

/** The stored customer-features table (core/data/import/customer-features.ts) for the chosen customers, row-major, NaN = missing. */
export interface ImportedFeatures {
  columns: string[];
  data: Float64Array;
  /** Of the imported file, recorded in the run's scaling note so the run says which table it clustered. */
  sha256: string;
  file: string;
}

/**
 * kmeans `features=imported` (issue #16): the features a warehouse job computed, transformed like
 * the other sets — log1p of every column only when asked (`log=true`: the columns' meaning is not
 * known here, so auto does not log), then standard scaling unless `scale` says otherwise. A missing
 * value (a customer absent from the file, an empty cell) takes its column's mean before scaling,
 * i.e. 0 after standardising: the customer is placed at the centre on that feature rather than
 * dropped, and the scaling note says how many values were filled.
 */
export function importedMatrix(f: ImportedFeatures, n: number, p: { scale: string; log: string }): { columns: string[]; data: Float64Array; scaling: string } {
  const d = f.columns.length;
  const data = Float64Array.from(f.data);
  let filled = 0;
  for (let q = 0; q < d; q++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = data[i * d + q]!;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : 0;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(data[i * d + q]!)) {
        data[i * d + q] = mean;
        filled++;
      }
    }
  }
  const log = p.log === 'true';
  if (log) log1pColumns(data, n, d, [...Array(d).keys()]);
  const how = (p.scale === 'auto' ? 'standard' : p.scale) as Parameters<typeof scale>[3];
  scale(data, n, d, how);
  return { columns: [...f.columns], data, scaling: `imported ${f.file} (sha256 ${f.sha256.slice(0, 12)}); ${filled} missing value${filled === 1 ? '' : 's'} set to the column mean; ${log ? 'log1p; ' : ''}${how}` };
}
