/**
 * A compact set of 32-bit string hashes (FNV-1a) in an open-addressing table: 4 bytes a slot
 * instead of the ~100 bytes a Map entry with a string key costs, so 1.5M receipt codes need
 * 8–16 MB, not ~150 MB. `addIfNew` answers whether a code was *perhaps* seen before; callers
 * treat that as a suspicion to verify (a hash collision costs a check, never a wrong answer).
 * With n codes stored, a new code is wrongly suspected with probability about n / 2³².
 */
export class SeenCodes {
  private table: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    let size = 1;
    while (size < capacity * 2) size <<= 1;
    this.table = new Uint32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the code; returns true when its hash was already present. */
  addIfNew(code: string): boolean {
    let h = 0x811c9dc5;
    for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
    h = (h | 1) >>> 0; // 0 marks an empty slot
    if (this.probe(h)) return true;
    // Grow at a load of 3/4: linear probing stays short, memory stays small.
    if (++this.count * 4 > (this.mask + 1) * 3) this.grow();
    return false;
  }

  private probe(h: number): boolean {
    const t = this.table;
    let i = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const a = t[i];
      if (a === 0) {
        t[i] = h;
        return false;
      }
      if (a === h) return true;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.probe(old[i]);
  }
}
