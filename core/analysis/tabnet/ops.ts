/**
 * TabNet's per-layer operations fused into single TensorFlow.js operations with hand-written
 * gradients, computed in JavaScript. Composed from stock kernels, one ghost-BN + GLU layer is ≈ 20
 * kernels forward and ≈ 40 backward (moments, their broadcasts, the `ones` tensors of mean's
 * gradient, slices — the WASM backend's 2-D slice runs in JavaScript). Measured against that
 * composition, training is as fast (within 10 %) with a lower peak memory; at inference the stock
 * kernels are faster, so inference uses them (docs/decisions/0018 has the A/B).
 *
 * The loops are top-level functions over typed arrays, not code inside the per-call closures that
 * tf.customGrad needs: V8 kept deoptimising closures made anew on every batch ("insufficient type
 * feedback"), which made the same loops ≈ 10× slower.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from '../recommend/tf-runtime.js';

const BN_EPS = 1e-5;

/** Running statistics of one BN layer, updated in place during training. */
export interface RunningStats {
  mean: Float32Array;
  variance: Float32Array;
}

/**
 * BN at inference, from stock kernels: x · s + (b − mean · s) with s = g / √(variance + ε). Without
 * a gradient to write, kernels over the whole prediction chunk beat the JavaScript pass: predict went
 * from 5,854 to 11,074 rows/s with BN and GLU on stock kernels (docs/decisions/0018).
 */
function bnInference(x: TF.Tensor2D, g: TF.Tensor1D, b: TF.Tensor1D, running: RunningStats): TF.Tensor2D {
  const scale = tf.mul(g, tf.rsqrt(tf.add(tf.tensor1d(running.variance), BN_EPS)));
  return tf.add(tf.mul(x, scale), tf.sub(b, tf.mul(tf.tensor1d(running.mean), scale))) as TF.Tensor2D;
}

/**
 * Ghost-BN forward over `chunks` virtual batches; fills out, xhat, invStd and the batch means.
 * Row-major loops with per-channel accumulators (sequential memory access).
 */
function bnTrain(x: Float32Array, g: Float32Array, b: Float32Array, n: number, C: number, chunks: number, out: Float32Array, xhat: Float32Array, invStd: Float64Array, meanOf: Float64Array, varOf: Float64Array): void {
  const m = n / chunks;
  const mu = new Float64Array(C), v = new Float64Array(C);
  for (let k = 0; k < chunks; k++) {
    const r0 = k * m * C, r1 = (k + 1) * m * C;
    mu.fill(0);
    v.fill(0);
    for (let i = r0; i < r1; i += C) for (let c = 0; c < C; c++) mu[c] += x[i + c];
    for (let c = 0; c < C; c++) mu[c] /= m;
    for (let i = r0; i < r1; i += C) {
      for (let c = 0; c < C; c++) {
        const d = x[i + c] - mu[c];
        v[c] += d * d;
      }
    }
    for (let c = 0; c < C; c++) {
      v[c] /= m;
      invStd[k * C + c] = 1 / Math.sqrt(v[c] + BN_EPS);
      meanOf[c] += mu[c] / chunks;
      varOf[c] += v[c] / chunks;
    }
    for (let i = r0; i < r1; i += C) {
      for (let c = 0; c < C; c++) {
        const h = (x[i + c] - mu[c]) * invStd[k * C + c];
        xhat[i + c] = h;
        out[i + c] = h * g[c] + b[c];
      }
    }
  }
}

function bnBackward(dy: Float32Array, g: Float32Array, xhat: Float32Array, invStd: Float64Array, n: number, C: number, chunks: number, dx: Float32Array, dg: Float32Array, db: Float32Array): void {
  const m = n / chunks;
  const sdy = new Float64Array(C), sdyx = new Float64Array(C), scale = new Float64Array(C);
  for (let k = 0; k < chunks; k++) {
    const r0 = k * m * C, r1 = (k + 1) * m * C;
    sdy.fill(0);
    sdyx.fill(0);
    for (let i = r0; i < r1; i += C) {
      for (let c = 0; c < C; c++) {
        sdy[c] += dy[i + c];
        sdyx[c] += dy[i + c] * xhat[i + c];
      }
    }
    for (let c = 0; c < C; c++) {
      dg[c] += sdyx[c];
      db[c] += sdy[c];
      scale[c] = (invStd[k * C + c] * g[c]) / m;
    }
    // dx = g·σ⁻¹/m · (m·dy − Σdy − x̂·Σ(dy·x̂))
    for (let i = r0; i < r1; i += C) for (let c = 0; c < C; c++) dx[i + c] = scale[c] * (m * dy[i + c] - sdy[c] - xhat[i + c] * sdyx[c]);
  }
}

/**
 * Batch normalisation of x [n × C] with scale g and shift b [C]. Training: "ghost" BN (Hoffer et
 * al. 2017, as TabNet) — statistics per virtual batch of `vb` rows when n is a multiple of vb
 * larger than it, else over the whole batch — and the running statistics move towards the mean of
 * the virtual batches' statistics by `momentum`. Inference: the running statistics.
 * Gradient (per virtual batch of m rows, x̂ the normalised input, σ⁻¹ its inverse deviation):
 * dx = g·σ⁻¹/m · (m·dy − Σdy − x̂·Σ(dy·x̂)); dg = Σ dy·x̂; db = Σ dy.
 */
export function batchNorm(x: TF.Tensor2D, g: TF.Tensor1D, b: TF.Tensor1D, running: RunningStats, training: boolean, vb: number, momentum: number): TF.Tensor2D {
  if (!training) return bnInference(x, g, b, running);
  const [n, C] = x.shape;
  const f = tf.customGrad((xt, gt, bt) => {
    const xs = (xt as TF.Tensor).dataSync() as Float32Array;
    const gs = (gt as TF.Tensor).dataSync() as Float32Array;
    const bs = (bt as TF.Tensor).dataSync() as Float32Array;
    const out = new Float32Array(n * C);
    const chunks = n > vb && n % vb === 0 ? n / vb : 1;
    const xhat = new Float32Array(n * C), invStd = new Float64Array(chunks * C);
    const meanOf = new Float64Array(C), varOf = new Float64Array(C);
    bnTrain(xs, gs, bs, n, C, chunks, out, xhat, invStd, meanOf, varOf);
    for (let c = 0; c < C; c++) {
      running.mean[c] += momentum * (meanOf[c] - running.mean[c]);
      running.variance[c] += momentum * (varOf[c] - running.variance[c]);
    }
    return {
      value: tf.tensor2d(out, [n, C]),
      gradFunc: (dy: TF.Tensor) => {
        const dx = new Float32Array(n * C), dg = new Float32Array(C), db = new Float32Array(C);
        bnBackward(dy.dataSync() as Float32Array, gs, xhat, invStd, n, C, chunks, dx, dg, db);
        return [tf.tensor2d(dx, [n, C]), tf.tensor1d(dg), tf.tensor1d(db)];
      },
    };
  });
  return f(x, g, b) as TF.Tensor2D;
}

function gluForward(z: Float32Array, n: number, H: number, out: Float32Array, sig: Float32Array): void {
  const H2 = 2 * H;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < H; c++) {
      const s = 1 / (1 + Math.exp(-z[r * H2 + H + c]));
      sig[r * H + c] = s;
      out[r * H + c] = z[r * H2 + c] * s;
    }
  }
}

function gluBackward(dy: Float32Array, z: Float32Array, sig: Float32Array, n: number, H: number, dz: Float32Array): void {
  const H2 = 2 * H;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < H; c++) {
      const s = sig[r * H + c], g = dy[r * H + c];
      dz[r * H2 + c] = g * s;
      dz[r * H2 + H + c] = g * z[r * H2 + c] * s * (1 - s);
    }
  }
}

const SQRT_HALF = Math.sqrt(0.5);

/**
 * One GLU layer of the feature transformer after its FC product z [n × 2H]:
 * GLU(BN(z)) = BN(z)[:, :H] ⊙ σ(BN(z)[:, H:]) → [n × H], and with `residual` h [n × H] the
 * paper's normalised residual (h + GLU(BN(z)))·√0.5. BN as `batchNorm` (ghost in training, the
 * running statistics at inference). One operation for what is otherwise BN, two slices, a
 * sigmoid, a product, a sum and a scaling, each with its own gradient.
 */
export function bnGlu(z: TF.Tensor2D, g: TF.Tensor1D, b: TF.Tensor1D, running: RunningStats, training: boolean, vb: number, momentum: number, residual: TF.Tensor2D | null): TF.Tensor2D {
  const [n, H2] = z.shape, H = H2 / 2;
  if (!training) {
    // Inference: stock kernels (no gradient needed; faster over large chunks, see bnInference).
    const y = bnInference(z, g, b, running);
    const out = tf.mul(tf.slice(y, [0, 0], [n, H]), tf.sigmoid(tf.slice(y, [0, H], [n, H])));
    return (residual ? tf.mul(tf.add(residual, out), SQRT_HALF) : out) as TF.Tensor2D;
  }
  const run = (zt: TF.Tensor, gt: TF.Tensor, bt: TF.Tensor, ht: TF.Tensor | null) => {
    const zs = zt.dataSync() as Float32Array, gs = gt.dataSync() as Float32Array, bs = bt.dataSync() as Float32Array;
    const normed = new Float32Array(n * H2), out = new Float32Array(n * H), sig = new Float32Array(n * H);
    const chunks = n > vb && n % vb === 0 ? n / vb : 1;
    const xhat = new Float32Array(n * H2), invStd = new Float64Array(chunks * H2);
    const meanOf = new Float64Array(H2), varOf = new Float64Array(H2);
    bnTrain(zs, gs, bs, n, H2, chunks, normed, xhat, invStd, meanOf, varOf);
    for (let c = 0; c < H2; c++) {
      running.mean[c] += momentum * (meanOf[c] - running.mean[c]);
      running.variance[c] += momentum * (varOf[c] - running.variance[c]);
    }
    gluForward(normed, n, H, out, sig);
    if (ht) {
      const hs = ht.dataSync() as Float32Array;
      for (let i = 0; i < n * H; i++) out[i] = (hs[i] + out[i]) * SQRT_HALF;
    }
    const gradFunc = (dy: TF.Tensor): TF.Tensor[] => {
      const d = dy.dataSync() as Float32Array;
      const dGlu = ht ? d.map((v) => v * SQRT_HALF) : d;
      const dNormed = new Float32Array(n * H2);
      gluBackward(dGlu, normed, sig, n, H, dNormed);
      const dz = new Float32Array(n * H2), dg = new Float32Array(H2), db = new Float32Array(H2);
      bnBackward(dNormed, gs, xhat, invStd, n, H2, chunks, dz, dg, db);
      const grads: TF.Tensor[] = [tf.tensor2d(dz, [n, H2]), tf.tensor1d(dg), tf.tensor1d(db)];
      if (ht) grads.push(tf.tensor2d(dGlu, [n, H]));
      return grads;
    };
    return { value: tf.tensor2d(out, [n, H]), gradFunc };
  };
  if (residual) return tf.customGrad((zt, gt, bt, ht) => run(zt as TF.Tensor, gt as TF.Tensor, bt as TF.Tensor, ht as TF.Tensor))(z, g, b, residual) as TF.Tensor2D;
  return tf.customGrad((zt, gt, bt) => run(zt as TF.Tensor, gt as TF.Tensor, bt as TF.Tensor, null))(z, g, b) as TF.Tensor2D;
}

function maskForward(f: Float32Array, m: Float32Array, groups: Int32Array, n: number, F: number, out: Float32Array): void {
  const D = groups.length;
  for (let r = 0; r < n; r++) for (let d = 0; d < D; d++) out[r * D + d] = f[r * D + d] * m[r * F + groups[d]];
}

function maskBackward(dy: Float32Array, f: Float32Array, m: Float32Array, groups: Int32Array, n: number, F: number, df: Float32Array, dm: Float32Array): void {
  const D = groups.length;
  for (let r = 0; r < n; r++) {
    for (let d = 0; d < D; d++) {
      df[r * D + d] = dy[r * D + d] * m[r * F + groups[d]];
      dm[r * F + groups[d]] += dy[r * D + d] * f[r * D + d];
    }
  }
}

/**
 * The masked input f ⊙ M[:, groups] — each feature's mask value spread over its input dimensions
 * (f [n × D], M [n × F], groups[d] ∈ [0, F)). Gradients: df = dy ⊙ M[:, groups];
 * dM[:, j] = Σ_{d : groups[d] = j} dy[:, d] · f[:, d].
 */
export function maskInput(fIn: TF.Tensor2D, mask: TF.Tensor2D, groups: Int32Array): TF.Tensor2D {
  const [n, D] = fIn.shape, F = mask.shape[1];
  const op = tf.customGrad((ft, mt) => {
    const fs = (ft as TF.Tensor).dataSync() as Float32Array, ms = (mt as TF.Tensor).dataSync() as Float32Array;
    const out = new Float32Array(n * D);
    maskForward(fs, ms, groups, n, F, out);
    return {
      value: tf.tensor2d(out, [n, D]),
      gradFunc: (dy: TF.Tensor) => {
        const df = new Float32Array(n * D), dm = new Float32Array(n * F);
        maskBackward(dy.dataSync() as Float32Array, fs, ms, groups, n, F, df, dm);
        return [tf.tensor2d(df, [n, D]), tf.tensor2d(dm, [n, F])];
      },
    };
  });
  return op(fIn, mask) as TF.Tensor2D;
}
