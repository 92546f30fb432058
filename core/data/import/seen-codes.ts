/**
 * A compact set of 64-bit string hashes (two independent 32-bit FNV-1a variants) in an
 * open-addressing table: 8 bytes per slot instead of the ~100 bytes a Map entry with a string key
 * costs, so 1.5M receipt codes need ~24 MB, not ~150 MB. `addIfNew` answers whether a code was
 * (very probably) seen before; callers treat "seen" as a suspicion to verify, never as proof,
 * so a hash collision costs a check, not a wrong answer.
 */
export class SeenCodes {
  private table: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    let size = 1;
    while (size < capacity * 2) size <<= 1;
    this.table = new Uint32Array(size * 2);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the code; returns true when its hash was already present. */
  addIfNew(code: string): boolean {
    let h1 = 0x811c9dc5, h2 = 0x01000193 ^ code.length;
    for (let i = 0; i < code.length; i++) {
      const c = code.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 | 1) >>> 0; // 0 marks an empty slot
    h2 >>>= 0;
    const found = this.probe(h1, h2);
    if (found) return true;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return false;
  }

  private probe(h1: number, h2: number): boolean {
    const t = this.table;
    let i = (h1 ^ h2) & this.mask;
    for (;;) {
      const a = t[i * 2];
      if (a === 0) {
        t[i * 2] = h1;
        t[i * 2 + 1] = h2;
        return false;
      }
      if (a === h1 && t[i * 2 + 1] === h2) return true;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.probe(old[i], old[i + 1]);
  }
}
