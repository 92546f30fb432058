/**
 * Frequent itemsets by FP-growth (Han, Pei & Yin 2000, "Mining frequent patterns without candidate
 * generation", SIGMOD): one pass counts the items, a second builds a prefix tree of the baskets with
 * items in descending frequency, and each item's conditional pattern base (the tree paths above its
 * nodes) is mined recursively. Exact: every itemset whose support count reaches `minCount` is found
 * with its exact count (the brute-force test in test/unit/analysis/rules checks it).
 *
 * The tree lives in growable typed arrays (item, parent, count, next node of the same item) and
 * children are found through one Map keyed by parent × items + item, so memory is a few words per
 * node whatever the basket count.
 */

/** Baskets in CSR form: basket b holds items[start[b] .. start[b+1]), each item at most once. */
export interface BasketSet {
  start: Int32Array;
  items: Int32Array;
  /** Items are 0..itemCount−1. */
  itemCount: number;
}

export interface FrequentItemsets {
  /** CSR: itemset k is items[start[k] .. start[k+1]), items ascending. */
  start: Int32Array;
  items: Int32Array;
  /** Baskets holding every item of the itemset. */
  count: Int32Array;
}

/** Thrown when a run would find more than `maxItemsets` itemsets: support too low for the data. */
export class TooManyItemsetsError extends RangeError {
  constructor(readonly maxItemsets: number, readonly minCount: number) {
    super(`More than ${maxItemsets.toLocaleString('en-US')} frequent itemsets at this support (${minCount} baskets): raise minSupport, lower maxLength, or use excludeTop; maxItemsets raises the limit at the cost of memory.`);
    this.name = 'TooManyItemsetsError';
  }
}

export interface FpGrowthOptions {
  /** Smallest basket count of a frequent itemset (≥ 1). */
  minCount: number;
  /** Longest itemset (≥ 1). */
  maxLength: number;
  /** Stop with TooManyItemsetsError past this many itemsets. */
  maxItemsets: number;
  /** Called between top-level items and every 65,536 itemsets (progress; may throw to cancel). */
  onItem?: (done: number, total: number) => void;
}

class Tree {
  item: Int32Array;
  parent: Int32Array;
  count: Int32Array;
  next: Int32Array;
  size = 1; // node 0 is the root
  readonly head: Int32Array;
  readonly total: Int32Array;
  private readonly children = new Map<number, number>();

  constructor(readonly width: number, capacity = 64) {
    this.item = new Int32Array(capacity).fill(-1);
    this.parent = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.head = new Int32Array(width).fill(-1);
    this.total = new Int32Array(width);
  }

  /** Adds a path of ranks (ascending: most frequent first) with its count. */
  insert(path: ArrayLike<number>, length: number, n: number): void {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const r = path[i];
      const key = node * this.width + r;
      let child = this.children.get(key);
      if (child === undefined) {
        if (this.size === this.item.length) this.grow();
        child = this.size++;
        this.item[child] = r;
        this.parent[child] = node;
        this.next[child] = this.head[r];
        this.head[r] = child;
        this.children.set(key, child);
      }
      this.count[child] += n;
      this.total[r] += n;
      node = child;
    }
  }

  private grow(): void {
    const cap = this.item.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.item = g(this.item);
    this.parent = g(this.parent);
    this.count = g(this.count);
    this.next = g(this.next);
  }
}

/**
 * Every itemset of at most `maxLength` items contained in at least `minCount` baskets, with its
 * count. Output order: by the FP-growth recursion (deterministic for the same input).
 */
export function fpGrowth(baskets: BasketSet, options: FpGrowthOptions): FrequentItemsets {
  const { minCount, maxLength, maxItemsets } = options;
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError(`minCount must be an integer ≥ 1, got ${minCount}`);
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be an integer ≥ 1, got ${maxLength}`);
  const { start, items, itemCount } = baskets;
  const freq = new Int32Array(itemCount);
  for (let i = 0; i < items.length; i++) freq[items[i]]++;
  // Ranks: frequent items by descending count, ties by item id (deterministic).
  const order = [...Array(itemCount).keys()].filter((i) => freq[i] >= minCount).sort((a, b) => freq[b] - freq[a] || a - b);
  const rankOf = new Int32Array(itemCount).fill(-1);
  order.forEach((item, r) => (rankOf[item] = r));
  const R = order.length;
  const tree = new Tree(Math.max(R, 1), 1024);
  const path = new Int32Array(Math.max(R, 1));
  for (let b = 0; b + 1 < start.length; b++) {
    let len = 0;
    for (let i = start[b]; i < start[b + 1]; i++) {
      const r = rankOf[items[i]];
      if (r >= 0) path[len++] = r;
    }
    if (len === 0) continue;
    path.subarray(0, len).sort();
    tree.insert(path, len, 1);
  }

  const outItems: number[] = [], outStart: number[] = [0], outCount: number[] = [];
  const suffix: number[] = [];
  let topDone = 0;
  const emit = (count: number) => {
    if (outCount.length >= maxItemsets) throw new TooManyItemsetsError(maxItemsets, minCount);
    // Deep recursions under one top item can run long: report (and let the caller cancel) every 65,536 itemsets.
    if ((outCount.length & 0xffff) === 0xffff) options.onItem?.(topDone, R);
    const ids = suffix.map((r) => order[r]).sort((a, b) => a - b);
    for (const id of ids) outItems.push(id);
    outStart.push(outItems.length);
    outCount.push(count);
  };

  const mine = (t: Tree, top: boolean) => {
    for (let r = t.width - 1; r >= 0; r--) {
      if (t.total[r] < minCount) continue;
      if (top) options.onItem?.((topDone = R - 1 - r), R);
      suffix.push(r);
      emit(t.total[r]);
      if (suffix.length < maxLength) {
        // Conditional pattern base of r: each node's path to the root, with the node's count.
        const local = new Int32Array(r);
        for (let n = t.head[r]; n !== -1; n = t.next[n]) for (let p = t.parent[n]; p !== 0; p = t.parent[p]) local[t.item[p]] += t.count[n];
        let any = false;
        for (let i = 0; i < r; i++) if (local[i] >= minCount) any = true;
        if (any) {
          const cond = new Tree(r);
          const buf = new Int32Array(r);
          for (let n = t.head[r]; n !== -1; n = t.next[n]) {
            let len = 0;
            for (let p = t.parent[n]; p !== 0; p = t.parent[p]) if (local[t.item[p]] >= minCount) buf[len++] = t.item[p];
            if (len === 0) continue;
            buf.subarray(0, len).reverse();
            cond.insert(buf, len, t.count[n]);
          }
          mine(cond, false);
        }
      }
      suffix.pop();
    }
  };
  if (R > 0) mine(tree, true);
  return { start: Int32Array.from(outStart), items: Int32Array.from(outItems), count: Int32Array.from(outCount) };
}
