import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<void> | null = null;

/**
 * Starts TensorFlow.js on its WebAssembly backend (SIMD where the CPU has it), loading the .wasm
 * files from the installed package on disk — never from the network. Idempotent per thread.
 */
export function tfWasmReady(): Promise<void> {
  ready ??= (async () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    setWasmPaths(dir);
    if (!(await tf.setBackend('wasm'))) throw new Error(`TensorFlow.js could not start its WebAssembly backend from ${dir}`);
    await tf.ready();
  })();
  return ready;
}
