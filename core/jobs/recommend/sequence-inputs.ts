import { sequenceRecommender, type SequenceRecommender, type SequenceReport } from '../../analysis/recommend/sequence.js';
import type { Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { customerTraits, sequenceEvents } from '../../data/store/queries/sequence-events.js';
import type { ModelResult } from '../../model/recommend.js';
import { int } from '../param-spec.js';
import type { JobContext } from '../types.js';
import { categoryCodes } from './split.js';
import { tfWasmReady } from './tf-wasm.js';

/** The sequence model's parameters, shared by recommend-eval and recommend (declarations for core/jobs/param-spec.ts). */
export const sequenceParams = {
  sequenceEpochs: int({
    text: 'coerce', min: 1, max: 100, default: 5,
    label: { en: 'Sequence model: training passes', ko: '순서 모델: 학습 횟수' },
    help: { en: 'sequence model only: passes over the sessions while training.', ko: 'sequence 모델에서만: 학습할 때 세션을 몇 번 훑을지.' },
  }),
  sequenceSamples: int({
    text: 'coerce', min: 1000, max: 10_000_000, default: 400_000,
    label: { en: 'Sequence model: sessions per pass', ko: '순서 모델: 회당 세션 수' },
    help: { en: 'sequence model only: sessions drawn for each pass (all of them when there are fewer).', ko: 'sequence 모델에서만: 학습 회마다 뽑는 세션 수(그보다 적으면 전부).' },
  }),
  sequenceDim: int({
    text: 'coerce', min: 4, max: 256, default: 32,
    label: { en: 'Sequence model: embedding size', ko: '순서 모델: 임베딩 크기' },
    help: { en: 'sequence model only: size of the item embeddings and of the customer’s interest vector.', ko: 'sequence 모델에서만: 상품 임베딩과 고객 관심 벡터의 크기.' },
  }),
};

export interface SequenceSettings {
  sequenceEpochs: number;
  sequenceSamples: number;
  sequenceDim: number;
  /** Seed of initialisation, held-out sessions and batch order (default 1). */
  seed?: number;
}

/**
 * The sequence model of seed 001 over the project's whole behaviour (purchases, partner uses,
 * L.pay payments — read here in one snapshot), with training progress ("epoch 2/5 · loss 4.41")
 * and cancel wired to the job. `fit` reads only the events before the training cutoff.
 */
export async function sequenceModel(db: Db, b: Baskets, ctx: JobContext, s: SequenceSettings): Promise<SequenceRecommender> {
  await tfWasmReady();
  ctx.progress({ phase: 'read', done: 0, total: 1, message: 'sequences (purchases, partner uses, L.pay)' });
  db.exec('BEGIN');
  let events, traits, category2;
  try {
    events = sequenceEvents(db, b);
    traits = customerTraits(db, b.customerIds);
    const second = new Map(db.prepare('SELECT code, category2 FROM products').raw().all() as [string, string | null][]);
    category2 = categoryCodes(b.productCodes.map((c) => second.get(c) ?? null));
  } finally {
    db.exec('COMMIT');
  }
  return sequenceRecommender({
    events, category: categoryCodes(b.productCategories), category2,
    gender: categoryCodes(traits.gender), age: categoryCodes(traits.ageBand), region: categoryCodes(traits.region),
    epochs: s.sequenceEpochs, samplesPerEpoch: s.sequenceSamples, dim: s.sequenceDim, seed: s.seed,
    checkCancel: () => ctx.throwIfCancelled(),
    onProgress: (p) => ctx.progress({ phase: 'train sequence', done: (p.epoch - 1) * p.batches + p.batch, total: p.epochs * p.batches, unit: 'batches', message: `epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(3)}` }),
  });
}

/** The training report in one line for a run's notes. */
export function describeTraining(r: SequenceReport): string {
  const last = r.valid[r.valid.length - 1];
  return `trained on ${r.perEpoch.toLocaleString('en')} of ${r.trainSamples.toLocaleString('en')} sessions per epoch (${r.losses.length} epoch${r.losses.length === 1 ? '' : 's'}, loss ${r.losses.map((l) => l.toFixed(3)).join(' → ')}, ${r.seconds.toFixed(0)} s, of which ${r.listSeconds.toFixed(1)} s to score every customer's list); held-out next session: HR@5 ${last ? last.hr5.toFixed(3) : '–'}, nDCG@5 ${last ? last.ndcg5.toFixed(3) : '–'} (${r.validSamples.toLocaleString('en')} sessions; the original study: 0.792 / 0.741 on its own data); vocabulary ${r.vocabulary.toLocaleString('en')} products and pseudo-products${r.perEpoch * r.losses.length < 500_000 ? `; few examples for ${r.losses.length} epoch${r.losses.length === 1 ? '' : 's'} — more (sequenceEpochs) may help: on UCI, 40 epochs took nDCG@10 from 0.152 to 0.297` : ''}`;
}

/** The training report as recommend-eval stores it beside the model's metrics (for the loss chart). */
export function trainingOf(r: SequenceReport): NonNullable<ModelResult['training']> {
  return { epochs: r.losses.length, losses: r.losses, valid: r.valid, samples: r.trainSamples, perEpoch: r.perEpoch, validSamples: r.validSamples, seconds: Math.round(r.seconds * 10) / 10 };
}
