/**
 * Sparsemax (Martins & Astudillo 2016, "From Softmax to Sparsemax: A Sparse Model of Attention and
 * Multi-Label Classification", ICML): the Euclidean projection of a score vector z onto the
 * probability simplex, p = argmin_{p ≥ 0, Σp = 1} ‖p − z‖². Unlike softmax it gives exact zeros,
 * which is why TabNet's attentive transformer uses it: a feature the mask does not select is not
 * read at all in that step.
 *
 * Closed form (their Algorithm 1): sort z descending; k(z) = max{k : 1 + k·z₍ₖ₎ > Σ_{j≤k} z₍ⱼ₎};
 * τ = (Σ_{j≤k(z)} z₍ⱼ₎ − 1) / k(z); p = max(z − τ, 0).
 * Jacobian-vector product (their eq. 14): with S = {j : p_j > 0},
 * ∂L/∂z_j = [j ∈ S] · (g_j − mean_{i∈S} g_i).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from '../recommend/tf-runtime.js';

/**
 * Sparsemax of z[from … from+n) into out[from … from+n); `sorted` is scratch of length ≥ n.
 * Non-finite scores are not expected (the network produces finite ones).
 */
export function sparsemaxInto(z: ArrayLike<number>, out: { [i: number]: number }, from = 0, n = z.length - from, sorted: Float64Array = new Float64Array(n)): void {
  for (let j = 0; j < n; j++) sorted[j] = z[from + j];
  const s = sorted.subarray(0, n).sort().reverse();
  let cum = 0, k = 0, cumK = 0;
  for (let j = 0; j < n; j++) {
    cum += s[j];
    if (1 + (j + 1) * s[j] > cum) {
      k = j + 1;
      cumK = cum;
    }
  }
  const tau = (cumK - 1) / k;
  for (let j = 0; j < n; j++) out[from + j] = Math.max(z[from + j] - tau, 0);
}

/** Sparsemax of one vector (a new array). */
export function sparsemax(z: ArrayLike<number>): Float64Array {
  const out = new Float64Array(z.length);
  sparsemaxInto(z, out);
  return out;
}

/** Sparsemax's Jacobian-vector product per row: out = [p > 0] · (g − mean of g over p > 0). */
function sparsemaxBackward(p: Float32Array, g: Float32Array, rows: number, n: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    let sum = 0, size = 0;
    for (let j = r * n; j < (r + 1) * n; j++) if (p[j] > 0) { sum += g[j]; size++; }
    const mean = size > 0 ? sum / size : 0;
    for (let j = r * n; j < (r + 1) * n; j++) out[j] = p[j] > 0 ? g[j] - mean : 0;
  }
}

function sparsemaxForward(z: Float32Array, rows: number, n: number, p: Float32Array): void {
  const scratch = new Float64Array(n);
  for (let r = 0; r < rows; r++) sparsemaxInto(z, p, r * n, n, scratch);
}

/**
 * Row-wise sparsemax of a [rows × n] tensor with its exact gradient, computed in JavaScript: n is
 * the number of features (tens), so a sort per row costs less than composing it from kernels.
 */
export function sparsemaxRows(z: TF.Tensor2D): TF.Tensor2D {
  const [rows, n] = z.shape;
  const f = tf.customGrad((x) => {
    const p = new Float32Array(rows * n);
    sparsemaxForward((x as TF.Tensor).dataSync() as Float32Array, rows, n, p);
    return {
      value: tf.tensor2d(p, [rows, n]),
      gradFunc: (dy: TF.Tensor) => {
        const out = new Float32Array(rows * n);
        sparsemaxBackward(p, dy.dataSync() as Float32Array, rows, n, out);
        return tf.tensor2d(out, [rows, n]);
      },
    };
  });
  return f(z) as TF.Tensor2D;
}
