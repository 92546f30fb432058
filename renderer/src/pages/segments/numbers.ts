/** p-values: small ones in scientific notation ("2.5e-4"), others with three decimals. */
export function pValue(p: number | null | undefined, dec: (n: number, digits?: number) => string): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '–';
  if (p === 0) return '≈ 0';
  if (p < 0.001) return p.toExponential(1);
  return dec(p, 3);
}

/** The significance mark of an adjusted p-value at 0.05. */
export function significant(p: number | null | undefined, alpha = 0.05): boolean {
  return typeof p === 'number' && Number.isFinite(p) && p < alpha;
}
