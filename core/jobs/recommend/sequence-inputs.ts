import { z } from 'zod';
import { sequenceRecommender, type SequenceRecommender, type SequenceReport } from '../../analysis/recommend/sequence.js';
import type { Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { customerTraits, sequenceEvents } from '../../data/store/queries/sequence-events.js';
import type { ModelResult } from '../../model/recommend.js';
import type { ParamInfo, JobContext } from '../types.js';
import { categoryCodes } from './split.js';
import { tfWasmReady } from './tf-wasm.js';

/** The sequence model's parameters, shared by recommend-eval and recommend. */
export const sequenceParams = {
  sequenceEpochs: z.coerce.number().int().min(1).max(100).default(5),
  sequenceSamples: z.coerce.number().int().min(1000).max(10_000_000).default(400_000),
  sequenceDim: z.coerce.number().int().min(4).max(256).default(32),
};

export const sequenceParamInfo: ParamInfo[] = [
  { name: 'sequenceEpochs', type: 'integer', default: 5, help: 'sequence: training epochs.' },
  { name: 'sequenceSamples', type: 'integer', default: 400_000, help: 'sequence: sessions drawn per epoch (all when fewer).' },
  { name: 'sequenceDim', type: 'integer', default: 32, help: 'sequence: embedding and interest size.' },
];

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
  return `trained on ${r.perEpoch.toLocaleString('en')} of ${r.trainSamples.toLocaleString('en')} sessions per epoch (${r.losses.length} epoch${r.losses.length === 1 ? '' : 's'}, loss ${r.losses.map((l) => l.toFixed(3)).join(' → ')}, ${r.seconds.toFixed(0)} s, of which ${r.listSeconds.toFixed(1)} s to score every customer's list); held-out next session: HR@5 ${last ? last.hr5.toFixed(3) : '–'}, nDCG@5 ${last ? last.ndcg5.toFixed(3) : '–'} (${r.validSamples.toLocaleString('en')} sessions; seed 001: 0.792 / 0.741 on its data); vocabulary ${r.vocabulary.toLocaleString('en')} products and pseudo-products${r.perEpoch * r.losses.length < 500_000 ? `; few examples for ${r.losses.length} epoch${r.losses.length === 1 ? '' : 's'} — more (sequenceEpochs) may help: on UCI, 40 epochs took nDCG@10 from 0.152 to 0.297` : ''}`;
}

/** The training report as recommend-eval stores it beside the model's metrics (for the loss chart). */
export function trainingOf(r: SequenceReport): NonNullable<ModelResult['training']> {
  return { epochs: r.losses.length, losses: r.losses, valid: r.valid, samples: r.trainSamples, perEpoch: r.perEpoch, validSamples: r.validSamples, seconds: Math.round(r.seconds * 10) / 10 };
}
