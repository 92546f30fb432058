export { pam, pamOnDissimilarity, type PamOptions, type KMedoidsResult } from './pam.js';
export { clara, claraDefaults, type ClaraOptions } from './clara.js';
export { euclideanDissimilarity, MAX_MATRIX_ROWS, type Dissimilarity } from './dissimilarity.js';
export { fasterPam, fasterPamDefaults, type FasterPamOptions, type FasterPamResult } from './fasterpam.js';
export type { FasterPamInit } from './init.js';
export { pamLarge } from './pam-large.js';
