import { REASONS, say } from './reasons.js';
import type * as TF from '@tensorflow/tfjs-core';
import { tf } from './tf-runtime.js';
import { createRandom, type Random } from '../common/random.js';
import { checkQuery, checkTraining, codeRanks, TopK } from './ranking.js';
import { lookup, matMul, repeatBonus, softmaxCrossEntropy } from './tf-ops.js';
import type { Recommender, TrainingData } from './types.js';

/**
 * `sequence`, the next-purchase recommender of seed 001 (SPEC §3.4), in the spirit of SDM
 * (Lv et al. 2019, "SDM: Sequential Deep Matching Model for Online Large-scale Recommender
 * System", CIKM): a short-term interest from the customer's latest behaviour and a long-term
 * preference from the earlier history, each read by attention with the customer's profile as the
 * query, fused by a learned gate, matched against every product by a dot product.
 *
 * Input (the seed's preprocessing):
 * - one sequence per customer of purchases (receipt × product), partner-service uses and L.pay
 *   payments; the last two are pseudo-products ("partner D01", "L.pay A03") with their own
 *   categories, so every behaviour is in one sequence (outputs are real products only: the
 *   harness scores products);
 * - sessions: offline, the same retailer/partner within the same hour; online (or without an
 *   hour), the same retailer/partner on the same day;
 * - amount bins: log amount standardised per item (over the training events), cut into 8 bins by
 *   the 3-sigma rule (z < −3, −3…−2, …, 2…3, ≥ 3); items with < 2 amounts or no spread → the
 *   middle bin;
 * - customer features: gender, age band, region; item features: product, 대분류, 중분류.
 *
 * Model (d = `dim`), per (customer, prediction point):
 *   x_i = E_item[i] + E_cat1[c1(i)] + E_cat2[c2(i)] (+ E_bin[bin_i] + E_pos[recency_i] for short-term events)
 *   u   = E_gender[g] + E_age[a] + E_region[r]
 *   short-term: the last `shortLength` events before the point,
 *       h_i = tanh(W_s x_i + b_s),  α = softmax_i(h_i · W_q u),  s = Σ α_i h_i
 *   long-term: the `longLength` most recent DISTINCT items before those,
 *       β = softmax_j(x_j · W_l u),  l = tanh(W_o Σ β_j x_j + b_o)
 *   gate: g = σ(W_1 u + W_2 s + W_3 l + b_g),  o = g ⊙ s + (1 − g) ⊙ l
 *   score(p) = o · (E_item[p] + E_cat1[c1(p)] + E_cat2[c2(p)]) + b_p + r(p)  (softmax over all products)
 * where r(p) is a repeat component in the spirit of RepeatNet (Ren et al. 2019, AAAI): for the
 * products among the customer's last 50 distinct ones, a learned bonus per bucket of how often
 * (1, 2, 3–4, 5–9, ≥ 10 events) × how long ago (0–7 … > 120 days) the customer bought it; 0 for
 * other products. A single matching vector cannot single out the dozens of products a customer
 * rebuys; without it the model lost to the customer's own frequency (p-topfreq) on repeat items.
 * trained by full-softmax cross-entropy (Adam) to predict a product of the next session from the
 * events before it. Every session (with a product and some earlier event) before the cutoff is a
 * training example; each epoch draws up to `samplesPerEpoch` of them and one product per session.
 * A random `validShare` of sessions is held out for the next-session HR@5 / nDCG@5 the seed
 * reports (0.792 / 0.741 on their data); the harness then scores it like every other model.
 *
 * Needs the TensorFlow.js WASM backend (or CPU) set before `fit`; training is synchronous and
 * calls `onProgress` / `shouldStop` between batches.
 */

/** The customer's events, as the data layer reads them (sorted by customer, day, hour key, source). */
export interface SequenceEventsInput {
  customer: Int32Array;
  day: Int32Array;
  hourKey: Int8Array;
  source: Int32Array;
  /** ≥ 0 product index; < 0 pseudo-product −1 − i. */
  item: Int32Array;
  amount: Float64Array;
  pseudo: readonly { code: string; kind: 'partner' | 'lpay'; group: string }[];
}

export interface SequenceOptions {
  events: SequenceEventsInput;
  /** 대분류 and 중분류 of each product as dense codes (−1 none), length P. */
  category: ArrayLike<number>;
  category2: ArrayLike<number>;
  /** Dense codes per customer (−1 or any negative: unknown), length ≥ customerCount. */
  gender?: ArrayLike<number>;
  age?: ArrayLike<number>;
  region?: ArrayLike<number>;
  dim?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  samplesPerEpoch?: number;
  shortLength?: number;
  longLength?: number;
  validShare?: number;
  seed?: number;
  /** Called between batches with the epoch (1-based), batches done in it, its batch count, and the running mean loss. */
  onProgress?: (p: SequenceProgress) => void;
  /** Checked between batches; throw to stop (the job's cancel). */
  checkCancel?: () => void;
}

export interface SequenceProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
}

export interface SequenceReport {
  /** Mean training loss per epoch (cross-entropy, nats). */
  losses: number[];
  /** Held-out next-session metrics per epoch. */
  valid: { hr5: number; ndcg5: number }[];
  sessions: number;
  trainSamples: number;
  /** Examples drawn per epoch (min(samplesPerEpoch, trainSamples)). */
  perEpoch: number;
  validSamples: number;
  vocabulary: number;
  /** The whole fit, and within it the scoring of every customer's list at the cutoff. */
  seconds: number;
  listSeconds: number;
}

const BINS = 8;
/** Products of the history the repeat component looks at. */
const HISTORY = 50;
const COUNT_STEPS = [1, 2, 3, 5, 10];
const RECENCY_STEPS = [0, 8, 15, 31, 61, 121];
const REPEAT_BUCKETS = COUNT_STEPS.length * RECENCY_STEPS.length;

/**
 * Bucket (1-based) of a history product by how often it was bought (1, 2, 3–4, 5–9, ≥ 10 events)
 * and how many days ago last (0–7, 8–14, 15–30, 31–60, 61–120, > 120).
 */
export function repeatBucket(count: number, daysAgo: number): number {
  let c = 0, r = 0;
  while (c + 1 < COUNT_STEPS.length && count >= COUNT_STEPS[c + 1]) c++;
  while (r + 1 < RECENCY_STEPS.length && daysAgo >= RECENCY_STEPS[r + 1]) r++;
  return 1 + c * RECENCY_STEPS.length + r;
}

/** Bin of a standardised log amount by the 3-sigma rule: 0 (< −3) … 7 (≥ 3). */
export function amountBin(z: number): number {
  if (!Number.isFinite(z)) return BINS / 2;
  return Math.min(BINS - 1, Math.max(0, Math.floor(z) + BINS / 2));
}

/** Sessions: consecutive events of one customer with the same day, hour key and source. */
export function sessionStarts(e: SequenceEventsInput): Int32Array {
  const n = e.customer.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || e.customer[i] !== e.customer[i - 1] || e.day[i] !== e.day[i - 1] || e.hourKey[i] !== e.hourKey[i - 1] || e.source[i] !== e.source[i - 1]) out.push(i);
  }
  out.push(n);
  return Int32Array.from(out);
}

interface Prepared {
  P: number;
  V: number;
  vocabCat1: Int32Array;
  vocabCat2: Int32Array;
  C1: number;
  C2: number;
  /** Per event: vocabulary index (1-based; 0 = padding) and amount bin + 1 (0 = padding). */
  ev: Int32Array;
  /** Day of each event. */
  day: Int32Array;
  bin: Int32Array;
  /** First event of each customer (length U + 1), events before the cutoff only. */
  custStart: Int32Array;
  sessions: Int32Array;
  sessionCustomer: Int32Array;
  g: Int32Array;
  a: Int32Array;
  r: Int32Array;
  G: number;
  A: number;
  R: number;
}

function denseCodes(values: ArrayLike<number> | undefined, U: number): { codes: Int32Array; count: number } {
  const codes = new Int32Array(U);
  let max = -1;
  for (let u = 0; u < U; u++) {
    const v = values && u < values.length ? values[u] : -1;
    codes[u] = v >= 0 ? v + 1 : 0;
    if (codes[u] > max) max = codes[u];
  }
  return { codes, count: max + 1 };
}

function prepare(o: SequenceOptions, P: number, U: number, cutoff: number): Prepared {
  const e = o.events;
  // Events before the cutoff only (the events are sorted by customer then day).
  const keep: number[] = [];
  for (let i = 0; i < e.customer.length; i++) {
    if (i > 0 && (e.customer[i] < e.customer[i - 1] || (e.customer[i] === e.customer[i - 1] && e.day[i] < e.day[i - 1]))) throw new RangeError(`events must be sorted by customer, then day (event ${i})`);
    if (e.day[i] < cutoff && e.customer[i] < U) keep.push(i);
  }
  const n = keep.length;
  const cut: SequenceEventsInput = {
    customer: new Int32Array(n), day: new Int32Array(n), hourKey: new Int8Array(n), source: new Int32Array(n), item: new Int32Array(n), amount: new Float64Array(n), pseudo: e.pseudo,
  };
  keep.forEach((i, j) => {
    cut.customer[j] = e.customer[i]; cut.day[j] = e.day[i]; cut.hourKey[j] = e.hourKey[i]; cut.source[j] = e.source[i]; cut.item[j] = e.item[i]; cut.amount[j] = e.amount[i];
  });
  const Q = e.pseudo.length;
  const V = 1 + P + Q;
  let C1 = 0, C2 = 0;
  for (let p = 0; p < P; p++) {
    C1 = Math.max(C1, o.category[p] + 1);
    C2 = Math.max(C2, o.category2[p] + 1);
  }
  // Category codes + 1 (0: none/padding); pseudo-products: category "partner" or "L.pay", 중분류 their code.
  const vocabCat1 = new Int32Array(V), vocabCat2 = new Int32Array(V);
  for (let p = 0; p < P; p++) {
    vocabCat1[1 + p] = o.category[p] >= 0 ? o.category[p] + 1 : 0;
    vocabCat2[1 + p] = o.category2[p] >= 0 ? o.category2[p] + 1 : 0;
  }
  e.pseudo.forEach((q, i) => {
    vocabCat1[1 + P + i] = C1 + 1 + (q.kind === 'partner' ? 0 : 1);
    vocabCat2[1 + P + i] = C2 + 1 + i;
  });
  const ev = new Int32Array(n);
  for (let j = 0; j < n; j++) ev[j] = cut.item[j] >= 0 ? 1 + cut.item[j] : 1 + P + (-1 - cut.item[j]);
  // Amount bins: log amount standardised per item over the training events.
  const sum = new Float64Array(V), sq = new Float64Array(V), cnt = new Int32Array(V);
  for (let j = 0; j < n; j++) {
    if (!(cut.amount[j] > 0)) continue;
    const x = Math.log(cut.amount[j]);
    sum[ev[j]] += x; sq[ev[j]] += x * x; cnt[ev[j]]++;
  }
  const bin = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const v = ev[j], c = cnt[v];
    let z = 0;
    if (c >= 2 && cut.amount[j] > 0) {
      const mean = sum[v] / c, sd = Math.sqrt(Math.max(0, sq[v] / c - mean * mean));
      z = sd > 1e-9 ? (Math.log(cut.amount[j]) - mean) / sd : 0;
    }
    bin[j] = amountBin(z) + 1;
  }
  const custStart = new Int32Array(U + 1);
  for (let j = 0; j < n; j++) custStart[cut.customer[j] + 1]++;
  for (let u = 0; u < U; u++) custStart[u + 1] += custStart[u];
  const sessions = sessionStarts(cut);
  const sessionCustomer = new Int32Array(sessions.length - 1);
  for (let s = 0; s + 1 < sessions.length; s++) sessionCustomer[s] = cut.customer[sessions[s]];
  const gd = denseCodes(o.gender, U), ad = denseCodes(o.age, U), rd = denseCodes(o.region, U);
  return { P, V, vocabCat1, vocabCat2, C1: C1 + 3, C2: C2 + 1 + Q, ev, day: cut.day, bin, custStart, sessions, sessionCustomer, g: gd.codes, a: ad.codes, r: rd.codes, G: gd.count, A: ad.count, R: rd.count };
}

/** One mini-batch of inputs in flat typed arrays (B rows). */
class Batch {
  readonly shortItem: Int32Array;
  readonly shortBin: Int32Array;
  /** Recency of each short-term event: 1 = the latest, 2 = the one before, … (0 = padding). */
  readonly shortPos: Int32Array;
  readonly shortMask: Float32Array;
  readonly longItem: Int32Array;
  readonly longMask: Float32Array;
  /** Repeat component: the customer's products (index, −1 none) and their count × recency bucket. */
  readonly histItem: Int32Array;
  readonly histBucket: Int32Array;
  readonly g: Int32Array;
  readonly a: Int32Array;
  readonly r: Int32Array;
  readonly target: Int32Array;
  private readonly stamp: Int32Array;
  private readonly slot: Int32Array;
  private tick = 0;
  size = 0;
  constructor(readonly B: number, readonly S: number, readonly L: number, V: number, readonly H = HISTORY) {
    this.shortItem = new Int32Array(B * S);
    this.shortBin = new Int32Array(B * S);
    this.shortPos = new Int32Array(B * S);
    this.shortMask = new Float32Array(B * S);
    this.longItem = new Int32Array(B * L);
    this.longMask = new Float32Array(B * L);
    this.histItem = new Int32Array(B * H);
    this.histBucket = new Int32Array(B * H);
    this.slot = new Int32Array(V);
    this.g = new Int32Array(B);
    this.a = new Int32Array(B);
    this.r = new Int32Array(B);
    this.target = new Int32Array(B);
    this.stamp = new Int32Array(V);
  }
  clear(): void {
    this.size = 0;
    this.shortItem.fill(0); this.shortBin.fill(0); this.shortPos.fill(0); this.shortMask.fill(0); this.longItem.fill(0); this.longMask.fill(0); this.histItem.fill(-1); this.histBucket.fill(0);
  }
  /**
   * Adds the row for customer u predicting at event index `at` on day `day` (events of u before
   * `at` are the input).
   */
  add(d: Prepared, u: number, at: number, target: number, day: number): void {
    const b = this.size++;
    const { S, L } = this;
    const first = d.custStart[u];
    const s0 = Math.max(first, at - S);
    for (let j = s0, k = 0; j < at; j++, k++) {
      this.shortItem[b * S + k] = d.ev[j];
      this.shortBin[b * S + k] = d.bin[j];
      this.shortPos[b * S + k] = at - j;
      this.shortMask[b * S + k] = 1;
    }
    this.tick++;
    let k = 0;
    for (let j = s0 - 1; j >= first && k < L && s0 - j <= 20 * L; j--) {
      const v = d.ev[j];
      if (this.stamp[v] === this.tick) continue;
      this.stamp[v] = this.tick;
      this.longItem[b * L + k] = v;
      this.longMask[b * L + k] = 1;
      k++;
    }
    // Repeat component: distinct products of the recent history with how often and how long ago.
    this.tick++;
    const H = this.H;
    let m = 0;
    const counts: number[] = [], lastDay: number[] = [];
    for (let j = at - 1; j >= first && at - j <= 20 * H; j--) {
      const v = d.ev[j];
      if (v > d.P) continue;
      if (this.stamp[v] === this.tick) {
        counts[this.slot[v]]++;
        continue;
      }
      if (m === H) continue;
      this.stamp[v] = this.tick;
      this.slot[v] = m;
      this.histItem[b * H + m] = v - 1;
      counts.push(1);
      lastDay.push(d.day[j]);
      m++;
    }
    for (let k = 0; k < m; k++) this.histBucket[b * H + k] = repeatBucket(counts[k], day - lastDay[k]);
    this.g[b] = d.g[u]; this.a[b] = d.a[u]; this.r[b] = d.r[u];
    this.target[b] = target;
  }
}

interface Weights {
  item: TF.Variable<TF.Rank.R2>;
  cat1: TF.Variable<TF.Rank.R2>;
  cat2: TF.Variable<TF.Rank.R2>;
  bin: TF.Variable<TF.Rank.R2>;
  pos: TF.Variable<TF.Rank.R2>;
  gender: TF.Variable<TF.Rank.R2>;
  age: TF.Variable<TF.Rank.R2>;
  region: TF.Variable<TF.Rank.R2>;
  Ws: TF.Variable<TF.Rank.R2>;
  bs: TF.Variable<TF.Rank.R1>;
  Wq: TF.Variable<TF.Rank.R2>;
  Wl: TF.Variable<TF.Rank.R2>;
  Wo: TF.Variable<TF.Rank.R2>;
  bo: TF.Variable<TF.Rank.R1>;
  W1: TF.Variable<TF.Rank.R2>;
  W2: TF.Variable<TF.Rank.R2>;
  W3: TF.Variable<TF.Rank.R2>;
  bg: TF.Variable<TF.Rank.R1>;
  outBias: TF.Variable<TF.Rank.R1>;
  /** Repeat component: one learned logit bonus per count × recency bucket (row 0 unused). */
  rep: TF.Variable<TF.Rank.R2>;
}

function initWeights(d: Prepared, dim: number, S: number, seed: number): Weights {
  let s = seed;
  const emb = (rows: number) => tf.variable(tf.randomNormal([Math.max(rows, 1), dim], 0, 0.05, 'float32', s++)) as TF.Variable<TF.Rank.R2>;
  const mat = () => tf.variable(tf.randomNormal([dim, dim], 0, 1 / Math.sqrt(dim), 'float32', s++)) as TF.Variable<TF.Rank.R2>;
  const vec = (n: number) => tf.variable(tf.zeros([n])) as TF.Variable<TF.Rank.R1>;
  return {
    item: emb(d.V), cat1: emb(d.C1 + 1), cat2: emb(d.C2 + 1), bin: emb(BINS + 1), pos: emb(S + 1), gender: emb(d.G), age: emb(d.A), region: emb(d.R),
    Ws: mat(), bs: vec(dim), Wq: mat(), Wl: mat(), Wo: mat(), bo: vec(dim), W1: mat(), W2: mat(), W3: mat(), bg: vec(dim), outBias: vec(d.P), rep: tf.variable(tf.zeros([REPEAT_BUCKETS + 1, 1])) as TF.Variable<TF.Rank.R2>,
  };
}

/** Masked softmax over the last axis (rows with no valid position give zeros). */
function maskedSoftmax(scores: TF.Tensor2D, mask: TF.Tensor2D): TF.Tensor2D {
  const masked = tf.add(scores, tf.mul(tf.sub(mask, 1), 1e9));
  return tf.mul(tf.softmax(masked), tf.max(mask, 1, true));
}

/** The products as model inputs: vocabulary index and both category codes (fixed per fit). */
interface ProductInputs {
  idx: Int32Array;
  c1: Int32Array;
  c2: Int32Array;
}

function productInputs(d: Prepared): ProductInputs {
  const idx = Int32Array.from({ length: d.P }, (_, p) => 1 + p);
  return { idx, c1: idx.map((v) => d.vocabCat1[v]), c2: idx.map((v) => d.vocabCat2[v]) };
}

/**
 * Forward pass for the batch's rows: logits over products [n, P] and the gate [n, dim]. Call
 * inside tf.tidy or an optimizer's minimize (every intermediate tensor is then freed).
 */
function forward(w: Weights, d: Prepared, b: Batch, prod: ProductInputs): { logits: TF.Tensor2D; gate: TF.Tensor2D } {
  const n = b.size, S = b.S, L = b.L, dim = w.Ws.shape[0];
  const si = b.shortItem.subarray(0, n * S), li = b.longItem.subarray(0, n * L);
  const feature = (table: TF.Tensor2D, idx: Int32Array) => lookup(table, idx, [idx.length]) as TF.Tensor2D;
  const itemVectors = (items: Int32Array) => [feature(w.item, items), feature(w.cat1, items.map((v) => d.vocabCat1[v])), feature(w.cat2, items.map((v) => d.vocabCat2[v]))];
  const u = tf.addN([feature(w.gender, b.g.subarray(0, n)), feature(w.age, b.a.subarray(0, n)), feature(w.region, b.r.subarray(0, n))]);
  // Short-term: attention over the latest events (with their amount bins and recency).
  const xs = tf.addN([...itemVectors(si), feature(w.bin, b.shortBin.subarray(0, n * S)), feature(w.pos, b.shortPos.subarray(0, n * S))]);
  const h = tf.reshape(tf.tanh(tf.add(matMul(xs, w.Ws), w.bs)), [n, S, dim]);
  const q = tf.reshape(matMul(u, w.Wq), [n, 1, dim]);
  const alpha = maskedSoftmax(tf.sum(tf.mul(h, q), 2) as TF.Tensor2D, tf.tensor2d(b.shortMask.subarray(0, n * S), [n, S]));
  const s = tf.sum(tf.mul(h, tf.reshape(alpha, [n, S, 1])), 1) as TF.Tensor2D;
  // Long-term: attention over the earlier distinct items.
  const longMask = tf.tensor2d(b.longMask.subarray(0, n * L), [n, L]);
  const xl = tf.reshape(tf.addN(itemVectors(li)), [n, L, dim]);
  const ql = tf.reshape(matMul(u, w.Wl), [n, 1, dim]);
  const beta = maskedSoftmax(tf.sum(tf.mul(xl, ql), 2) as TF.Tensor2D, longMask);
  const pooled = tf.sum(tf.mul(xl, tf.reshape(beta, [n, L, 1])), 1) as TF.Tensor2D;
  const l = tf.mul(tf.tanh(tf.add(matMul(pooled, w.Wo), w.bo)), tf.max(longMask, 1, true)) as TF.Tensor2D;
  // Gate and match against every product.
  const gate = tf.sigmoid(tf.add(tf.addN([matMul(u, w.W1), matMul(s, w.W2), matMul(l, w.W3)]), w.bg)) as TF.Tensor2D;
  const o = tf.add(tf.mul(gate, s), tf.mul(tf.sub(1, gate), l)) as TF.Tensor2D;
  const itemMatrix = tf.addN([feature(w.item, prod.idx), feature(w.cat1, prod.c1), feature(w.cat2, prod.c2)]);
  const bonus = repeatBonus(tf.reshape(lookup(w.rep, b.histBucket.subarray(0, n * b.H), [n * b.H]), [n * b.H]) as TF.Tensor1D, b.histItem.subarray(0, n * b.H), n, b.H, d.P);
  const logits = tf.add(tf.add(matMul(o, tf.transpose(itemMatrix)), w.outBias), bonus) as TF.Tensor2D;
  return { logits, gate };
}

/** Fits the model before the training data's cutoff; exposed for tests and the job's report. */
export interface SequenceRecommender extends Recommender {
  /** The last fit's training report. */
  report(): SequenceReport | null;
  /** Frees the model's tensors. */
  dispose(): void;
  /** Next-purchase probabilities of every product for `customer` at the cutoff. */
  scoresOf(customer: number): Float32Array;
}

export function sequenceRecommender(options: SequenceOptions): SequenceRecommender {
  const dim = options.dim ?? 32;
  const epochs = options.epochs ?? 5;
  const B = options.batchSize ?? 512;
  const S = options.shortLength ?? 10;
  const L = options.longLength ?? 50;
  const lr = options.learningRate ?? 0.005;
  const seed = options.seed ?? 1;
  const validShare = options.validShare ?? 0.02;
  const samplesPerEpoch = options.samplesPerEpoch ?? 400_000;
  for (const [k, v] of Object.entries({ dim, epochs, batchSize: B, shortLength: S, longLength: L, samplesPerEpoch })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${k} must be a positive integer, got ${v}`);
  }
  let state: { rank: Int32Array; top: Int32Array; topScore: Float32Array; gateMean: Float32Array; K: number; labels: readonly string[]; weights: Weights; d: Prepared; prod: ProductInputs; today: number } | null = null;
  let lastReport: SequenceReport | null = null;
  const dispose = () => {
    if (state) for (const v of Object.values(state.weights)) (v as TF.Variable).dispose();
    state = null;
  };

  /** Next-purchase probabilities [n × P] and the gate's mean per row, for the batch's rows. */
  const predict = (w: Weights, d: Prepared, b: Batch, prod: ProductInputs): { probs: Float32Array; gate: Float32Array } => {
    const [pr, gm] = tf.tidy(() => {
      const f = forward(w, d, b, prod);
      return [tf.softmax(f.logits), tf.mean(f.gate, 1)];
    });
    const out = { probs: pr.dataSync() as Float32Array, gate: gm.dataSync() as Float32Array };
    tf.dispose([pr, gm]);
    return out;
  };

  const scoresOf = (customer: number): Float32Array => {
    if (!state) throw new Error('sequence: call fit() first');
    const { d, weights, prod } = state;
    const b = new Batch(1, S, L, d.V);
    b.clear();
    if (customer >= 0 && customer < state.gateMean.length) b.add(d, customer, d.custStart[customer + 1], 0, state.today);
    else b.size = 1; // no history: profile-free, from the product biases alone
    return predict(weights, d, b, prod).probs;
  };
  const score = (customer: number, product: number): number => {
    if (!state) return 0;
    const { K, top, topScore } = state;
    if (customer >= 0 && customer < state.gateMean.length) for (let i = 0; i < K; i++) if (top[customer * K + i] === product) return topScore[customer * K + i];
    return scoresOf(customer)[product];
  };

  return {
    name: 'sequence',
    fit(train: TrainingData) {
      const P = checkTraining(train);
      if (!tf) throw new Error('sequence: TensorFlow.js is not loaded; await tfWasmReady() (core/jobs/recommend/tf-wasm.ts) before fit');
      dispose();
      const t0 = performance.now();
      const U = train.customerCount;
      let cutoff = train.endDay ?? Infinity;
      if (train.endDay === undefined && train.receiptDay && train.receiptDay.length > 0) cutoff = train.receiptDay.reduce((m, day) => Math.max(m, day + 1), -Infinity);
      const d = prepare(options, P, U, cutoff);
      // The day lists are made for: the cutoff (or the day after the last event).
      const today = Number.isFinite(cutoff) ? cutoff : d.day.reduce((m, x) => Math.max(m, x + 1), 0);
      const rng: Random = createRandom(seed);
      // Examples: sessions with a product and at least one earlier event of the customer.
      const examples: number[] = [];
      for (let s = 0; s + 1 < d.sessions.length; s++) {
        const at = d.sessions[s], u = d.sessionCustomer[s];
        if (at === d.custStart[u]) continue;
        let hasProduct = false;
        for (let j = at; j < d.sessions[s + 1] && !hasProduct; j++) hasProduct = d.ev[j] <= P;
        if (hasProduct) examples.push(s);
      }
      // Hold out a random share of the examples for the next-session metrics.
      const valid: number[] = [], fitSet: number[] = [];
      for (const s of examples) (rng.next() < validShare ? valid : fitSet).push(s);
      const validSample = valid.slice(0, 20_000);
      const w = initWeights(d, dim, S, seed);
      const prod = productInputs(d);
      const optimizer = tf.train.adam(lr);
      const batch = new Batch(B, S, L, d.V);
      const losses: number[] = [], validScores: SequenceReport['valid'] = [];
      const pickTarget = (s: number): number => {
        const from = d.sessions[s], to = d.sessions[s + 1];
        const products: number[] = [];
        for (let j = from; j < to; j++) if (d.ev[j] <= P) products.push(d.ev[j] - 1);
        return products[rng.int(products.length)];
      };
      const perEpoch = Math.min(samplesPerEpoch, fitSet.length);
      const batches = Math.ceil(perEpoch / B);
      try {
        for (let epoch = 1; epoch <= epochs && perEpoch > 0; epoch++) {
          // A partial Fisher–Yates shuffle draws this epoch's examples.
          for (let i = 0; i < perEpoch; i++) {
            const j = i + rng.int(fitSet.length - i);
            [fitSet[i], fitSet[j]] = [fitSet[j], fitSet[i]];
          }
          let lossSum = 0, seen = 0;
          for (let bi = 0; bi < batches; bi++) {
            options.checkCancel?.();
            batch.clear();
            for (let i = bi * B; i < Math.min(perEpoch, (bi + 1) * B); i++) {
              const s = fitSet[i];
              batch.add(d, d.sessionCustomer[s], d.sessions[s], pickTarget(s), d.day[d.sessions[s]]);
            }
            const target = batch.target.slice(0, batch.size);
            const loss = optimizer.minimize(() => softmaxCrossEntropy(forward(w, d, batch, prod).logits, target), true)!;
            lossSum += loss.dataSync()[0] * batch.size;
            seen += batch.size;
            loss.dispose();
            options.onProgress?.({ epoch, epochs, batch: bi + 1, batches, loss: lossSum / seen });
          }
          losses.push(lossSum / Math.max(1, seen));
          validScores.push(nextSessionMetrics(validSample, d, batch, P, (b) => predict(w, d, b, prod).probs));
        }
      } finally {
        optimizer.dispose();
      }
      // Every customer's list at the cutoff (the K best, K ≥ any list a caller asks for), cached.
      const tLists = performance.now();
      const K = Math.min(P, 100);
      const top = new Int32Array(U * K).fill(-1), topScore = new Float32Array(U * K), gateMean = new Float32Array(U);
      const rank = codeRanks(train.codes);
      for (let u0 = 0; u0 < U; u0 += B) {
        options.checkCancel?.();
        batch.clear();
        for (let u = u0; u < Math.min(U, u0 + B); u++) batch.add(d, u, d.custStart[u + 1], 0, today);
        const { probs, gate } = predict(w, d, batch, prod);
        for (let i = 0; i < batch.size; i++) {
          const t = new TopK(K, rank);
          for (let p = 0; p < P; p++) t.offer(p, probs[i * P + p]);
          const u = u0 + i;
          top.set(t.result(), u * K);
          topScore.set(t.scores.subarray(0, t.size), u * K);
          gateMean[u] = gate[i];
        }
      }
      state = { rank, top, topScore, gateMean, K, labels: train.labels ?? train.codes, weights: w, d, prod, today };
      lastReport = { losses, valid: validScores, sessions: d.sessions.length - 1, trainSamples: fitSet.length, perEpoch, validSamples: validSample.length, vocabulary: d.V - 1, seconds: (performance.now() - t0) / 1000, listSeconds: (performance.now() - tLists) / 1000 };
    },
    recommend(customer, k, exclude) {
      checkQuery(customer, k);
      if (!state) throw new Error('sequence: call fit() first');
      const { K, top, topScore, rank } = state;
      const want = Math.min(k, state.d.P);
      const known = customer < state.gateMean.length;
      const list = new TopK(want, rank);
      if (known) {
        for (let i = 0; i < K; i++) {
          const p = top[customer * K + i];
          if (p >= 0 && !exclude?.has(p)) list.offer(p, topScore[customer * K + i]);
        }
      }
      if (list.size < want) {
        // Rare: more than the cached list was asked for, or it was excluded — score every product.
        const probs = scoresOf(known ? customer : -1);
        const full = new TopK(want, rank);
        for (let p = 0; p < probs.length; p++) if (!exclude?.has(p)) full.offer(p, probs[p]);
        return full.result();
      }
      return list.result();
    },
    score,
    scoresOf,
    reason(customer, product, lang) {
      if (!state) return '';
      const g = customer < state.gateMean.length ? state.gateMean[customer] : 0.5;
      return say(REASONS.nextPurchase(state.labels[product], score(customer, product), g), lang);
    },
    report: () => lastReport,
    dispose,
  };
}

/** HR@5 and nDCG@5 of predicting each held-out session's products from the events before it. */
function nextSessionMetrics(sessions: number[], d: Prepared, batch: Batch, P: number, probsOf: (b: Batch) => Float32Array): { hr5: number; ndcg5: number } {
  if (sessions.length === 0) return { hr5: 0, ndcg5: 0 };
  let hr = 0, ndcg = 0;
  const rank = Int32Array.from({ length: P }, (_, p) => p);
  for (let i0 = 0; i0 < sessions.length; i0 += batch.B) {
    batch.clear();
    const rows = sessions.slice(i0, i0 + batch.B);
    for (const s of rows) batch.add(d, d.sessionCustomer[s], d.sessions[s], 0, d.day[d.sessions[s]]);
    const probs = probsOf(batch);
    rows.forEach((s, i) => {
      const t = new TopK(5, rank);
      for (let p = 0; p < P; p++) t.offer(p, probs[i * P + p]);
      const truth = new Set<number>();
      for (let j = d.sessions[s]; j < d.sessions[s + 1]; j++) if (d.ev[j] <= P) truth.add(d.ev[j] - 1);
      let dcg = 0, hit = false;
      t.result().forEach((p, r) => {
        if (truth.has(p)) { dcg += 1 / Math.log2(r + 2); hit = true; }
      });
      let ideal = 0;
      for (let r = 0; r < Math.min(5, truth.size); r++) ideal += 1 / Math.log2(r + 2);
      if (hit) hr++;
      ndcg += dcg / ideal;
    });
  }
  return { hr5: hr / sessions.length, ndcg5: ndcg / sessions.length };
}
