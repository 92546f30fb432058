import type { OverviewResult } from '../../../core/model/overview.js';

const months = ['2021-01', '2021-02', '2021-03'];
const row = (name: string, sales: number, parent: string | null = null) => ({ name, code: null, parent, sales, salesShare: sales / 1000, receipts: sales / 10, receiptShare: sales / 10_000 });

/** A small, hand-made OverviewResult (L.point-like: every panel available). */
export function overviewFixture(): OverviewResult {
  return {
    period: { from: null, to: null },
    kpis: { available: true, customers: 3, registeredCustomers: 4, receipts: 10, purchaseReceipts: 9, lines: 20, linesWithoutCustomer: 0, sales: 1000, grossSales: 1100, returnsAmount: 100, returnLines: 1, returnShare: 100 / 1100, meanBasketValue: 111.1, receiptsPerCustomer: 3, salesPerCustomer: 333.3, firstDate: '2021-01-01', lastDate: '2021-03-31', days: 90, products: 5, stores: 2, lpayUsers: 1 },
    demographics: { available: true, genders: ['F', 'M'], ageBands: ['20-29', '30-39'], cells: [{ gender: 'F', ageBand: '20-29', customers: 2, sales: 600 }, { gender: 'M', ageBand: '30-39', customers: 1, sales: 400 }] },
    regions: { available: true, rows: [{ region: 'Z01', customers: 2, sales: 700, salesShare: 0.7 }, { region: 'unknown', customers: 1, sales: 300, salesShare: 0.3 }] },
    retailerSales: { available: true, periods: months, series: [{ key: 'A01', label: 'Department store', sales: [100, 200, 300], receipts: [1, 2, 3] }] },
    partnerSales: { available: false, reason: 'no partner data', periods: [], series: [] },
    channelTrend: {
      available: true,
      monthly: { periods: months, series: [{ channel: 'offline', sales: [80, 150, 200], receipts: [1, 1, 1] }, { channel: 'online', sales: [20, 50, 100], receipts: [1, 1, 1] }], onlineSalesShare: [0.2, 0.25, 1 / 3] },
      weekly: { periods: ['2021-01-04'], series: [{ channel: 'offline', sales: [10], receipts: [1] }], onlineSalesShare: [0] },
    },
    heatmap: { available: true, weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], hours: Array.from({ length: 24 }, (_, h) => h), receipts: Array.from({ length: 7 }, (_, w) => Array.from({ length: 24 }, (_, h) => w * h)), sales: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 5)), receiptsWithoutHour: 0 },
    topCategories: { available: true, basis: 'category', level1: { bySales: [row('식품', 600), row('화장품', 400)], byReceipts: [row('화장품', 400), row('식품', 600)] }, level2: null },
    priceSpread: {
      available: true,
      minPurchases: 30,
      productsAnalysed: 4,
      productsFlagged: 2,
      rule: '|skewness| > 2 or excess kurtosis > 7',
      flagged: [
        { product: 'PD0001', name: 'Cake', category: '식품', n: 40, mean: 10, median: 9, p5: 5, p95: 30, cv: 0.9, skewness: 3.2, kurtosis: 12.5, extreme: true },
        { product: 'PD0002', name: null, category: null, n: 35, mean: 10, median: 10, p5: 10, p95: 10, cv: 0, skewness: null, kurtosis: null, extreme: true },
      ],
      skewHistogram: [{ from: null, to: -1, count: 1 }, { from: -1, to: 1, count: 2 }, { from: 1, to: null, count: 1 }],
    },
    lpay: {
      available: true,
      users: 1,
      payments: 3,
      paymentAmount: 300,
      customers: 3,
      usersAmongCustomers: 1,
      adoptionShare: 1 / 3,
      firstUse: { periods: months, newUsers: [1, 0, 0], cumulativeUsers: [1, 1, 1] },
      groups: [{ group: 'lpay', customers: 1, sales: 500, purchaseReceipts: 5, salesPerCustomer: 500, salesPerReceipt: 100 }, { group: 'other', customers: 2, sales: 500, purchaseReceipts: 4, salesPerCustomer: 250, salesPerReceipt: 125 }],
      byMerchant: [],
    },
    cohort: { available: true, amount: 100, cohort: 1, repeaters: 1, repeatShare: 1, medianDaysToSecond: 3, customersWithAnyPaymentOfAmount: 1, byMonth: { periods: months, cohort: [1, 0, 0] } },
    retailerThemes: { available: true, retailers: [{ retailer: 'A01', label: 'Department store', sales: 600, categories: [{ name: '식품', sales: 400, share: 2 / 3, overallShare: 0.6, lift: 1.11 }] }, { retailer: 'A02', label: null, sales: 400, categories: [{ name: '화장품', sales: 400, share: 1, overallShare: 0.4, lift: 2.5 }] }] },
  };
}
