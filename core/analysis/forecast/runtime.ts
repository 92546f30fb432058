/**
 * The WebAssembly libraries the forecasters call, handed in by the job layer (analyses never touch
 * the file system: core/jobs/forecast/forecast-wasm.ts loads them from node_modules, as
 * core/jobs/recommend/tf-wasm.ts does for TensorFlow.js):
 *  - `arima` (ctsa's SARIMA, Emscripten): its module object too, to read the fitted model's
 *    log-likelihood from WASM memory (the JS wrapper does not expose it);
 *  - @bsull/augurs's Prophet with the Stan optimiser of @bsull/augurs-prophet-wasmstan.
 */
import type { Prophet as AugursProphet } from '@bsull/augurs/prophet';
import type { optimizer as wasmstanOptimizer } from '@bsull/augurs-prophet-wasmstan';

export interface ArimaInstance {
  model: number;
  train(ts: number[], exog?: number[] | number[][]): ArimaInstance;
  predict(length: number, exog?: number[] | number[][]): [number[], number[]];
  destroy(): void;
}

/** ctsa's Emscripten module (its heap) and the `arima` wrapper class bound to it. */
export interface ArimaWasm {
  module: { HEAPU8: Uint8Array };
  ARIMA: new (options: Record<string, number | boolean>) => ArimaInstance;
}

export interface ProphetWasm {
  Prophet: typeof AugursProphet;
  optimizer: typeof wasmstanOptimizer;
}

export interface ForecastRuntime {
  arima: ArimaWasm;
  prophet: ProphetWasm;
}

let runtime: ForecastRuntime | null = null;

/** Installs the loaded libraries (once per thread; later calls replace them). */
export function setForecastRuntime(r: ForecastRuntime): void {
  runtime = r;
}

/** Whether the libraries are installed. */
export function hasForecastRuntime(): boolean {
  return runtime !== null;
}

export function forecastRuntime(): ForecastRuntime {
  if (!runtime) throw new Error('The forecast models are not loaded: call `await initForecast()` (core/jobs/forecast/forecast-wasm.ts) first');
  return runtime;
}
