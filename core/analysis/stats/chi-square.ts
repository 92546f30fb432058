import { chiSquareSf } from './distributions.js';

export interface ChiSquareResult {
  /** Pearson's X² = Σ (O − E)²/E, with Yates' correction when dof = 1 (unless turned off). */
  statistic: number;
  /** (r − 1)(c − 1) over the rows and columns with a non-zero total. */
  dof: number;
  /** P(χ²_dof ≥ statistic); 1 when dof = 0. */
  pValue: number;
  /**
   * Expected counts E_ij = (row total i)(column total j)/N, in the shape of the input; rows and
   * columns whose total is 0 have E = 0.
   */
  expected: number[][];
  /**
   * Cramér's V = √(X²/(N·(min(r, c) − 1))) from the uncorrected X² (as scipy.stats.contingency.
   * association(table, method='cramer')), in [0, 1]; NaN when dof = 0 (a single non-empty row or
   * column: there is no association to measure).
   */
  cramersV: number;
}

export interface ChiSquareOptions {
  /** Yates' continuity correction when dof = 1 (SciPy's `correction`); default true. */
  correction?: boolean;
}

/**
 * Pearson's chi-square test of independence on an r × c contingency table, the numbers of SciPy's
 * `chi2_contingency(table)` with its default correction=True (SciPy 1.10 source,
 * scipy/stats/contingency.py): Yates' correction applies only when dof = 1 (a 2 × 2 table after
 * dropping empty rows/columns); pass `{ correction: false }` for `chi2_contingency(table,
 * correction=False)`. Cramér's V is always from the uncorrected statistic.
 *
 * Sources: Pearson, K. (1900), Phil. Mag. 50, 157–175 (X² = Σ (O − E)²/E, E_ij = r_i c_j / N);
 * Fisher, R. A. (1922), J. R. Statist. Soc. 85, 87–94 (dof = (r − 1)(c − 1)); Yates, F. (1934),
 * J. R. Statist. Soc. Suppl. 1, 217–235, in SciPy's form: each O moves towards E by
 * min(½, |O − E|); Cramér, H. (1946), Mathematical Methods of Statistics, §21.9 (V).
 *
 * Rows and columns whose total is 0 are dropped before the test (SciPy instead throws, because
 * their expected counts are 0): an empty category carries no evidence either way, and keeping it
 * would only inflate dof. When one row or column remains, dof = 0: statistic 0, p = 1 (as SciPy).
 *
 * Throws a RangeError for an empty or ragged table, for entries that are negative, NaN or
 * infinite, and for a table whose total is 0. Entries need not be integers.
 */
export function chiSquareIndependence(table: number[][], options: ChiSquareOptions = {}): ChiSquareResult {
  const correction = options.correction ?? true;
  const nr = table.length;
  if (nr === 0) throw new RangeError('table must have at least one row, got 0');
  const nc = table[0].length;
  if (nc === 0) throw new RangeError('table must have at least one column, got 0');
  const rowSum = new Float64Array(nr), colSum = new Float64Array(nc);
  for (let i = 0; i < nr; i++) {
    const row = table[i];
    if (row.length !== nc) throw new RangeError(`table must be rectangular: row 0 has ${nc} columns, row ${i} has ${row.length}`);
    for (let j = 0; j < nc; j++) {
      const v = row[j];
      if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`table entries must be finite and ≥ 0, got ${v} at [${i}][${j}]`);
      rowSum[i] += v;
      colSum[j] += v;
    }
  }
  let total = 0;
  for (let i = 0; i < nr; i++) total += rowSum[i];
  if (!(total > 0)) throw new RangeError('table must have a positive total, got 0');
  const rows: number[] = [], cols: number[] = [];
  for (let i = 0; i < nr; i++) if (rowSum[i] > 0) rows.push(i);
  for (let j = 0; j < nc; j++) if (colSum[j] > 0) cols.push(j);

  const expected = table.map((row) => row.map(() => 0));
  for (const i of rows) for (const j of cols) expected[i][j] = (rowSum[i] * colSum[j]) / total;
  const dof = (rows.length - 1) * (cols.length - 1);
  if (dof === 0) return { statistic: 0, dof: 0, pValue: 1, expected, cramersV: NaN };

  let plain = 0, yates = 0;
  for (const i of rows) {
    for (const j of cols) {
      const e = expected[i][j], diff = table[i][j] - e;
      plain += (diff * diff) / e;
      const shrunk = Math.abs(diff) - Math.min(0.5, Math.abs(diff));
      yates += (shrunk * shrunk) / e;
    }
  }
  const statistic = correction && dof === 1 ? yates : plain;
  const cramersV = Math.sqrt(plain / (total * (Math.min(rows.length, cols.length) - 1)));
  return { statistic, dof, pValue: chiSquareSf(statistic, dof), expected, cramersV };
}
