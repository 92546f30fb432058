import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setForecastRuntime, type ArimaWasm } from '../../analysis/forecast/runtime.js';

const require = createRequire(import.meta.url);
let ready: Promise<void> | null = null;

/**
 * Loads the forecasters' WebAssembly libraries from their files in node_modules (never from the
 * network) and hands them to core/analysis/forecast: `arima` (ctsa, compiled synchronously from the
 * bytes the package ships; we keep its Emscripten module to read the fitted log-likelihood) and
 * @bsull/augurs's Prophet (wasm-bindgen, initialised from disk bytes) with the Stan optimiser of
 * @bsull/augurs-prophet-wasmstan (a component-model instance: asynchronous). Idempotent per thread;
 * every forecast model but snaive and ETS needs it.
 */
export function initForecast(): Promise<void> {
  ready ??= (async () => {
    const arimaRoot = path.dirname(require.resolve('arima'));
    const factory = require(path.join(arimaRoot, 'wasm', 'native-sync.js')) as (o: object) => ArimaWasm['module'];
    const wasmBinary = require(path.join(arimaRoot, 'wrapper', 'native.bin.js')) as Uint8Array;
    // ctsa prints its optimiser's messages ("Program Exiting as …") to stdout: keep them off the CLI's JSON.
    const quiet = (): void => undefined;
    const module = factory({ wasmBinary, print: quiet, printErr: quiet });
    const bind = require(path.join(arimaRoot, 'load.js')) as (m: object) => ArimaWasm['ARIMA'];
    const prophet = await import('@bsull/augurs/prophet');
    prophet.initSync({ module: readFileSync(path.join(path.dirname(require.resolve('@bsull/augurs')), 'prophet_bg.wasm')) });
    const { optimizer } = await import('@bsull/augurs-prophet-wasmstan');
    setForecastRuntime({ arima: { module, ARIMA: bind(module) }, prophet: { Prophet: prophet.Prophet, optimizer } });
  })();
  return ready;
}
