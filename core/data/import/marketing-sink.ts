import type Database from 'better-sqlite3';
import type { CouponImport, MarketingImport } from '../../model/import.js';
import { WorkbenchError } from '../../model/result.js';
import type { Db } from '../store/open.js';
import type { EncodedBatch } from './encoded.js';
import { isoDate } from './values.js';

/**
 * Writes the marketing spend and coupon offers of one import (issue #11), inside the import's
 * transaction, and settles what can only be decided once the whole file is in:
 * - spend overlapping days and channels already stored (an earlier import, or an earlier file of
 *   this one) is refused, naming the first overlapping date and channel: two files claiming the
 *   same day's spend cannot both be right, and summing or replacing silently would hide it;
 * - bare discounts are fractions (0.1 = 10%) only when every discount of the file is at most 1
 *   and none carries a percent sign; otherwise they are percentages, and values at most 1 are
 *   named in a note (docs/decisions/0013-marketing-and-coupon-imports.md).
 */
export class MarketingSink {
  private readonly insertSpend: Database.Statement;
  private readonly storedSpend: Database.Statement;
  private readonly insertOffer: Database.Statement;
  private spendRows = 0;
  private offers = 0;
  private percentSign = false;
  private maxDiscount = -Infinity;
  /** Bare discounts in (0, 1]: their count and the first one's line. */
  private small = 0;
  private firstSmallLine = 0;

  constructor(private readonly db: Db, private readonly importId: number) {
    this.insertSpend = db.prepare('INSERT INTO marketing_spend (day, channel, spend, import_id) VALUES (?, ?, ?, ?)');
    this.storedSpend = db.prepare('SELECT i.file FROM marketing_spend s JOIN imports i ON i.id = s.import_id WHERE s.day = ? AND s.channel = ?');
    this.insertOffer = db.prepare('INSERT INTO coupons (import_id, from_day, to_day, year, month, category, code, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  apply(b: EncodedBatch): void {
    for (const [day, channel, spend, line] of b.spend) {
      const stored = this.storedSpend.get(day, channel) as { file: string } | undefined;
      if (stored !== undefined) this.refuseOverlap(day, channel, line, stored.file);
      this.insertSpend.run(day, channel, spend, this.importId);
      this.spendRows++;
    }
    for (const o of b.offers) {
      this.insertOffer.run(this.importId, o.fromDay, o.toDay, o.year, o.month, o.category, o.code, o.discount);
      this.offers++;
      this.percentSign ||= o.percentSign;
      this.maxDiscount = Math.max(this.maxDiscount, o.discount);
      if (!o.percentSign && o.discount > 0 && o.discount <= 1 && this.small++ === 0) this.firstSmallLine = o.line;
    }
  }

  private refuseOverlap(day: number, channel: string, line: number, storedFile: string): never {
    const file = (this.db.prepare('SELECT file FROM imports WHERE id = ?').get(this.importId) as { file: string }).file;
    const where = `${file}, line ${line}`;
    throw new WorkbenchError('import-failed', `${where}: the spend of ${channel} on ${isoDate(day)} is already in the project (from ${storedFile}); a marketing import may not overlap the days and channels stored. Remove the overlapping days from the file, or import it into a new project. Nothing was imported.`, { file, line, column: channel, value: isoDate(day), reason: 'marketing spend overlaps stored days and channels' });
  }

  /** Applies the fraction rule and returns the file's notes (call once, after the last batch). */
  settleNotes(): string[] {
    if (this.offers === 0) return [];
    if (!this.percentSign && this.maxDiscount <= 1 && this.maxDiscount > 0) {
      this.db.prepare('UPDATE coupons SET discount = round(discount * 100, 9) WHERE import_id = ?').run(this.importId);
      return ['every discount is at most 1 and none has a % sign: read as fractions (0.1 = 10%)'];
    }
    if (this.small > 0) return [`${this.small} discount${this.small > 1 ? 's' : ''} at most 1 (first on line ${this.firstSmallLine}) read as percentages (0.5 = 0.5%), because other discounts of the file are above 1 or carry a % sign`];
    return [];
  }

  /** What a marketing file stored, for its report; undefined when it stored no spend. */
  marketingReport(): MarketingImport | undefined {
    if (this.spendRows === 0) return undefined;
    return spendSummary(this.db, 'WHERE import_id = ?', [this.importId]);
  }

  /** What a coupons file stored, for its report; undefined when it stored no offer. */
  couponsReport(): CouponImport | undefined {
    if (this.offers === 0) return undefined;
    return offersSummary(this.db, 'WHERE import_id = ?', [this.importId]);
  }
}

/** Channels, days covered and spend rows of the stored spend (one import's, or the project's). */
export function spendSummary(db: Db, where = '', args: unknown[] = []): MarketingImport | undefined {
  const r = db.prepare(`SELECT min(day) AS lo, max(day) AS hi, count(DISTINCT day) AS days, count(*) AS rows FROM marketing_spend ${where}`).get(...args) as { lo: number | null; hi: number; days: number; rows: number };
  if (r.lo === null) return undefined;
  const channels = (db.prepare(`SELECT DISTINCT channel FROM marketing_spend ${where} ORDER BY channel`).raw().all(...args) as [string][]).map((x) => x[0]);
  return { channels, firstDay: isoDate(r.lo), lastDay: isoDate(r.hi), days: r.days, spendRows: r.rows };
}

/** Offers, discount levels and categories of the stored coupon offers (one import's, or the project's). */
export function offersSummary(db: Db, where = '', args: unknown[] = []): CouponImport | undefined {
  const offers = (db.prepare(`SELECT count(*) AS n FROM coupons ${where}`).get(...args) as { n: number }).n;
  if (offers === 0) return undefined;
  const discountLevels = (db.prepare(`SELECT DISTINCT discount FROM coupons ${where} ORDER BY discount`).raw().all(...args) as [number][]).map((x) => x[0]);
  const categories = (db.prepare(`SELECT DISTINCT category FROM coupons ${where} ORDER BY category`).raw().all(...args) as [string][]).map((x) => x[0]);
  return { offers, discountLevels, categories };
}
