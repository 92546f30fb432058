/**
 * One fitted regression tree in flat arrays (node 0 is the root; feature −1 marks a leaf). Every
 * node keeps its value, −learningRate · G / (H + λ) of the rows that reached it, so a path's
 * value changes attribute the prediction to features (Saabas 2014, "Interpreting random
 * forests"; treeinterpreter), as LightGBM's leaf and internal values do.
 */
export interface TreeJson {
  feature: number[];
  /** Numeric threshold (x ≤ t goes left); null for +∞ ("NaN right") and for categorical nodes. */
  threshold: (number | null)[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  count: number[];
  gain: number[];
  /** Categorical nodes: node index → category codes that go left. */
  categories: Record<string, number[]>;
}

/** Bitset over category codes 0..255 (8 words). */
export function bitsOf(codes: Iterable<number>): Uint32Array {
  const bits = new Uint32Array(8);
  for (const c of codes) bits[c >>> 5] |= 1 << (c & 31);
  return bits;
}

export function hasBit(bits: Uint32Array, code: number): boolean {
  return (bits[code >>> 5] & (1 << (code & 31))) !== 0;
}

export class Tree {
  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly missingLeft: Uint8Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly value: Float64Array,
    readonly count: Int32Array,
    readonly gain: Float64Array,
    /** Per node: the left categories' bitset, or null for numeric nodes and leaves. */
    readonly catLeft: (Uint32Array | null)[],
  ) {}

  /**
   * Child of internal `node` for the row at values[off…]. NaN, and for categorical features a
   * code not seen in training (`known`), follow missingLeft, as sklearn's predictor.
   */
  child(node: number, values: Float64Array, off: number, known: (Uint32Array | null)[]): number {
    const f = this.feature[node];
    const x = values[off + f];
    const cat = this.catLeft[node];
    let goLeft: boolean;
    if (cat) {
      const k = known[f];
      const seen = Number.isInteger(x) && x >= 0 && x < 256 && (!k || hasBit(k, x));
      goLeft = seen ? hasBit(cat, x) : this.missingLeft[node] === 1;
    } else goLeft = Number.isNaN(x) ? this.missingLeft[node] === 1 : x <= this.threshold[node];
    return goLeft ? this.left[node] : this.right[node];
  }

  /** Leaf value reached by the row at values[off…]. */
  predictRow(values: Float64Array, off: number, known: (Uint32Array | null)[]): number {
    let node = 0;
    while (this.feature[node] >= 0) node = this.child(node, values, off, known);
    return this.value[node];
  }

  toJSON(): TreeJson {
    const categories: Record<string, number[]> = {};
    this.catLeft.forEach((bits, i) => {
      if (!bits) return;
      const codes: number[] = [];
      for (let c = 0; c < 256; c++) if (hasBit(bits, c)) codes.push(c);
      categories[String(i)] = codes;
    });
    return {
      feature: [...this.feature],
      threshold: [...this.threshold].map((t, i) => (this.feature[i] < 0 || this.catLeft[i] || t === Infinity ? null : t)),
      missingLeft: [...this.missingLeft],
      left: [...this.left],
      right: [...this.right],
      value: [...this.value],
      count: [...this.count],
      gain: [...this.gain],
      categories,
    };
  }

  static fromJSON(j: TreeJson): Tree {
    const n = j.feature.length;
    const catLeft: (Uint32Array | null)[] = new Array<Uint32Array | null>(n).fill(null);
    for (const [node, codes] of Object.entries(j.categories)) catLeft[Number(node)] = bitsOf(codes);
    return new Tree(
      Int32Array.from(j.feature),
      Float64Array.from(j.threshold, (t, i) => (t === null ? (j.feature[i] >= 0 && !catLeft[i] ? Infinity : 0) : t)),
      Uint8Array.from(j.missingLeft),
      Int32Array.from(j.left),
      Int32Array.from(j.right),
      Float64Array.from(j.value),
      Int32Array.from(j.count),
      Float64Array.from(j.gain),
      catLeft,
    );
  }
}
