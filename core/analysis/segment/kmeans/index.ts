export { kmeans, KMEANS_DEFAULTS, type KMeansOptions, type KMeansResult } from './kmeans.js';
export { kmeansPlusPlus } from './init.js';
export { checkMatrix } from './check.js';
