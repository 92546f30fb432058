import { createRequire } from 'node:module';
import path from 'node:path';
import { setTensorFlow } from '../../analysis/recommend/tf-runtime.js';

let ready: Promise<void> | null = null;

/**
 * Loads TensorFlow.js (on first use only: no other job or command pays for it) and starts it on
 * its WebAssembly backend (SIMD where the CPU has it), loading the .wasm files from the installed
 * package on disk — never from the network. Idempotent per thread.
 */
export function tfWasmReady(): Promise<void> {
  ready ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    // The gradients of the stock operations (tfjs-core's Node bundle does not register them).
    await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    setTensorFlow(tf);
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    setWasmPaths(dir);
    if (!(await tf.setBackend('wasm'))) throw new Error(`TensorFlow.js could not start its WebAssembly backend from ${dir}`);
    await tf.ready();
  })();
  return ready;
}
