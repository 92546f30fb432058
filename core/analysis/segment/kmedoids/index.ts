export { pam, pamOnDissimilarity, type PamOptions, type KMedoidsResult } from './pam.js';
export { clara, claraDefaults, type ClaraOptions } from './clara.js';
export { euclideanDissimilarity, MAX_MATRIX_ROWS, type Dissimilarity } from './dissimilarity.js';
