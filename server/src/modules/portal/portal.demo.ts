import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { seedPlan } from "./portal.seed.ts";

const DEMO_HOUSEHOLD = "Huishouden El Idrissi";

/**
 * The demo resident `inwoner` (log in with a one-time code; the DEMO page shows it): Samira El Idrissi of
 * the dossier demo, whose case lead is `buurtwerker`. Adds a plan when the plan demo did not make one.
 */
export async function loadPortalDemo(trx: Kysely<DB>, municipalityId: string): Promise<void> {
  const found = await trx
    .selectFrom("household as h")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "h.municipalityId").onRef("m.householdId", "=", "h.id"),
    )
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
    )
    .innerJoin("caseFile as c", (j) =>
      j.onRef("c.municipalityId", "=", "h.municipalityId").onRef("c.householdId", "=", "h.id"),
    )
    .innerJoin("caseProfessional as p", (j) =>
      j.onRef("p.municipalityId", "=", "c.municipalityId").onRef("p.caseId", "=", "c.id"),
    )
    .select(["h.id as householdId", "r.id as residentId", "c.id as caseId", "p.userId as caseLeadUserId"])
    .where("h.municipalityId", "=", municipalityId)
    .where("h.name", "=", DEMO_HOUSEHOLD)
    .where("m.relation", "=", "self")
    .where("p.isCaseLead", "=", true)
    .where("c.status", "<>", "closed")
    .executeTakeFirst();
  if (!found) return;
  const user = await trx
    .insertInto("appUser")
    .values({
      municipalityId,
      username: "inwoner",
      displayName: "Samira El Idrissi",
      email: "inwoner@demo.wijkwerk.nl",
      role: "resident",
      homeOrganisationId: null,
      passwordHash: null,
      totpSecret: null,
      oidcSubject: null,
      lockedUntil: null,
      disabledAt: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("residentAccount")
    .values({
      municipalityId,
      userId: user.id,
      residentId: found.residentId,
      linkedByUserId: found.caseLeadUserId,
    })
    .execute();
  const plan = await trx
    .selectFrom("supportPlan")
    .select("id")
    .where("municipalityId", "=", municipalityId)
    .where("caseId", "=", found.caseId)
    .executeTakeFirst();
  if (!plan) await seedPlan(trx, { ...found, municipalityId, today: todayInNetherlands(new Date()) });
  await trx
    .insertInto("caseLeadProfile")
    .values({
      municipalityId,
      userId: found.caseLeadUserId,
      phone: "030 123 45 67",
      reachability: "Maandag tot en met donderdag, 9.00 tot 17.00 uur.",
      photo: null,
      photoType: null,
    })
    .execute();
}
