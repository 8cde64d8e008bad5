import { sealAuditEvents, verifyAuditChain } from "../platform/audit/chain.ts";
import { AuditWitness } from "../platform/audit/witness.ts";
import { loadConfig } from "../platform/config.ts";
import { openOwner } from "../platform/db/logins.ts";

/**
 * Seals what is pending, then recomputes every municipality's chain and compares it with the heads
 * written out at every sealing (AUDIT_WITNESS_DIR). Exit 1 when broken. Runs as the owner, who may read
 * the whole trail.
 */
const config = loadConfig();
const database = await openOwner(config);
if (!database) {
  console.error("De controle leest het hele logboek: zet DATABASE_OWNER_URL.");
  process.exit(1);
}
const witness = new AuditWitness(config.auditWitnessDir, config.auditWitnessKey);
let alarms = 0;
await sealAuditEvents(database.db, witness, () => {
  alarms += 1;
});
const { checked, witnessed, problems } = await verifyAuditChain(database.db, witness);
await database.close();
if (problems.length > 0 || alarms > 0) {
  for (const p of problems) {
    console.error(
      `Audit-keten verbroken: gemeente ${p.municipalityId}, positie ${p.position}, gebeurtenis ${p.eventId ?? "-"} (${p.problem})`,
    );
  }
  process.exit(1);
}
console.log(
  `Audit-keten in orde: ${checked} gebeurtenissen gecontroleerd, ${witnessed} vastgelegde koppen vergeleken (${witness.dir}).`,
);
