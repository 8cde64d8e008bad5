import { loadConfig } from "../platform/config.ts";
import { openOwner } from "../platform/db/logins.ts";
import { migrate } from "../platform/db/migrate.ts";

/** Applies pending migrations as the owner (DATABASE_OWNER_URL, or DATABASE_URL when that is the owner). */
const config = loadConfig();
const database = await openOwner(config);
if (!database) {
  console.error(
    "Migraties draaien als eigenaar: zet DATABASE_OWNER_URL (DATABASE_URL is de applicatielogin).",
  );
  process.exit(1);
}
const ran = await migrate(database.db);
console.log(ran.length ? `Uitgevoerd: ${ran.join(", ")}` : "De database is al bij.");
await database.close();
