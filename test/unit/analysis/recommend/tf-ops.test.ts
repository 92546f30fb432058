import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup, matMul, repeatBonus, softmaxCrossEntropy } from '../../../../core/analysis/recommend/tf-ops.js';
import { tfWasmReady } from '../../../../core/jobs/recommend/tf-wasm.js';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};

describe('TensorFlow.js operations with hand-written gradients (WASM backend)', () => {
  beforeAll(async () => {
    await tfWasmReady();
  });

  it('runs on the WebAssembly backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  it('lookup gathers rows and scatter-adds the gradient, duplicates summed', () => {
    const table = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
    const idx = Int32Array.from([2, 0, 2, 3, 2, 1]);
    const out = lookup(table, idx, [2, 3]);
    expect(out.shape).toEqual([2, 3, 2]);
    close(out.dataSync(), [5, 6, 1, 2, 5, 6, 7, 8, 5, 6, 3, 4]);
    // d/dT Σ lookup(T)·W: row r gets the sum of W's rows at the positions where idx = r.
    const W = tf.tensor3d(Array.from({ length: 12 }, (_, i) => i + 1), [2, 3, 2]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(lookup(t as tf.Tensor2D, idx, [2, 3]), W)))(table);
    // positions: 0→row2 (1,2), 1→row0 (3,4), 2→row2 (5,6), 3→row3 (7,8), 4→row2 (9,10), 5→row1 (11,12)
    close(g.dataSync(), [3, 4, 11, 12, 1 + 5 + 9, 2 + 6 + 10, 7, 8]);
  });

  it('matMul equals tf.matMul in value and in both gradients', () => {
    const a = tf.randomNormal([7, 5], 0, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomNormal([5, 3], 0, 1, 'float32', 2) as tf.Tensor2D;
    const w = tf.randomNormal([7, 3], 0, 1, 'float32', 3);
    close(matMul(a, b).dataSync(), tf.matMul(a, b).dataSync());
    const ours = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(matMul(x as tf.Tensor2D, y as tf.Tensor2D), w)))([a, b]);
    const stock = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), w)))([a, b]);
    close(ours[0].dataSync(), stock[0].dataSync(), 1e-4);
    close(ours[1].dataSync(), stock[1].dataSync(), 1e-4);
  });

  it('softmaxCrossEntropy equals mean(logSumExp − picked logit) and its gradient the stock one', () => {
    const z = tf.randomNormal([6, 9], 0, 2, 'float32', 4) as tf.Tensor2D;
    const target = Int32Array.from([0, 8, 3, 3, 5, 1]);
    const stockLoss = (x: tf.Tensor) => tf.mean(tf.sub(tf.logSumExp(x, 1), tf.sum(tf.mul(x, tf.oneHot(tf.tensor1d(target, 'int32'), 9)), 1)));
    close(softmaxCrossEntropy(z, target).dataSync(), stockLoss(z).dataSync(), 1e-5);
    const ours = tf.grad((x: tf.Tensor) => tf.mul(softmaxCrossEntropy(x as tf.Tensor2D, target), 3))(z);
    const stock = tf.grad((x: tf.Tensor) => tf.mul(stockLoss(x), 3))(z);
    close(ours.dataSync(), stock.dataSync(), 1e-4);
  });

  it('repeatBonus places values at (row, column), sums repeats, skips −1, and reads the gradient back there', () => {
    // n = 2 rows, H = 3 slots per row, P = 4 columns.
    const values = tf.tensor1d([1, 2, 3, 4, 5, 6]);
    const cols = Int32Array.from([3, -1, 3, 0, 1, -1]);
    close(repeatBonus(values, cols, 2, 3, 4).dataSync(), [0, 0, 0, 1 + 3, 4, 5, 0, 0]);
    const W = tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(repeatBonus(v as tf.Tensor1D, cols, 2, 3, 4), W)))(values);
    close(g.dataSync(), [4, 0, 4, 5, 6, 0]);
  });
});
