import type { BasketSet } from './fpgrowth.js';

export interface LongTailOptions {
  /** Remove the N items present in most baskets (ties: lower item id first); 0 keeps all. */
  excludeTop: number;
  /** Remove items present in more than this fraction of baskets; 1 keeps all. */
  maxItemSupport: number;
}

export interface LongTailResult {
  baskets: BasketSet;
  /** Removed items, most frequent first. */
  excluded: number[];
  /** Baskets left empty by the removal, dropped. */
  droppedBaskets: number;
  /** Which of the input baskets were kept (index into the input), in order. */
  kept: Int32Array;
}

/**
 * Seed 004's long-tail mode: the most popular items dominate every rule (whole milk → …), so they
 * are removed before mining and rules among mid- and low-popularity items surface. Baskets left
 * empty are dropped, so supports are fractions of the baskets that remain.
 */
export function longTail(input: BasketSet, options: LongTailOptions): LongTailResult {
  const { excludeTop, maxItemSupport } = options;
  if (!Number.isInteger(excludeTop) || excludeTop < 0) throw new RangeError(`excludeTop must be an integer ≥ 0, got ${excludeTop}`);
  if (!(maxItemSupport > 0 && maxItemSupport <= 1)) throw new RangeError(`maxItemSupport must be in (0, 1], got ${maxItemSupport}`);
  const n = input.start.length - 1;
  const freq = new Int32Array(input.itemCount);
  for (let i = 0; i < input.items.length; i++) freq[input.items[i]]++;
  const byCount = [...Array(input.itemCount).keys()].filter((i) => freq[i] > 0).sort((a, b) => freq[b] - freq[a] || a - b);
  const drop = new Set(byCount.slice(0, excludeTop));
  if (maxItemSupport < 1) for (const i of byCount) if (freq[i] / n > maxItemSupport) drop.add(i);
  const excluded = byCount.filter((i) => drop.has(i));
  if (excluded.length === 0) return { baskets: input, excluded, droppedBaskets: 0, kept: Int32Array.from({ length: n }, (_, b) => b) };
  const start: number[] = [0], items: number[] = [], kept: number[] = [];
  for (let b = 0; b < n; b++) {
    const before = items.length;
    for (let i = input.start[b]; i < input.start[b + 1]; i++) if (!drop.has(input.items[i])) items.push(input.items[i]);
    if (items.length === before) continue;
    start.push(items.length);
    kept.push(b);
  }
  return { baskets: { start: Int32Array.from(start), items: Int32Array.from(items), itemCount: input.itemCount }, excluded, droppedBaskets: n - kept.length, kept: Int32Array.from(kept) };
}
