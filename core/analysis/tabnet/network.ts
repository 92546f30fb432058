/**
 * TabNet's network (Arik & Pfister, "TabNet: Attentive Interpretable Tabular Learning", AAAI 2021,
 * §3 and Fig. 4), written with tfjs-core operations (no tfjs-layers) so that it runs on the WASM
 * backend the sequence recommender already loads:
 *
 *   a[0] = FT₀(f)[nD:]                       (the initial split; f = the encoded input)
 *   P[0] = 1
 *   for i = 1 … nSteps:
 *     M[i] = sparsemax(P[i−1] ⊙ BN(a[i−1] W_att,i))        attentive transformer, one weight per feature
 *     P[i] = P[i−1] ⊙ (γ − M[i])                            prior scale: how much a feature is still unused
 *     [d[i], a[i]] = FTᵢ(M[i] ⊙ f);  d[i] = ReLU(d[i])
 *   ŷ = (Σᵢ d[i]) W_out + b_out
 *
 * Feature transformer FTᵢ: four GLU layers (FC without bias → BN → GLU, GLU(z) = z₁ ⊙ σ(z₂)),
 * the first two with FC weights shared by every step, the last two step-specific, each after the
 * first added to its input and scaled by √0.5 (the paper's normalised residual). BatchNorm is
 * "ghost" BN (Hoffer et al. 2017) over virtual batches of `virtualBatchSize` rows in training when
 * the batch divides into them (otherwise one normalisation over the whole batch), and the running
 * statistics (momentum `bnMomentum`) at inference. Each step has its own BN parameters, also in the
 * shared layers (as the reference implementation).
 *
 * Sparsity regulariser (paper eq. 2): the mean over steps and rows of the mask entropy
 * Σⱼ −M log(M + ε), added with weight λ_sparse.
 *
 * The mask is over the original features (each spread over the feature's input dimensions), so the
 * aggregate mask of the paper (§4, "Interpretability"), η_b[i] = Σ_c ReLU(d_b,c[i]) and
 * M_agg = Σᵢ η[i] M[i] / Σᵢ η[i], is per column of the FeatureMatrix.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from '../recommend/tf-runtime.js';
import { lookup, matMul } from '../recommend/tf-ops.js';
import { createRandom } from '../common/random.js';
import { batchNorm, bnGlu, maskInput, type RunningStats } from './ops.js';
import { sparsemaxRows } from './sparsemax.js';

export interface NetShape {
  /** Features (mask width). */
  F: number;
  /** Dense block width and, per categorical column in input order, its table (rows incl. unknown) and dimension. */
  denseWidth: number;
  tables: { rows: number; dim: number }[];
  /** Feature of each input dimension (length D). */
  groups: Int32Array;
  nD: number;
  nA: number;
  nSteps: number;
  gamma: number;
}

/** A parameter's values; `trainable: false` marks BN running statistics. */
export interface Param {
  shape: number[];
  data: Float32Array;
  trainable: boolean;
}

export type Params = Record<string, Param>;

const ENTROPY_EPS = 1e-10;
/** GLU layers of a feature transformer: 2 shared + 2 step-specific (the paper's choice). */
const LAYERS = 4;

/**
 * Initial parameters: FC weights Glorot-uniform, embeddings uniform with unit variance, BN scale 1
 * and shift 0, running mean 0 and variance 1 — from the seeded generator, so the same seed gives
 * the same network on any backend.
 */
export function initParams(s: NetShape, seed: number): Params {
  const rnd = createRandom(seed);
  const p: Params = {};
  const uniform = (shape: number[], a: number) => {
    const data = new Float32Array(shape[0] * (shape[1] ?? 1));
    for (let i = 0; i < data.length; i++) data[i] = (2 * rnd.next() - 1) * a;
    return data;
  };
  const fc = (name: string, inDim: number, outDim: number) => {
    p[name] = { shape: [inDim, outDim], data: uniform([inDim, outDim], Math.sqrt(6 / (inDim + outDim))), trainable: true };
  };
  const bn = (name: string, width: number) => {
    p[`${name}.g`] = { shape: [width], data: new Float32Array(width).fill(1), trainable: true };
    p[`${name}.b`] = { shape: [width], data: new Float32Array(width), trainable: true };
    p[`${name}.m`] = { shape: [width], data: new Float32Array(width), trainable: false };
    p[`${name}.v`] = { shape: [width], data: new Float32Array(width).fill(1), trainable: false };
  };
  const D = s.groups.length, H = s.nD + s.nA;
  s.tables.forEach((t, k) => { p[`emb${k}`] = { shape: [t.rows, t.dim], data: uniform([t.rows, t.dim], Math.sqrt(3)), trainable: true }; });
  fc('shared0', D, 2 * H);
  fc('shared1', H, 2 * H);
  for (let step = 0; step <= s.nSteps; step++) {
    fc(`step${step}.fc2`, H, 2 * H);
    fc(`step${step}.fc3`, H, 2 * H);
    for (let l = 0; l < LAYERS; l++) bn(`step${step}.bn${l}`, 2 * H);
    if (step > 0) {
      fc(`step${step}.att`, s.nA, s.F);
      bn(`step${step}.attbn`, s.F);
    }
  }
  fc('out', s.nD, 1);
  p['out.b'] = { shape: [1], data: new Float32Array(1), trainable: true };
  return p;
}

/** Training (ghost-BN batch statistics, running statistics updated) or inference. */
export interface Mode {
  training: boolean;
  virtualBatchSize: number;
  momentum: number;
}

export interface NetInput {
  n: number;
  /** [n × denseWidth] or null when there is no numeric column. */
  dense: TF.Tensor2D | null;
  codes: Int32Array[];
}

export interface NetOutput {
  /** [n × 1] prediction (standardised target). */
  out: TF.Tensor2D;
  /** [n × F] Σᵢ η[i] M[i] (not yet divided by Σᵢ η[i]); inference only. */
  agg: TF.Tensor2D;
  /** [n × 1] Σᵢ η[i]; inference only. */
  eta: TF.Tensor2D;
  /**
   * [n × F] mask-weighted attribution (inference only): step i adds to the prediction
   * c[i] = d[i] W_out; that amount is split over the features by M[i], so Σⱼ attr = ŷ − b_out.
   */
  attr: TF.Tensor2D;
  /** Mean mask entropy over steps and rows. */
  entropy: TF.Scalar;
}

/** The BN layers' running statistics, by layer name, from the `.m` / `.v` parameters. */
export function runningStats(p: Params): Record<string, RunningStats> {
  const out: Record<string, RunningStats> = {};
  for (const k of Object.keys(p)) if (k.endsWith('.m')) out[k.slice(0, -2)] = { mean: p[k].data, variance: p[`${k.slice(0, -2)}.v`].data };
  return out;
}

/**
 * The network on one batch; call inside tf.tidy or an optimizer's minimize. `t` holds the
 * trainable parameters as tensors; in training, `running` is updated in place.
 */
export function forward(s: NetShape, t: Record<string, TF.Tensor>, running: Record<string, RunningStats>, input: NetInput, mode: Mode): NetOutput {
  const { n } = input;
  const bn = (x: TF.Tensor2D, name: string): TF.Tensor2D => batchNorm(x, t[`${name}.g`] as TF.Tensor1D, t[`${name}.b`] as TF.Tensor1D, running[name], mode.training, mode.virtualBatchSize, mode.momentum);
  /** FC (no bias) → BN → GLU, plus the normalised residual of its input when `residual`. */
  const gluLayer = (x: TF.Tensor2D, w: string, bnName: string, residual: boolean): TF.Tensor2D =>
    bnGlu(matMul(x, t[w] as TF.Tensor2D), t[`${bnName}.g`] as TF.Tensor1D, t[`${bnName}.b`] as TF.Tensor1D, running[bnName], mode.training, mode.virtualBatchSize, mode.momentum, residual ? x : null);
  const transformer = (x: TF.Tensor2D, step: number): TF.Tensor2D => {
    let h = gluLayer(x, 'shared0', `step${step}.bn0`, false);
    h = gluLayer(h, 'shared1', `step${step}.bn1`, true);
    h = gluLayer(h, `step${step}.fc2`, `step${step}.bn2`, true);
    return gluLayer(h, `step${step}.fc3`, `step${step}.bn3`, true);
  };
  const parts: TF.Tensor2D[] = [];
  if (input.dense) parts.push(input.dense);
  input.codes.forEach((c, k) => parts.push(lookup(t[`emb${k}`] as TF.Tensor2D, c, [n]) as TF.Tensor2D));
  const f = parts.length === 1 ? parts[0] : tf.concat(parts, 1);
  let a = tf.slice(transformer(f, 0), [0, s.nD], [n, s.nA]) as TF.Tensor2D;
  let prior: TF.Tensor2D = tf.ones([n, s.F]);
  const decisions: TF.Tensor2D[] = [], weighted: TF.Tensor2D[] = [], etas: TF.Tensor2D[] = [], attributed: TF.Tensor2D[] = [], entropies: TF.Scalar[] = [];
  for (let step = 1; step <= s.nSteps; step++) {
    const M = sparsemaxRows(tf.mul(bn(matMul(a, t[`step${step}.att`] as TF.Tensor2D), `step${step}.attbn`), prior) as TF.Tensor2D);
    prior = tf.mul(prior, tf.sub(s.gamma, M));
    entropies.push(tf.mean(tf.sum(tf.neg(tf.mul(M, tf.log(tf.add(M, ENTROPY_EPS)))), 1)));
    const h = transformer(maskInput(f, M, s.groups), step);
    const d = tf.relu(tf.slice(h, [0, 0], [n, s.nD])) as TF.Tensor2D;
    a = tf.slice(h, [0, s.nD], [n, s.nA]) as TF.Tensor2D;
    decisions.push(d);
    if (!mode.training) {
      const eta = tf.sum(d, 1, true) as TF.Tensor2D;
      etas.push(eta);
      weighted.push(tf.mul(M, eta) as TF.Tensor2D);
      attributed.push(tf.mul(M, matMul(d, t['out'] as TF.Tensor2D)) as TF.Tensor2D);
    }
  }
  const sum = (xs: TF.Tensor2D[], shape: [number, number]): TF.Tensor2D => (xs.length === 0 ? tf.zeros(shape) : xs.length === 1 ? xs[0] : tf.addN(xs));
  const out = tf.add(matMul(sum(decisions, [n, s.nD]), t['out'] as TF.Tensor2D), t['out.b']) as TF.Tensor2D;
  const entropy = tf.div(tf.addN(entropies), s.nSteps) as TF.Scalar;
  return { out, agg: sum(weighted, [n, s.F]), eta: sum(etas, [n, 1]), attr: sum(attributed, [n, s.F]), entropy };
}
