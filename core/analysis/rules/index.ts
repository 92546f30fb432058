export * from './fpgrowth.js';
export * from './long-tail.js';
export * from './metrics.js';
export * from './mine.js';
export * from './rules.js';
export * from './recommender.js';
