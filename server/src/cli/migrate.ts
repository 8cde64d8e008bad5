import { loadConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const ran = await migrate(database.db);
console.log(ran.length ? `Uitgevoerd: ${ran.join(", ")}` : "De database is al bij.");
await database.close();
