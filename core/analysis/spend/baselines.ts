/**
 * The two baselines of the spend model (issue #13), on log1p scale like every model:
 * - baseline-product-median: the median log1p amount of the product's train lines, else the
 *   global median of the train lines;
 * - baseline-pair-mean: the mean log1p amount of the customer × product's lines before the line's
 *   day (from the feature pass), else the product median, else the global median.
 * The median of log1p amounts is log1p of the median amount (log1p is monotone).
 */
export interface ProductMedians {
  /** Per product (dense index); NaN when the product has no train line. */
  product: Float64Array;
  global: number;
}

/** Median of a numeric array (mean of the two middle values when even); NaN when empty. */
export function median(values: number[] | Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Product and global medians of log1p(amount) over the train lines (`product`, `amount` per line; `rows` the train lines). */
export function productMedians(products: number, product: ArrayLike<number>, amount: ArrayLike<number>, rows: ArrayLike<number>): ProductMedians {
  const per: number[][] = Array.from({ length: products }, () => []);
  const all: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const v = Math.log1p(amount[rows[k]]);
    per[product[rows[k]]].push(v);
    all.push(v);
  }
  const global = all.length ? median(all) : 0;
  return { product: Float64Array.from(per, (v) => median(v)), global };
}

/** baseline-product-median predictions (log1p) for lines of `product`. */
export function predictProductMedian(m: ProductMedians, product: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: product.length }, (_, i) => {
    const v = m.product[product[i]];
    return Number.isNaN(v) || v === undefined ? m.global : v;
  });
}

/** baseline-pair-mean predictions (log1p): the pair's past mean where known, else the product median. */
export function predictPairMean(m: ProductMedians, product: ArrayLike<number>, pairMeanLog: ArrayLike<number>): Float64Array {
  const fallback = predictProductMedian(m, product);
  return Float64Array.from(fallback, (f, i) => (Number.isNaN(pairMeanLog[i]) ? f : pairMeanLog[i]));
}
