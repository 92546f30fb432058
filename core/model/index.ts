export * from './result.js';
export * from './jobs.js';
export * from './import.js';
export * from './flags.js';
export * from './api.js';
export * from './import-request.js';
export * from './operation-names.js';
export * from './web.js';
