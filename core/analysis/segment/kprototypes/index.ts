export { kprototypes, kprototypesDefaults, defaultGamma, type KPrototypesOptions, type KPrototypesResult } from './kprototypes.js';
export { caoDensity, caoInit } from './cao.js';
