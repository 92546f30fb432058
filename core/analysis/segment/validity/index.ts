export { silhouette, SILHOUETTE_DEFAULTS, type SilhouetteOptions } from './silhouette.js';
export { calinskiHarabasz } from './calinski-harabasz.js';
export { daviesBouldin } from './davies-bouldin.js';
