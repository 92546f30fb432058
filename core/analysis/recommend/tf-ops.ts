/**
 * Three TensorFlow.js operations with hand-written gradients, measured on the WASM backend here
 * (batch 512 × 60 lookups of 32 floats, 1,894 products; docs/decisions/0008):
 *
 * - `lookup` — embedding rows gathered in JavaScript (4.7 ms vs 27 ms for tf.gather) with a
 *   scatter-add gradient (tf.scatterND, 0.8 ms). TensorFlow.js's own gather gradient needs the
 *   UnsortedSegmentSum kernel, which the WASM backend lacks (issue #5 §3).
 * - `matMul` — a plain product whose gradients transpose the small operand explicitly: WASM's
 *   matMul with a transposed operand is 6–12× slower than without (20 ms vs 3 ms at 512 × 32 × 1894).
 * - `repeatBonus` — a sparse [rows × H] set of values added into a dense [rows × P] matrix, and
 *   the gradient read back at the same positions, in JavaScript.
 * - `softmaxCrossEntropy` — mean −log softmax(logits)[target], gradient (softmax − onehot) / B, in
 *   one softmax kernel plus one JavaScript pass instead of logSumExp + oneHot + mul + sum (13 ms).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from './tf-runtime.js';

/** table[idx] reshaped to `shape` + [d]; gradient for `table` = scatter-add of dy to the rows. */
export function lookup(table: TF.Tensor2D, idx: Int32Array, shape: number[]): TF.Tensor {
  const d = table.shape[1];
  const f = tf.customGrad((t, save) => {
    (save as TF.GradSaveFunc)([t as TF.Tensor]);
    const src = (t as TF.Tensor).dataSync() as Float32Array;
    const out = new Float32Array(idx.length * d);
    for (let i = 0; i < idx.length; i++) out.set(src.subarray(idx[i] * d, idx[i] * d + d), i * d);
    return {
      value: tf.tensor(out, [...shape, d]),
      gradFunc: (dy: TF.Tensor) => tf.scatterND(tf.tensor2d(idx, [idx.length, 1], 'int32'), tf.reshape(dy, [idx.length, d]), (t as TF.Tensor).shape),
    };
  });
  return f(table);
}

/** a @ b for 2-D tensors; da = dy @ bᵀ and db = aᵀ @ dy with explicit transposes. */
export function matMul(a: TF.Tensor2D, b: TF.Tensor2D): TF.Tensor2D {
  // Inputs used by the gradient must be saved: the forward pass's intermediates are freed before backprop.
  const f = tf.customGrad((x, y, save) => {
    (save as TF.GradSaveFunc)([x as TF.Tensor, y as TF.Tensor]);
    return {
      value: tf.matMul(x as TF.Tensor2D, y as TF.Tensor2D),
      gradFunc: (dy: TF.Tensor, [xs, ys]: TF.Tensor[]) => [tf.matMul(dy as TF.Tensor2D, tf.transpose(ys as TF.Tensor2D)), tf.matMul(tf.transpose(xs as TF.Tensor2D), dy as TF.Tensor2D)],
    };
  });
  return f(a, b) as TF.Tensor2D;
}

/** Mean over rows of −log softmax(logits)[target]; `target[i]` ∈ [0, columns). */
export function softmaxCrossEntropy(logits: TF.Tensor2D, target: Int32Array): TF.Scalar {
  const [B, P] = logits.shape;
  const f = tf.customGrad((z) => {
    const sm = tf.softmax(z as TF.Tensor2D);
    const p = sm.dataSync() as Float32Array;
    sm.dispose();
    let loss = 0;
    for (let i = 0; i < B; i++) loss -= Math.log(Math.max(p[i * P + target[i]], 1e-30));
    return {
      value: tf.scalar(loss / B),
      gradFunc: (dy: TF.Tensor) => {
        const g = new Float32Array(p);
        for (let i = 0; i < B; i++) g[i * P + target[i]] -= 1;
        return tf.mul(tf.tensor2d(g, [B, P]), tf.div(dy, B));
      },
    };
  });
  return f(logits) as TF.Scalar;
}

/**
 * A dense [n × P] matrix holding values[i] at (i div H, cols[i]) — summed where positions repeat —
 * and 0 elsewhere; entries with cols[i] < 0 are skipped. Gradient: dvalues[i] = dy at that position.
 */
export function repeatBonus(values: TF.Tensor1D, cols: Int32Array, n: number, H: number, P: number): TF.Tensor2D {
  const f = tf.customGrad((v) => {
    const x = (v as TF.Tensor).dataSync();
    const dense = new Float32Array(n * P);
    for (let i = 0; i < n * H; i++) if (cols[i] >= 0) dense[Math.floor(i / H) * P + cols[i]] += x[i];
    return {
      value: tf.tensor2d(dense, [n, P]),
      gradFunc: (dy: TF.Tensor) => {
        const g = dy.dataSync();
        const out = new Float32Array(n * H);
        for (let i = 0; i < n * H; i++) if (cols[i] >= 0) out[i] = g[Math.floor(i / H) * P + cols[i]];
        return tf.tensor1d(out);
      },
    };
  });
  return f(values) as TF.Tensor2D;
}
