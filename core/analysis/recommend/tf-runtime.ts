import type * as TF from '@tensorflow/tfjs-core';

/**
 * TensorFlow.js as loaded by the job that needs it (core/jobs/recommend/tf-wasm.ts), so that every
 * other command and job starts without it (it costs ≈ 0.15 s and 30 MB to load). The models read
 * this live binding after `tfWasmReady()`.
 */
export let tf: typeof TF;

export function setTensorFlow(module: typeof TF): void {
  tf = module;
}
