/**
 * Serialized answers (UTF-8 JSON bodies) of the browser host's read-only views, kept while their data is unchanged.
 *
 * Why: every API call runs on the server's one main thread. Under 200 clients (bench/serve-load.mjs,
 * issue #15 §12) a 1.2 MB segmentation view built and stringified on each call (≈ 40–140 ms) kept
 * the loop busy long enough for a new connection's headers to wait past `headersTimeout` (HTTP
 * 408). A finished run's view changes only when its segments are renamed, so its answer is built
 * once per state and then only written.
 *
 * Keys carry a stamp from the project itself (`ApiHost.viewStamp`: the run's status, end time and
 * names), read on every call, so a rename — by this host, the CLI or another window — is a miss, never a
 * stale answer. Least recently used entries go first once the total passes `maxBytes`; an answer
 * larger than the whole budget is not kept.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly building = new Map<string, Promise<Buffer | undefined>>();
  private bytes = 0;

  constructor(readonly maxBytes = 64 << 20) {}

  /** The answer stored under `key`, now the most recently used; undefined on a miss. */
  get(key: string): Buffer | undefined {
    const text = this.entries.get(key);
    if (text === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, text);
    return text;
  }

  set(key: string, text: Buffer): void {
    const size = text.length;
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, text);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /**
   * The answer under `key`: kept (`hit`), or built by `build` once however many callers ask while
   * it is being built (`shared` for all but the first: at a burst of first requests the view is
   * built once, not once per client). `build` resolves undefined for an answer not to keep (an
   * error): then every waiting caller gets undefined and answers on its own.
   */
  async share(key: string, build: () => Promise<Buffer | undefined>): Promise<{ body: Buffer | undefined; how: 'hit' | 'miss' | 'shared' }> {
    const kept = this.get(key);
    if (kept !== undefined) return { body: kept, how: 'hit' };
    const pending = this.building.get(key);
    if (pending) return { body: await pending, how: 'shared' };
    const started = build().finally(() => this.building.delete(key));
    this.building.set(key, started);
    const body = await started;
    if (body !== undefined) this.set(key, body);
    return { body, how: 'miss' };
  }

  /** Bytes held (the UTF-8 bodies, as sent). */
  get heldBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.entries.size;
  }
}
