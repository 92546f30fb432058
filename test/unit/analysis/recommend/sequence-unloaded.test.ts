import { describe, expect, it } from 'vitest';
import { sequenceRecommender } from '../../../../core/analysis/recommend/sequence.js';

// A file of its own: TensorFlow.js must not have been loaded in this module graph.
describe('sequence without TensorFlow.js loaded', () => {
  it('says what to do instead of failing inside the model', () => {
    const events = { customer: new Int32Array(0), day: new Int32Array(0), hourKey: new Int8Array(0), source: new Int32Array(0), item: new Int32Array(0), amount: new Float64Array(0), pseudo: [] };
    const m = sequenceRecommender({ events, category: [0], category2: [0] });
    const train = { codes: ['P1'], customerCount: 1, receiptCustomer: Int32Array.of(0), receiptStart: Int32Array.of(0, 1), receiptItems: Int32Array.of(0), receiptDay: Int32Array.of(5) };
    expect(() => m.fit(train)).toThrow(/TensorFlow\.js is not loaded; await tfWasmReady\(\)/);
  });
});
