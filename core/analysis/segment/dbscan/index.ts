export { dbscan, dbscanDefaults } from './dbscan.js';
export type { DbscanOptions, DbscanResult } from './dbscan.js';
export { epsForNoiseShare, epsForNoiseShareDefaults } from './eps-search.js';
export type { EpsForNoiseShareOptions, EpsForNoiseShareResult } from './eps-search.js';
