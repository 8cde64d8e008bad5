import { sealAuditEvents, verifyAuditChain } from "../platform/audit/chain.ts";
import { loadConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/db/database.ts";

/** Seals what is pending, then recomputes every municipality's chain. Exit 1 when broken. */
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await sealAuditEvents(database.db);
const { checked, problems } = await verifyAuditChain(database.db);
await database.close();
if (problems.length > 0) {
  for (const p of problems) {
    console.error(
      `Audit-keten verbroken: gemeente ${p.municipalityId}, positie ${p.position}, gebeurtenis ${p.eventId ?? "-"} (${p.problem})`,
    );
  }
  process.exit(1);
}
console.log(`Audit-keten in orde: ${checked} gebeurtenissen gecontroleerd.`);
