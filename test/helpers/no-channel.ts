import fs from 'node:fs';

/**
 * A retailer's file with categories and amounts but no sales channel and no customer attributes:
 * 400 customers, seeded. Used where a test needs data without a channel (stratified-kmeans makes
 * 4 strata by spend grade on it): test/integration/segment/stratified-strata.test.ts and the E2E.
 */
export function writeNoChannelFile(file: string): void {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const rows = ['customer,date,product,category,amount'];
  for (let c = 1; c <= 400; c++) {
    const lines = 2 + Math.floor(rand() * 8);
    for (let l = 0; l < lines; l++) {
      const cat = 'ABCDEF'[Math.floor(rand() * 6)];
      const day = 1 + Math.floor(rand() * 28);
      rows.push(`C${c},2024-03-${String(day).padStart(2, '0')},${cat}${Math.floor(rand() * 5)},${cat},${(5 + rand() * 95 * (1 + (c % 4))).toFixed(2)}`);
    }
  }
  fs.writeFileSync(file, rows.join('\n') + '\n');
}
