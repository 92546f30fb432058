/**
 * PAM's own result — BUILD, then SWAP applying the single best swap of each whole pass until none
 * lowers the total deviation — without PAM's n × n matrix, for n beyond MAX_MATRIX_ROWS: FastPAM1
 * (Schubert & Rousseeuw 2019, "Faster k-Medoids Clustering: Improving the PAM, CLARA, and CLARANS
 * Algorithms", SISAP), which finds the same best swap as PAM from each candidate's O(n) deltas for
 * all k medoids at once (medoid-state.ts) instead of k separate O(n) sums. Candidates in row order,
 * slots by ascending medoid row, first strict minimum — R's order — so the choices are R's up to
 * rounding ties (same medoids as R's cluster::pam on all 8 runs of the committed fixtures, 300 to
 * 3,000 rows). Cost: BUILD O(k n²) distances, then O(n²) per swap; O(n d) memory. Used as the exact
 * reference at 25,000 customers (bench/kmedoids.mjs); the job keeps `pam` for small n.
 */
import { createRandom } from '../../common/random.js';
import { checkK, checkMatrix } from './dissimilarity.js';
import { type FasterPamResult, finish } from './fasterpam.js';
import { initialMedoids } from './init.js';
import { applySwap, createMedoidState, swapDeltas } from './medoid-state.js';

/** PAM (BUILD + best-swap SWAP) on the rows of `data` (row-major n×d), Euclidean, O(n d) memory. */
export function pamLarge(data: Float64Array, n: number, d: number, options: { k: number }): FasterPamResult {
  checkMatrix(data, n, d);
  const { k } = options;
  checkK(k, n);
  const s = createMedoidState(data, n, d, initialMedoids(data, n, d, k, 'build', createRandom(0)));
  const delta = new Float64Array(k);
  let swaps = 0, passes = 0;
  for (;;) {
    passes++;
    const slots = Array.from({ length: k }, (_, i) => i).sort((a, b) => s.medoids[a] - s.medoids[b]);
    let bestDelta = Infinity, bestC = -1, bestSlot = -1;
    for (let c = 0; c < n; c++) {
      if (s.isMedoid[c]) continue;
      swapDeltas(s, c, delta);
      for (const i of slots) if (delta[i] < bestDelta) { bestDelta = delta[i]; bestC = c; bestSlot = i; }
    }
    // As in fasterpam.ts: a "gain" below 1e-12 of the total is rounding.
    if (!(bestDelta < -1e-12 * s.total)) break;
    applySwap(s, bestSlot, bestC);
    swaps++;
  }
  return finish(data, n, d, s.medoids, swaps, passes);
}
