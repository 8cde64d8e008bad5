import { runRetention } from "../modules/residentRights/retention.ts";
import { loadConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";

/**
 * Runs the retention job once: deletes or anonymises what has passed its retention period.
 * `--now <ISO date-time>` runs it as if it were that moment (to check what a date would remove).
 */
function clockFrom(args: string[]): Date {
  const i = args.indexOf("--now");
  if (i < 0) return new Date();
  const value = args[i + 1];
  const now = value ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(now.getTime())) {
    console.error("Gebruik: npm run retention -- --now 2030-01-01T00:00:00Z (een geldig ISO-tijdstip).");
    process.exit(2);
  }
  return now;
}

const now = clockFrom(process.argv.slice(2));
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrate(database.db);
const results = await runRetention(database.db, {
  now,
  sessionIdleMinutes: config.sessionIdleMinutes,
  sessionAbsoluteHours: config.sessionAbsoluteHours,
});
await database.close();
for (const r of results) {
  const per = new Map<string, number>();
  for (const e of r.entries) per.set(`${e.kind} ${e.outcome}`, (per.get(`${e.kind} ${e.outcome}`) ?? 0) + 1);
  console.log(
    `Gemeente ${r.municipalityId} (run ${r.runId}): ${[...per].map(([k, n]) => `${k}: ${n}`).join(", ")}; rijen: ${JSON.stringify(r.rowCounts)}`,
  );
}
if (results.length === 0) console.log("Bewaartermijnen: niets te verwijderen.");
