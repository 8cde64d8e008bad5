import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { type Client, clientOf, type TestApp } from "../../test/app.ts";
import { buildMembership, buildStaffedTeam, buildUser } from "../../test/factories.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { seedPortalHousehold } from "./portal.seed.ts";

let n = 0;

/** Two households of one team, each with a resident account; household A has a plan. */
export async function buildPortalWorld(db: Kysely<DB>) {
  const staffed = await buildStaffedTeam(db);
  const { municipality, organisation, team } = staffed;
  const caseLead = await staffed.member("professional");
  const colleague = await staffed.member("professional");
  const today = todayInNetherlands(new Date());
  const k = ++n;
  const a = await seedPortalHousehold(db, {
    municipalityId: municipality.id,
    teamId: team.id,
    caseLeadUserId: caseLead.id,
    organisationId: organisation.id,
    householdName: "Familie Aydin",
    resident: { givenName: "Selin", familyName: "Aydin", birthDate: "1985-04-02" },
    child: { givenName: "Mert", birthDate: "2012-09-10" },
    account: { username: `inwoner-a${k}`, displayName: "Selin Aydin", email: `a${k}@example.org` },
    withPlan: true,
    today,
  });
  const b = await seedPortalHousehold(db, {
    municipalityId: municipality.id,
    teamId: team.id,
    caseLeadUserId: colleague.id,
    organisationId: organisation.id,
    householdName: "Familie de Boer",
    resident: { givenName: "Piet", familyName: "de Boer", birthDate: "1950-01-01" },
    account: { username: `inwoner-b${k}`, displayName: "Piet de Boer", email: `b${k}@example.org` },
    withPlan: true,
    today,
  });
  return {
    ...staffed,
    caseLead,
    colleague,
    a,
    b,
    today,
    usernameA: `inwoner-a${k}`,
    usernameB: `inwoner-b${k}`,
  };
}

/** Another team's professional in the same municipality (sees neither household). */
export async function buildOutsider(
  db: Kysely<DB>,
  municipalityId: string,
  organisationId: string,
  teamId: string,
) {
  const user = await buildUser(db, municipalityId, { organisationId });
  await buildMembership(db, municipalityId, teamId, user.id, organisationId);
  return user;
}

/** The latest code the outbox holds for an account (what the e-mail would carry). */
export async function latestCode(db: Kysely<DB>, username: string): Promise<string> {
  const row = await db
    .selectFrom("outboxMessage as o")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "o.municipalityId").onRef("u.id", "=", "o.recipientUserId"),
    )
    .select("o.body")
    .where("u.username", "=", username)
    .where("o.kind", "=", "loginCode")
    .orderBy("o.createdAt", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.body)?.[1];
  if (!code) throw new Error("no code in the outbox message");
  return code;
}

/** Logs a resident in with a one-time code, like the browser does. */
export async function logInResident(app: TestApp["app"], db: Kysely<DB>, username: string): Promise<Client> {
  const asked = await app.inject({ method: "POST", url: "/api/portal/login/code", payload: { username } });
  if (asked.statusCode !== 202) throw new Error(`code request failed: ${asked.statusCode} ${asked.body}`);
  const code = await latestCode(db, username);
  const login = await app.inject({ method: "POST", url: "/api/portal/login", payload: { username, code } });
  if (login.statusCode !== 200) throw new Error(`code login failed: ${login.statusCode} ${login.body}`);
  return clientOf(app, login);
}

export async function auditActions(db: Kysely<DB>, action: string) {
  return db.selectFrom("auditEvent").selectAll().where("action", "=", action).orderBy("id").execute();
}

/** Closes a case as the owner, with the closure fields the dossier requires (arrange, not act). */
export async function closeCase(
  db: Kysely<DB>,
  c: {
    municipalityId: string;
    caseId: string;
    householdId: string;
    residentId: string;
    assessorUserId: string;
  },
) {
  const assessmentId = crypto.randomUUID();
  await db
    .insertInto("assessment")
    .values({
      municipalityId: c.municipalityId,
      id: assessmentId,
      caseId: c.caseId,
      householdId: c.householdId,
      residentId: c.residentId,
      zrmVersion: "2017",
      kind: "final",
      assessedOn: "2024-01-01",
      assessorUserId: c.assessorUserId,
    })
    .execute();
  await db
    .updateTable("caseFile")
    .set({
      status: "closed",
      closedAt: new Date(),
      closureReason: "goalsAchieved",
      finalAssessmentId: assessmentId,
      escalationPrevented: "yes",
      escalationExplanation: "Geen zwaardere zorg nodig.",
      residentInformed: true,
      residentInformedHow: "Gesprek",
      aftercareDate: "2099-09-30",
    })
    .where("municipalityId", "=", c.municipalityId)
    .where("id", "=", c.caseId)
    .execute();
}
