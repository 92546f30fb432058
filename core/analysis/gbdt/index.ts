export * from './binning.js';
export * from './fit.js';
export * from './histogram.js';
export * from './model.js';
export * from './options.js';
export * from './split.js';
export * from './tree.js';
