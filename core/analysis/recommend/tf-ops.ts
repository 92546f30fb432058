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
import * as tf from '@tensorflow/tfjs-core';
// The gradients of the stock operations (the node bundle of tfjs-core does not register them).
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';

/** table[idx] reshaped to `shape` + [d]; gradient for `table` = scatter-add of dy to the rows. */
export function lookup(table: tf.Tensor2D, idx: Int32Array, shape: number[]): tf.Tensor {
  const d = table.shape[1];
  const f = tf.customGrad((t, save) => {
    (save as tf.GradSaveFunc)([t as tf.Tensor]);
    const src = (t as tf.Tensor).dataSync() as Float32Array;
    const out = new Float32Array(idx.length * d);
    for (let i = 0; i < idx.length; i++) out.set(src.subarray(idx[i] * d, idx[i] * d + d), i * d);
    return {
      value: tf.tensor(out, [...shape, d]),
      gradFunc: (dy: tf.Tensor) => tf.scatterND(tf.tensor2d(idx, [idx.length, 1], 'int32'), tf.reshape(dy, [idx.length, d]), (t as tf.Tensor).shape),
    };
  });
  return f(table);
}

/** a @ b for 2-D tensors; da = dy @ bᵀ and db = aᵀ @ dy with explicit transposes. */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  // Inputs used by the gradient must be saved: the forward pass's intermediates are freed before backprop.
  const f = tf.customGrad((x, y, save) => {
    (save as tf.GradSaveFunc)([x as tf.Tensor, y as tf.Tensor]);
    return {
      value: tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, [xs, ys]: tf.Tensor[]) => [tf.matMul(dy as tf.Tensor2D, tf.transpose(ys as tf.Tensor2D)), tf.matMul(tf.transpose(xs as tf.Tensor2D), dy as tf.Tensor2D)],
    };
  });
  return f(a, b) as tf.Tensor2D;
}

/** Mean over rows of −log softmax(logits)[target]; `target[i]` ∈ [0, columns). */
export function softmaxCrossEntropy(logits: tf.Tensor2D, target: Int32Array): tf.Scalar {
  const [B, P] = logits.shape;
  const f = tf.customGrad((z) => {
    const sm = tf.softmax(z as tf.Tensor2D);
    const p = sm.dataSync() as Float32Array;
    sm.dispose();
    let loss = 0;
    for (let i = 0; i < B; i++) loss -= Math.log(Math.max(p[i * P + target[i]], 1e-30));
    return {
      value: tf.scalar(loss / B),
      gradFunc: (dy: tf.Tensor) => {
        const g = new Float32Array(p);
        for (let i = 0; i < B; i++) g[i * P + target[i]] -= 1;
        return tf.mul(tf.tensor2d(g, [B, P]), tf.div(dy, B));
      },
    };
  });
  return f(logits) as tf.Scalar;
}

/**
 * A dense [n × P] matrix holding values[i] at (i div H, cols[i]) — summed where positions repeat —
 * and 0 elsewhere; entries with cols[i] < 0 are skipped. Gradient: dvalues[i] = dy at that position.
 */
export function repeatBonus(values: tf.Tensor1D, cols: Int32Array, n: number, H: number, P: number): tf.Tensor2D {
  const f = tf.customGrad((v) => {
    const x = (v as tf.Tensor).dataSync();
    const dense = new Float32Array(n * P);
    for (let i = 0; i < n * H; i++) if (cols[i] >= 0) dense[Math.floor(i / H) * P + cols[i]] += x[i];
    return {
      value: tf.tensor2d(dense, [n, P]),
      gradFunc: (dy: tf.Tensor) => {
        const g = dy.dataSync();
        const out = new Float32Array(n * H);
        for (let i = 0; i < n * H; i++) if (cols[i] >= 0) out[i] = g[Math.floor(i / H) * P + cols[i]];
        return tf.tensor1d(out);
      },
    };
  });
  return f(values) as tf.Tensor2D;
}
