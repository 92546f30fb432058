import { fitGbdt } from '../../analysis/gbdt/index.js';
import type { SpendFitter } from '../../analysis/spend/index.js';
import { fitTabNet } from '../../analysis/tabnet/index.js';
import { tfWasmReady } from '../recommend/tf-wasm.js';

/**
 * The learned families of the spend model (issue #13), each with its library defaults and the
 * run's seed: gbdt (core/analysis/gbdt, histogram boosted trees) and tabnet (core/analysis/tabnet,
 * on TensorFlow.js WASM, loaded only when a run fits it).
 */
export function spendFitters(seed: number): Record<'gbdt' | 'tabnet', SpendFitter> {
  return {
    gbdt: (x, y, progress, valid) => fitGbdt(x, y, { seed }, progress, valid),
    tabnet: async (x, y, progress, valid) => {
      await tfWasmReady();
      return fitTabNet(x, y, { seed }, progress, valid);
    },
  };
}
