import { importCustomerFeatures, type CustomerFeaturesResult } from '../data/import/customer-features.js';
import { openProject } from '../data/store/open.js';

/**
 * `import --format customer-features` (issue #16): opens the project read-write (which migrates it
 * to the schema with the feature tables), imports the table in one transaction, closes.
 */
export async function importCustomerFeaturesInto(project: string, file: string): Promise<CustomerFeaturesResult> {
  const db = openProject(project);
  try {
    return await importCustomerFeatures(db, file);
  } finally {
    db.close();
  }
}
