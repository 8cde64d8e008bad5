import { rewrapDataKeys } from "../modules/documents/documents.keys.ts";
import { loadConfig } from "../platform/config.ts";
import { openOwner } from "../platform/db/logins.ts";

/**
 * After a new DOCUMENT_MASTER_KEY (the old one in DOCUMENT_MASTER_KEYS_PREVIOUS): wraps every data key
 * again with the new master key. Files are not re-encrypted. Then the old key can be removed.
 */
const config = loadConfig();
const database = await openOwner(config);
if (!database) {
  console.error("Sleutels opnieuw verpakken gebeurt als eigenaar: zet DATABASE_OWNER_URL.");
  process.exit(1);
}
if (!config.documents.masterKeys) {
  console.error("Zet eerst DOCUMENT_MASTER_KEY (en de oude sleutel in DOCUMENT_MASTER_KEYS_PREVIOUS).");
  process.exit(1);
}
const result = await rewrapDataKeys(database.db, config.documents.masterKeys);
console.log(`${result.rewrapped} gegevenssleutel(s) opnieuw verpakt met de nieuwe hoofdsleutel.`);
await database.close();
