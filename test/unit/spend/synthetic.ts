import { createRandom } from '../../../core/analysis/common/random.js';
import type { SpendData } from '../../../core/analysis/spend/data.js';

/**
 * A seeded synthetic purchase history in day order: `customers` × `products`, one to a few lines a
 * day over `days` days from 2021-01-01; each product has a base price, each customer a taste, so
 * the amount depends on the pair. With `full`, hours, channels, retailers, attributes and L.pay.
 */
export function syntheticSpend(o: { customers: number; products: number; days: number; perDay: number; seed: number; full: boolean }): SpendData {
  const random = createRandom(o.seed);
  const start = Date.UTC(2021, 0, 1) / 86_400_000;
  const price = Array.from({ length: o.products }, () => Math.exp(2 + 4 * random.next()));
  const taste = Array.from({ length: o.customers }, () => 0.5 + random.next());
  const c: number[] = [], p: number[] = [], d: number[] = [], q: number[] = [], a: number[] = [], h: number[] = [], ch: number[] = [], rt: number[] = [];
  for (let day = 0; day < o.days; day++) {
    for (let k = 0; k < o.perDay; k++) {
      const cu = random.int(o.customers), pr = (cu + random.int(Math.max(1, Math.floor(o.products / 3)))) % o.products;
      const qty = 1 + random.int(3);
      c.push(cu);
      p.push(pr);
      d.push(start + day);
      q.push(qty);
      a.push(Math.round(price[pr] * taste[cu] * qty * (0.8 + 0.4 * random.next())));
      h.push(random.next() < 0.1 ? NaN : 8 + random.int(14));
      ch.push(1 + (cu % 2));
      rt.push(cu % 3);
    }
  }
  const lpayC: number[] = [], lpayD: number[] = [];
  for (let day = 0; day < o.days; day++) {
    for (let k = 0; k < 3; k++) {
      lpayC.push(random.int(o.customers));
      lpayD.push(start + day);
    }
  }
  return {
    customer: Int32Array.from(c), product: Int32Array.from(p), day: Int32Array.from(d), quantity: Float64Array.from(q), amount: Float64Array.from(a),
    hour: o.full ? Float64Array.from(h) : null,
    channel: o.full ? Int32Array.from(ch) : null,
    retailer: o.full ? Int32Array.from(rt) : null,
    retailerLevels: o.full ? ['A01', 'A02', 'A03'] : [],
    customerCodes: Array.from({ length: o.customers }, (_, i) => `C${i}`),
    productCodes: Array.from({ length: o.products }, (_, i) => `P${i}`),
    attributes: o.full
      ? { gender: Int32Array.from({ length: o.customers }, (_, i) => i % 2), genderLevels: ['F', 'M'], ageBand: Int32Array.from({ length: o.customers }, (_, i) => i % 4), ageBandLevels: ['20', '30', '40', '50'], region: Int32Array.from({ length: o.customers }, (_, i) => (i % 5 === 0 ? -1 : i % 3)), regionLevels: ['R1', 'R2', 'R3'] }
      : null,
    lpay: o.full ? { customer: Int32Array.from(lpayC), day: Int32Array.from(lpayD) } : null,
  };
}
