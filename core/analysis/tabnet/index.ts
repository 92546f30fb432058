/**
 * TabNet-style attentive regressor for the spend model (issue #13), after Arik & Pfister,
 * "TabNet: Attentive Interpretable Tabular Learning", AAAI 2021: sequential attention chooses, at
 * each decision step, a sparse subset of the features (sparsemax masks) whose aggregate is the
 * model's own per-feature importance. The network is in ./network.ts, the input encoding in
 * ./encoding.ts, sparsemax in ./sparsemax.ts; design and measurements in docs/decisions/0018.
 *
 * Fit: mean squared error on the standardised target (y is log1p(amount), see ../spend/regressor)
 * plus λ_sparse × mask entropy, Adam, mini-batches drawn by a seeded shuffle, early stopping on the
 * validation RMSE (the best epoch's weights are kept). Needs TensorFlow.js set (tfWasmReady() of
 * core/jobs/recommend/tf-wasm.ts) before fit or predict. The fitted model keeps its weights as plain
 * arrays (no tensors to free); each predict makes and frees its own tensors.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from '../recommend/tf-runtime.js';
import { createRandom } from '../common/random.js';
import type { FeatureMatrix, FitProgress, Regressor } from '../spend/regressor.js';
import { categoricalColumns, denseWidth, encodeRows, fitEncoding, inputGroups, type EncodedRows, type TabNetEncoding } from './encoding.js';
import { forward, initParams, runningStats, type NetShape, type Params } from './network.js';
import type { RunningStats } from './ops.js';

export { sparsemax } from './sparsemax.js';

export interface TabNetOptions {
  /** Width of the decision output of each step (N_d in the paper). */
  nD: number;
  /** Width of the attention output passed to the next step (N_a). */
  nA: number;
  /** Decision steps (N_steps). */
  nSteps: number;
  /** Relaxation γ: 1 = a feature is used at one step only; larger lets steps reuse it. */
  gamma: number;
  /** Weight of the mask-entropy sparsity loss (λ_sparse). */
  lambdaSparse: number;
  batchSize: number;
  /** Ghost BatchNorm's virtual batch (the paper's B_V); the whole batch when it does not divide. */
  virtualBatchSize: number;
  /** Weight of each batch in BN's running statistics (used at inference). */
  bnMomentum: number;
  /** Maximum epochs; fewer when the validation RMSE has not improved for `patience` epochs. */
  epochs: number;
  patience: number;
  /** Adam's step size. */
  learningRate: number;
  seed: number;
}

/**
 * Defaults of issue #13 (N_d = N_a = 8, N_steps = 3, γ = 1.3, λ_sparse = 10⁻³ — the paper's smallest
 * configurations are in this range; B_V = 128 as the paper's most used virtual batch; BN momentum
 * 0.02 as the reference PyTorch implementation).
 */
export const TABNET_DEFAULTS: TabNetOptions = {
  nD: 8, nA: 8, nSteps: 3, gamma: 1.3, lambdaSparse: 1e-3, batchSize: 1024, virtualBatchSize: 128, bnMomentum: 0.02, epochs: 10, patience: 3, learningRate: 0.02, seed: 0,
};

export interface TabNetReport {
  /** Mean training loss per epoch: MSE on the standardised target + λ_sparse × mask entropy. */
  trainLoss: number[];
  /** Validation RMSE on y's scale per epoch (empty without a validation set). */
  validRmse: number[];
  /** 1-based epoch whose weights the model keeps. */
  bestEpoch: number;
  rows: number;
  seconds: number;
}

export interface TabNetJSON {
  model: 'tabnet';
  version: 1;
  options: TabNetOptions;
  encoding: TabNetEncoding;
  yMean: number;
  ySd: number;
  params: Record<string, { shape: number[]; data: number[]; trainable: boolean }>;
  report: TabNetReport;
}

export interface TabNetModel extends Regressor {
  /**
   * Mask-weighted attribution of one row on y's scale: each step's share of the prediction split
   * over the features by that step's mask; they sum to the prediction minus the network's intercept.
   */
  contributions(x: FeatureMatrix, row: number): Float64Array;
  /** Mean over the rows of each row's aggregate mask M_agg (paper §4), normalised to sum 1. */
  maskImportance(x: FeatureMatrix): Float64Array;
  readonly report: TabNetReport;
  toJSON(): TabNetJSON;
}

/** Rows per forward pass at prediction (memory stays a few MB whatever the matrix size). */
const PREDICT_CHUNK = 8192;

function checkOptions(o: TabNetOptions): void {
  for (const k of ['nD', 'nA', 'nSteps', 'batchSize', 'virtualBatchSize', 'epochs', 'patience'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new RangeError(`tabnet: ${k} must be a positive integer, got ${o[k]}`);
  }
  if (!Number.isInteger(o.seed)) throw new RangeError(`tabnet: seed must be an integer, got ${o.seed}`);
  if (!(o.gamma >= 1)) throw new RangeError(`tabnet: gamma must be ≥ 1, got ${o.gamma}`);
  if (!(o.lambdaSparse >= 0)) throw new RangeError(`tabnet: lambdaSparse must be ≥ 0, got ${o.lambdaSparse}`);
  if (!(o.learningRate > 0)) throw new RangeError(`tabnet: learningRate must be > 0, got ${o.learningRate}`);
  if (!(o.bnMomentum > 0 && o.bnMomentum <= 1)) throw new RangeError(`tabnet: bnMomentum must be in (0, 1], got ${o.bnMomentum}`);
}

function netShape(enc: TabNetEncoding, o: TabNetOptions): NetShape {
  return {
    F: enc.names.length,
    denseWidth: denseWidth(enc),
    tables: categoricalColumns(enc).map((j) => ({ rows: enc.levels[j] + 1, dim: enc.embDim[j] })),
    groups: inputGroups(enc),
    nD: o.nD, nA: o.nA, nSteps: o.nSteps, gamma: o.gamma,
  };
}

/** Rows rows[from … to) (or from … to without `rows`) of encoded rows, as the network's input. */
function slice(e: EncodedRows, W: number, rows: ArrayLike<number> | null, from: number, to: number) {
  const n = to - from;
  const dense = new Float32Array(n * W);
  const codes = e.codes.map(() => new Int32Array(n));
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[from + i] : from + i;
    dense.set(e.dense.subarray(r * W, (r + 1) * W), i * W);
    for (let k = 0; k < codes.length; k++) codes[k][i] = e.codes[k][r];
  }
  return { n, dense: W > 0 ? tf.tensor2d(dense, [n, W]) : null, codes };
}

interface Inference {
  pred: Float64Array;
  /** 'importance': Σ over rows of each row's M_agg (rows with Σ η = 0 add nothing), length F. */
  aggSum?: Float64Array;
  /** 'attribution': per row × feature, the mask-weighted attribution on y's scale. */
  attr?: Float64Array;
}

/** The network in inference mode over all encoded rows, in chunks; predictions on y's scale. */
function infer(shape: NetShape, t: Record<string, TF.Tensor>, running: Record<string, RunningStats>, e: EncodedRows, yMean: number, ySd: number, want: 'prediction' | 'importance' | 'attribution' = 'prediction'): Inference {
  const { n } = e, F = shape.F, W = shape.denseWidth;
  const pred = new Float64Array(n);
  const aggSum = want === 'importance' ? new Float64Array(F) : undefined;
  const attr = want === 'attribution' ? new Float64Array(n * F) : undefined;
  for (let from = 0; from < n; from += PREDICT_CHUNK) {
    const to = Math.min(n, from + PREDICT_CHUNK);
    const outs = tf.tidy(() => {
      const input = slice(e, W, null, from, to);
      const o = forward(shape, t, running, input, { training: false, virtualBatchSize: 1, momentum: 0 });
      return [o.out, ...(aggSum ? [o.agg, o.eta] : []), ...(attr ? [o.attr] : [])];
    });
    const out = outs[0].dataSync();
    for (let i = 0; i < to - from; i++) pred[from + i] = out[i] * ySd + yMean;
    if (aggSum) {
      const a = outs[1].dataSync(), eta = outs[2].dataSync();
      for (let i = 0; i < to - from; i++) if (eta[i] > 0) for (let j = 0; j < F; j++) aggSum[j] += a[i * F + j] / eta[i];
    }
    if (attr) {
      const c = outs[1].dataSync();
      for (let i = 0; i < (to - from) * F; i++) attr[from * F + i] = c[i] * ySd;
    }
    tf.dispose(outs);
  }
  return { pred, aggSum, attr };
}

function makeModel(options: TabNetOptions, enc: TabNetEncoding, params: Params, yMean: number, ySd: number, report: TabNetReport): TabNetModel {
  const shape = netShape(enc, options);
  const running = runningStats(params);
  const run = (x: FeatureMatrix, want: 'prediction' | 'importance' | 'attribution', rows?: number[]): Inference => {
    if (!tf) throw new Error('tabnet: TensorFlow.js is not loaded; await tfWasmReady() (core/jobs/recommend/tf-wasm.ts) first');
    const e = encodeRows(enc, x, rows);
    const t: Record<string, TF.Tensor> = {};
    for (const [k, p] of Object.entries(params)) if (p.trainable) t[k] = tf.tensor(p.data, p.shape);
    try {
      return infer(shape, t, running, e, yMean, ySd, want);
    } finally {
      tf.dispose(Object.values(t));
    }
  };
  return {
    report,
    predict: (x) => run(x, 'prediction').pred,
    contributions(x, row) {
      if (!Number.isInteger(row) || row < 0 || row >= x.rows) throw new RangeError(`tabnet: row ${row} is outside 0…${x.rows - 1}`);
      return run(x, 'attribution', [row]).attr!;
    },
    maskImportance(x) {
      const out = run(x, 'importance').aggSum!;
      const F = out.length;
      const total = out.reduce((s, v) => s + v, 0);
      if (total > 0) for (let j = 0; j < F; j++) out[j] /= total;
      return out;
    },
    toJSON: () => ({
      model: 'tabnet', version: 1, options: { ...options }, encoding: enc, yMean, ySd,
      params: Object.fromEntries(Object.entries(params).map(([k, p]) => [k, { shape: p.shape, data: Array.from(p.data), trainable: p.trainable }])),
      report,
    }),
  };
}

/**
 * Fits TabNet to y (log1p scale) on x; `valid` drives early stopping (the epoch with the lowest
 * validation RMSE is kept). `progress(epochsDone, epochs)` is also called every 32 batches, so a
 * throwing callback (the job's cancel) stops the fit within a few seconds.
 */
export async function fitTabNet(x: FeatureMatrix, y: Float64Array, options: Partial<TabNetOptions> = {}, progress?: FitProgress, valid?: { x: FeatureMatrix; y: Float64Array }): Promise<TabNetModel> {
  const o: TabNetOptions = { ...TABNET_DEFAULTS, ...options };
  checkOptions(o);
  if (!tf) throw new Error('tabnet: TensorFlow.js is not loaded; await tfWasmReady() (core/jobs/recommend/tf-wasm.ts) before fit');
  if (y.length !== x.rows) throw new RangeError(`tabnet: y has ${y.length} values for ${x.rows} rows`);
  if (x.rows < 2) throw new RangeError('tabnet: at least 2 training rows are needed');
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new RangeError(`tabnet: y[${i}] is not finite`);
  if (valid && valid.y.length !== valid.x.rows) throw new RangeError(`tabnet: valid.y has ${valid.y.length} values for ${valid.x.rows} rows`);
  const t0 = performance.now();
  const enc = fitEncoding(x);
  const shape = netShape(enc, o);
  const W = shape.denseWidth;
  const e = encodeRows(enc, x);
  const ev = valid && valid.x.rows > 0 ? encodeRows(enc, valid.x) : null;
  let yMean = 0, yVar = 0;
  for (let i = 0; i < y.length; i++) yMean += y[i] / y.length;
  for (let i = 0; i < y.length; i++) yVar += (y[i] - yMean) ** 2 / y.length;
  const ySd = yVar > 1e-24 ? Math.sqrt(yVar) : 1;
  const yStd = Float32Array.from(y, (v) => (v - yMean) / ySd);

  // `init` becomes the working copy of the BN running statistics; trainable ones live in variables.
  const init = initParams(shape, o.seed);
  const running = runningStats(init);
  const vars: Record<string, TF.Variable> = {};
  for (const [k, p] of Object.entries(init)) {
    if (!p.trainable) continue;
    const value = tf.tensor(p.data, p.shape);
    vars[k] = tf.variable(value, true);
    value.dispose();
  }
  const trainable = Object.values(vars);
  const snapshot = (): Params => Object.fromEntries(Object.entries(init).map(([k, p]) => [k, { shape: p.shape, trainable: p.trainable, data: p.trainable ? (vars[k].dataSync() as Float32Array).slice() : p.data.slice() }]));
  const optimizer = tf.train.adam(o.learningRate);
  const rng = createRandom(o.seed);
  const order = Int32Array.from({ length: x.rows }, (_, i) => i);
  // Full batches; the remainder joins the last one (a batch of one row would have no BN statistics).
  const batches = Math.max(1, Math.floor(x.rows / o.batchSize));
  const report: TabNetReport = { trainLoss: [], validRmse: [], bestEpoch: 0, rows: x.rows, seconds: 0 };
  let best: Params | null = null, bestRmse = Infinity, sinceBest = 0, updates = 0;
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = order[i]; order[i] = order[j]; order[j] = tmp;
      }
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        if (progress && b % 32 === 0) progress(epoch - 1, o.epochs);
        const from = b * o.batchSize, to = b === batches - 1 ? x.rows : from + o.batchSize;
        // The running statistics are the plain average of the batches' until that is older than
        // 1/bnMomentum batches (a cumulative average first): with a fixed momentum from the start
        // they would still carry the initial 0/1 after the first epochs of a small data set.
        const momentum = Math.max(o.bnMomentum, 1 / ++updates);
        const loss = optimizer.minimize(() => {
          const input = slice(e, W, order, from, to);
          const target = tf.tensor2d(Float32Array.from({ length: to - from }, (_, i) => yStd[order[from + i]]), [to - from, 1]);
          const net = forward(shape, vars, running, input, { training: true, virtualBatchSize: o.virtualBatchSize, momentum });
          const mse = tf.mean(tf.squaredDifference(net.out, target));
          return tf.add(mse, tf.mul(net.entropy, o.lambdaSparse)) as TF.Scalar;
        }, true, trainable)!;
        lossSum += loss.dataSync()[0] * (to - from);
        loss.dispose();
      }
      report.trainLoss.push(lossSum / x.rows);
      progress?.(epoch, o.epochs);
      if (!ev || !valid) continue;
      const { pred } = infer(shape, vars, running, ev, yMean, ySd);
      let se = 0;
      for (let i = 0; i < pred.length; i++) se += (pred[i] - valid.y[i]) ** 2;
      const rmse = Math.sqrt(se / Math.max(1, pred.length));
      report.validRmse.push(rmse);
      if (rmse < bestRmse) {
        bestRmse = rmse; best = snapshot(); report.bestEpoch = epoch; sinceBest = 0;
      } else if (++sinceBest >= o.patience) break;
    }
    if (!best) {
      best = snapshot();
      report.bestEpoch = report.trainLoss.length;
    }
  } finally {
    optimizer.dispose();
    tf.dispose(Object.values(vars));
  }
  report.seconds = (performance.now() - t0) / 1000;
  return makeModel(o, enc, best, yMean, ySd, report);
}

/** A model from its toJSON() form (same predictions as the model that wrote it). */
export function tabnetFromJSON(json: unknown): TabNetModel {
  const j = json as TabNetJSON;
  if (!j || j.model !== 'tabnet' || j.version !== 1) throw new Error('tabnet: not a TabNet model (expected model "tabnet", version 1)');
  const options: TabNetOptions = { ...TABNET_DEFAULTS, ...j.options };
  checkOptions(options);
  const params: Params = Object.fromEntries(Object.entries(j.params).map(([k, p]) => [k, { shape: p.shape, trainable: p.trainable, data: Float32Array.from(p.data) }]));
  return makeModel(options, j.encoding, params, j.yMean, j.ySd, j.report);
}
