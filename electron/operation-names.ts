/** The operations the preload exposes: the zod-free list of core/model (keeps the sandboxed preload tiny). */
export { OPERATION_NAMES as BRIDGE_OPERATIONS } from '../core/model/operation-names.js';
