import type { FeatureMatrix, Regressor } from '../spend/regressor.js';
import type { GbdtOptions } from './options.js';
import { bitsOf, Tree, type TreeJson } from './tree.js';

/** The serialised model (`toJSON`), read back by `gbdtFromJSON`. */
export interface GbdtJson {
  kind: 'gbdt';
  version: 1;
  options: GbdtOptions;
  names: string[];
  categorical: boolean[];
  /** Per feature: the category codes seen in training (categorical features), else null. */
  known: (number[] | null)[];
  /** The initial prediction: mean of y (the constant minimising squared error). */
  baseline: number;
  /** Half mean squared error after 0, 1, … trees, on the training rows and (when given) on `valid`. */
  trainLoss: number[];
  validLoss: number[] | null;
  trees: TreeJson[];
}

/**
 * A fitted gradient-boosted tree ensemble: prediction = baseline + Σ trees' leaf values, on the
 * scale of the y it was fitted to (log1p of the amount for the spend model).
 */
export class GbdtModel implements Regressor {
  private readonly knownBits: (Uint32Array | null)[];
  /**
   * The fit's own predictions of its training rows (baseline + every tree's leaf value, added in
   * tree order as `predict` adds them, so the same numbers), kept so a caller scoring the training
   * split need not walk every tree again; null for a model read from JSON (not stored).
   */
  fittedTrain: Float64Array | null = null;
  constructor(
    readonly options: GbdtOptions,
    readonly names: string[],
    readonly categorical: boolean[],
    readonly known: (number[] | null)[],
    readonly baseline: number,
    readonly trees: Tree[],
    readonly trainLoss: number[],
    readonly validLoss: number[] | null,
  ) {
    this.knownBits = known.map((k) => (k ? bitsOf(k) : null));
  }

  private check(x: FeatureMatrix): void {
    if (x.cols !== this.names.length) throw new RangeError(`x must have ${this.names.length} columns (${this.names.join(', ')}), got ${x.cols}`);
  }

  predict(x: FeatureMatrix): Float64Array {
    this.check(x);
    const out = new Float64Array(x.rows).fill(this.baseline);
    for (const tree of this.trees) for (let r = 0; r < x.rows; r++) out[r] += tree.predictRow(x.values, r * x.cols, this.knownBits);
    return out;
  }

  /**
   * Saabas path attribution of row `row`: walking each tree from the root, the change of node
   * value at every split is credited to the split's feature. Returns cols + 1 numbers: one per
   * feature, then the bias (baseline + every root's value), which sum to `predict` exactly up
   * to rounding (Saabas 2014; LightGBM's `pred_contrib` layout, bias last).
   */
  contributions(x: FeatureMatrix, row: number): Float64Array {
    this.check(x);
    if (!(Number.isInteger(row) && row >= 0 && row < x.rows)) throw new RangeError(`row must be an integer in 0..${x.rows - 1}, got ${row}`);
    const out = new Float64Array(x.cols + 1);
    let bias = this.baseline;
    const off = row * x.cols;
    for (const tree of this.trees) {
      let node = 0;
      bias += tree.value[0];
      while (tree.feature[node] >= 0) {
        const next = tree.child(node, x.values, off, this.knownBits);
        out[tree.feature[node]] += tree.value[next] - tree.value[node];
        node = next;
      }
    }
    out[x.cols] = bias;
    return out;
  }

  toJSON(): GbdtJson {
    return {
      kind: 'gbdt', version: 1, options: { ...this.options }, names: [...this.names], categorical: [...this.categorical],
      known: this.known.map((k) => (k ? [...k] : null)), baseline: this.baseline,
      trainLoss: [...this.trainLoss], validLoss: this.validLoss ? [...this.validLoss] : null,
      trees: this.trees.map((t) => t.toJSON()),
    };
  }
}

/** The model `toJSON` wrote (after JSON.stringify/parse): predictions identical to the original. */
export function gbdtFromJSON(json: unknown): GbdtModel {
  const j = json as GbdtJson;
  if (!j || typeof j !== 'object' || j.kind !== 'gbdt' || j.version !== 1 || !Array.isArray(j.trees)) {
    throw new TypeError('json must be a GbdtModel.toJSON() object (kind "gbdt", version 1)');
  }
  return new GbdtModel(j.options, j.names, j.categorical, j.known, j.baseline, j.trees.map((t) => Tree.fromJSON(t)), j.trainLoss, j.validLoss);
}
