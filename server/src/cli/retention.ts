import { runRetention } from "../modules/residentRights/retention.ts";
import { loadConfig } from "../platform/config.ts";
import { openOwner } from "../platform/db/logins.ts";
import { migrate } from "../platform/db/migrate.ts";
import { claimRun, failRun, finishRun } from "../platform/jobs/job-runs.ts";

/**
 * Runs the retention job once: deletes or anonymises what has passed its retention period.
 * `npm run retention -- --now 2031-01-01T00:00:00Z` runs it as if it were that moment (drills).
 * The run is recorded in the job history like the daily scheduled run.
 */
const i = process.argv.indexOf("--now");
const given = i >= 0 ? process.argv[i + 1] : undefined;
const now = given ? new Date(given) : new Date();
if (given !== undefined && (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(given))) {
  console.error(
    `--now verwacht een datum of tijdstip in ISO-vorm (2031-01-01 of 2031-01-01T02:30:00Z), niet: ${given}`,
  );
  process.exit(2);
}
const config = loadConfig();
// Retention deletes across every table: maintenance, run as the owner.
const database = await openOwner(config);
if (!database) {
  console.error("Bewaartermijnen draaien als eigenaar: zet DATABASE_OWNER_URL.");
  process.exit(1);
}
await migrate(database.db);
const runId = await claimRun(database.db, {
  job: "retention.run",
  slot: `cli:${new Date().toISOString()}:${now.toISOString()}`,
  instance: `cli:${process.pid}`,
  attempt: 1,
});
try {
  const results = await runRetention(database.db, { now });
  if (runId !== undefined)
    await finishRun(database.db, runId, {
      municipalities: results.length,
      deleted: results.reduce((n, r) => n + r.deletedHouseholdIds.length, 0),
      anonymised: results.reduce((n, r) => n + r.anonymisedHouseholdIds.length, 0),
      clock: now.toISOString(),
    });
  for (const r of results) {
    console.log(
      `Gemeente ${r.municipalityId}: ${r.deletedHouseholdIds.length} huishoudens verwijderd, ${r.anonymisedHouseholdIds.length} geanonimiseerd, ${r.failedHouseholdIds.length} mislukt; rijen: ${JSON.stringify(r.rowCounts)}`,
    );
  }
  if (results.length === 0) console.log(`Bewaartermijnen op ${now.toISOString()}: niets te verwijderen.`);
} catch (error) {
  if (runId !== undefined) await failRun(database.db, runId, error);
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
}
