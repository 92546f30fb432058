import type { TrainingData } from '../../../../core/analysis/recommend/types.js';

/** Training data from [customer, products[]] receipts. */
export function training(codes: string[], customerCount: number, receipts: [number, number[]][]): TrainingData {
  const receiptStart = new Int32Array(receipts.length + 1);
  const items: number[] = [];
  receipts.forEach(([, ps], r) => {
    items.push(...ps);
    receiptStart[r + 1] = items.length;
  });
  return {
    codes,
    customerCount,
    receiptCustomer: Int32Array.from(receipts.map(([u]) => u)),
    receiptStart,
    receiptItems: Int32Array.from(items),
  };
}

export const list = (a: Int32Array): number[] => Array.from(a);
