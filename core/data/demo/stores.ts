import { REGIONS, REGION_WEIGHT, subRegions } from './regions.js';
import { cumulative, Rng } from './rng.js';

/**
 * The BR table: shops of the five offline retailers and of the partner services. At full size
 * there are 8,808 shops as in the real extract; smaller sizes scale the counts down.
 * A01 "shops" are the counters and tenants inside department stores, hence their number.
 */

export const PARTNERS = ['B01', 'C01', 'C02', 'D01', 'D02', 'E01'] as const;
/** Full-size shop counts for A01…A05 then B01, C01, C02, D01, D02, E01 (sum 8,808). */
const FULL_COUNTS: readonly number[] = [1500, 700, 900, 3300, 600, 120, 180, 40, 700, 648, 120];
const COMPANIES = ['A01', 'A02', 'A03', 'A04', 'A05', ...PARTNERS];
const STORE_SEED = 0xb4a7c4;

export interface StoreTable {
  code: string[];
  company: string[];
  region: Int32Array;
  subRegion: string[];
  /** byCompanyRegion[company index][region] = store indexes, company index 0–4 retailers, 5–10 partners. */
  byCompanyRegion: number[][][];
  byCompany: number[][];
}

/** Shops for a size; scale 1 gives the real 8,808 (each company keeps at least 3 shops). */
export function buildStores(scale: number): StoreTable {
  const rng = new Rng(STORE_SEED);
  const subs = subRegions();
  const regionCum = cumulative(REGION_WEIGHT);
  const t: StoreTable = { code: [], company: [], region: new Int32Array(0), subRegion: [], byCompanyRegion: [], byCompany: [] };
  const regions: number[] = [];
  COMPANIES.forEach((company, ci) => {
    const n = Math.max(3, Math.round(FULL_COUNTS[ci] * scale));
    t.byCompanyRegion.push(REGIONS.map(() => []));
    t.byCompany.push([]);
    for (let k = 0; k < n; k++) {
      // The first 17 shops of a big chain cover every region once; the rest follow population.
      const region = n >= 4 * REGIONS.length && k < REGIONS.length ? k : rng.pick(regionCum);
      const idx = t.code.length;
      t.code.push(`${company}${String(k + 1).padStart(4, '0')}`);
      t.company.push(company);
      regions.push(region);
      t.subRegion.push(subs[region][rng.int(subs[region].length)]);
      t.byCompanyRegion[ci][region].push(idx);
      t.byCompany[ci].push(idx);
    }
  });
  t.region = Int32Array.from(regions);
  return t;
}

/** A shop of the company, in the region when it has one there (else anywhere): the customer's usual shop. */
export function homeStore(t: StoreTable, company: number, region: number, rng: Rng): number {
  const local = t.byCompanyRegion[company][region];
  const pool = local.length > 0 ? local : t.byCompany[company];
  return pool[rng.int(pool.length)];
}
