import { runRetention } from "../modules/residentRights/retention.ts";
import { loadConfig } from "../platform/config.ts";
import { openOwner } from "../platform/db/logins.ts";
import { migrate } from "../platform/db/migrate.ts";

/** Runs the retention job once: deletes or anonymises what has passed its retention period. */
const config = loadConfig();
// Retention deletes across every table: maintenance, run as the owner.
const database = await openOwner(config);
if (!database) {
  console.error("Bewaartermijnen draaien als eigenaar: zet DATABASE_OWNER_URL.");
  process.exit(1);
}
await migrate(database.db);
const results = await runRetention(database.db, { now: new Date() });
await database.close();
for (const r of results) {
  console.log(
    `Gemeente ${r.municipalityId}: ${r.deletedHouseholdIds.length} huishoudens verwijderd, ${r.anonymisedHouseholdIds.length} geanonimiseerd, ${r.failedHouseholdIds.length} mislukt; rijen: ${JSON.stringify(r.rowCounts)}`,
  );
}
if (results.length === 0) console.log("Bewaartermijnen: niets te verwijderen.");
