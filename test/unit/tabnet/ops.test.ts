import { beforeAll, describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { batchNorm, bnGlu, maskInput } from '../../../core/analysis/tabnet/ops.js';
import { tf } from '../../../core/analysis/recommend/tf-runtime.js';
import { tfWasmReady } from '../../../core/jobs/recommend/tf-wasm.js';

/** Seeded values in (−1, 1). */
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2147483648) - 1);
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
}

/**
 * The fused JavaScript operations against the same functions composed from stock TensorFlow.js
 * kernels (whose gradients tfjs-core derives): values and gradients must agree.
 */
describe('tabnet fused ops', () => {
  beforeAll(async () => {
    await tfWasmReady();
  });

  it('batchNorm (ghost, training) equals moments-based BN per virtual batch, with the same gradients and running statistics', () => {
    const n = 12, C = 5, vb = 4;
    const x = tf.tensor2d(values(n * C, 1).map((v, i) => v * (1 + (i % C)) + (i % 3)), [n, C]);
    const g = tf.tensor1d(values(C, 2).map((v) => 1 + v / 2)), b = tf.tensor1d(values(C, 3));
    const w = tf.tensor2d(values(n * C, 4), [n, C]);
    const running = { mean: new Float32Array(C), variance: new Float32Array(C).fill(1) };
    const fused = (xx: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor) => tf.sum(tf.mul(batchNorm(xx as TF.Tensor2D, gg as TF.Tensor1D, bb as TF.Tensor1D, running, true, vb, 0.5), w));
    const stock = (xx: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor) => {
      const x3 = tf.reshape(xx, [n / vb, vb, C]);
      const { mean, variance } = tf.moments(x3, 1, true);
      const xn = tf.reshape(tf.div(tf.sub(x3, mean), tf.sqrt(tf.add(variance, 1e-5))), [n, C]);
      return tf.sum(tf.mul(tf.add(tf.mul(xn, gg), bb), w));
    };
    const [fx, fg, fb] = tf.grads(fused)([x, g, b]);
    close(running.mean, [0, 1, 2, 3, 4].map((c) => 0.5 * (tf.mean(tf.slice(x, [0, c], [n, 1])).dataSync()[0])), 1e-5);
    const [sx, sg, sb] = tf.grads(stock)([x, g, b]);
    close(fused(x, g, b).dataSync(), stock(x, g, b).dataSync(), 1e-4);
    close(fx.dataSync(), sx.dataSync(), 1e-4);
    close(fg.dataSync(), sg.dataSync(), 1e-4);
    close(fb.dataSync(), sb.dataSync(), 1e-4);
  });

  it('batchNorm at inference uses the running statistics', () => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const out = batchNorm(x, tf.tensor1d([2, 1]), tf.tensor1d([0, 1]), { mean: Float32Array.of(1, 2), variance: Float32Array.of(4, 1) }, false, 128, 0.02).dataSync();
    close(out, [0, 1, 2, 1 + 2 / Math.sqrt(1 + 1e-5)], 1e-3);
  });

  it('bnGlu equals ghost BN → GLU (→ normalised residual) from stock kernels, with the same gradients', () => {
    const n = 8, H = 3, vb = 4;
    const z = tf.tensor2d(values(n * 2 * H, 5).map((v, i) => 3 * v + (i % 4)), [n, 2 * H]);
    const g = tf.tensor1d(values(2 * H, 6).map((v) => 1 + v / 2)), b = tf.tensor1d(values(2 * H, 7));
    const h = tf.tensor2d(values(n * H, 8), [n, H]);
    const w = tf.tensor2d(values(n * H, 9), [n, H]);
    const stockGlu = (zz: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor) => {
      const x3 = tf.reshape(zz, [n / vb, vb, 2 * H]);
      const { mean, variance } = tf.moments(x3, 1, true);
      const y = tf.add(tf.mul(tf.reshape(tf.div(tf.sub(x3, mean), tf.sqrt(tf.add(variance, 1e-5))), [n, 2 * H]), gg), bb);
      return tf.mul(tf.slice(y, [0, 0], [n, H]), tf.sigmoid(tf.slice(y, [0, H], [n, H])));
    };
    const stats = () => ({ mean: new Float32Array(2 * H), variance: new Float32Array(2 * H).fill(1) });
    // Without the residual.
    const fused = (zz: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor) => tf.sum(tf.mul(bnGlu(zz as TF.Tensor2D, gg as TF.Tensor1D, bb as TF.Tensor1D, stats(), true, vb, 0.1, null), w));
    const stock = (zz: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor) => tf.sum(tf.mul(stockGlu(zz, gg, bb), w));
    close(fused(z, g, b).dataSync(), stock(z, g, b).dataSync(), 1e-4);
    tf.grads(fused)([z, g, b]).forEach((d, i) => close(d.dataSync(), tf.grads(stock)([z, g, b])[i].dataSync(), 1e-4));
    // With it: (h + GLU(BN(z)))·√0.5.
    const fusedR = (zz: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor, hh: TF.Tensor) => tf.sum(tf.mul(bnGlu(zz as TF.Tensor2D, gg as TF.Tensor1D, bb as TF.Tensor1D, stats(), true, vb, 0.1, hh as TF.Tensor2D), w));
    const stockR = (zz: TF.Tensor, gg: TF.Tensor, bb: TF.Tensor, hh: TF.Tensor) => tf.sum(tf.mul(tf.mul(tf.add(hh, stockGlu(zz, gg, bb)), Math.sqrt(0.5)), w));
    close(fusedR(z, g, b, h).dataSync(), stockR(z, g, b, h).dataSync(), 1e-4);
    const a4 = tf.grads(fusedR)([z, g, b, h]), b4 = tf.grads(stockR)([z, g, b, h]);
    a4.forEach((d, i) => close(d.dataSync(), b4[i].dataSync(), 1e-4));
    // Inference: BN from the running statistics.
    const running = { mean: Float32Array.from(values(2 * H, 10)), variance: Float32Array.from(values(2 * H, 11), (v) => 1 + v / 2) };
    const inferred = bnGlu(z, g, b, running, false, vb, 0.1, null).dataSync();
    const want = tf.tidy(() => {
      const y = tf.add(tf.mul(tf.div(tf.sub(z, tf.tensor1d(running.mean)), tf.sqrt(tf.add(tf.tensor1d(running.variance), 1e-5))), g), b);
      return tf.mul(tf.slice(y, [0, 0], [n, H]), tf.sigmoid(tf.slice(y, [0, H], [n, H]))).dataSync();
    });
    close(inferred, want, 1e-5);
  });

  it('maskInput equals f ⊙ (M · G) for the 0/1 group matrix G, with the same gradients', () => {
    const n = 4, F = 3, groups = Int32Array.of(0, 0, 1, 2, 2, 2);
    const D = groups.length;
    const G = tf.tensor2d(Float32Array.from({ length: F * D }, (_, i) => (groups[i % D] === Math.floor(i / D) ? 1 : 0)), [F, D]);
    const f = tf.tensor2d(values(n * D, 7), [n, D]), m = tf.tensor2d(values(n * F, 8), [n, F]);
    const w = tf.tensor2d(values(n * D, 9), [n, D]);
    const fused = (ff: TF.Tensor, mm: TF.Tensor) => tf.sum(tf.mul(maskInput(ff as TF.Tensor2D, mm as TF.Tensor2D, groups), w));
    const stock = (ff: TF.Tensor, mm: TF.Tensor) => tf.sum(tf.mul(tf.mul(ff, tf.matMul(mm as TF.Tensor2D, G)), w));
    close(fused(f, m).dataSync(), stock(f, m).dataSync(), 1e-5);
    const [a1, a2] = tf.grads(fused)([f, m]), [b1, b2] = tf.grads(stock)([f, m]);
    close(a1.dataSync(), b1.dataSync(), 1e-5);
    close(a2.dataSync(), b2.dataSync(), 1e-5);
  });
});
