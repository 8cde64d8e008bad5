import { type Kysely, sql } from "kysely";
import { loadAreas } from "../../modules/areas/areas.loader.ts";
import { member, scores2017 } from "../../modules/households/dossier.factories.ts";
import { logInResident } from "../../modules/portal/portal.fixtures.ts";
import { type Client, logInAs, type TestApp } from "../../test/app.ts";
import {
  buildMembership,
  buildMunicipality,
  buildOrganisation,
  buildTeam,
  buildUser,
} from "../../test/factories.ts";
import type { DB } from "../db/schema.ts";

/**
 * The world of the access matrix: one municipality with the three team models of the report and a user
 * for every relation to a household. Accounts, teams and memberships are arranged (the administrator's
 * setup); every household, case, involvement, intake, plan, routing, portal account, representation and
 * emergency access is made through the API by the professional who would make it.
 */
export const USERS = [
  "intCaseLead",
  "intInvolved",
  "intColleague",
  "intLead",
  "otherTeam",
  "front",
  "backCaseLead",
  "back",
  "backOther",
  "fboLead",
  "netCaseLead",
  "netOther",
  "netLead",
  "emergency",
  "expiredEmergency",
  "partner",
  "policy",
  "admin",
  "resident",
  "representative",
] as const;
export type UserName = (typeof USERS)[number];
export const HOUSEHOLDS = ["int", "fbo", "net"] as const;
export type HouseholdName = (typeof HOUSEHOLDS)[number];

export interface MatrixWorld {
  clients: Record<UserName, Client>;
  userIds: Record<UserName, string>;
  households: Record<
    HouseholdName,
    { id: string; caseId: string; residentId: string; planId: string | null }
  >;
  /** The resident's portal account (household int), for linking a login. */
  residentUserId: string;
  /** Reads state as the owner, for values a request needs (a version), never to decide an outcome. */
  db: Kysely<DB>;
}

const expect2xx = async (what: string, res: Promise<{ statusCode: number; body: string }>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body || "{}") as Record<string, unknown>;
};

export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const db = t.database.db;
  const municipality = await buildMunicipality(db, { code: "GM0344", name: "Gemeente Utrecht (matrix)" });
  const m = municipality.id;
  await loadAreas(db, m, "GM0344");
  const welfare = await buildOrganisation(db, m, { name: "Welzijn", type: "welfare" });
  const mentalHealth = await buildOrganisation(db, m, { name: "GGZ", type: "mentalHealth" });
  const debt = await buildOrganisation(db, m, { name: "Schuldhulp", type: "debtCounselling" });
  const team = {
    int: await buildTeam(db, m, { name: "Buurtteam Overvecht", model: "integrated" }),
    other: await buildTeam(db, m, { name: "Buurtteam Zuid", model: "integrated" }),
    fbo: await buildTeam(db, m, { name: "Wmo-loket", model: "frontBackOffice" }),
    net: await buildTeam(db, m, { name: "Netwerkteam Oost", model: "network" }),
  };
  type Setup = [UserName, string, string, keyof typeof team | null, "front" | "back" | null];
  const setup: Setup[] = [
    ["intCaseLead", "professional", welfare.id, "int", null],
    ["intInvolved", "professional", mentalHealth.id, "int", null],
    ["intColleague", "professional", welfare.id, "int", null],
    ["intLead", "teamLead", welfare.id, "int", null],
    ["otherTeam", "professional", welfare.id, "other", null],
    ["front", "professional", welfare.id, "fbo", "front"],
    ["backCaseLead", "professional", welfare.id, "fbo", "back"],
    ["back", "professional", mentalHealth.id, "fbo", "back"],
    ["backOther", "professional", debt.id, "fbo", "back"],
    ["fboLead", "teamLead", welfare.id, "fbo", null],
    ["netCaseLead", "professional", welfare.id, "net", null],
    ["netOther", "professional", debt.id, "net", null],
    ["netLead", "teamLead", welfare.id, "net", null],
    ["emergency", "professional", welfare.id, "other", null],
    ["expiredEmergency", "professional", welfare.id, "other", null],
    ["partner", "partner", welfare.id, null, null],
    ["policy", "policyOfficer", welfare.id, null, null],
    ["admin", "administrator", welfare.id, null, null],
  ];
  const userIds = {} as Record<UserName, string>;
  const clients = {} as Record<UserName, Client>;
  for (const [name, role, organisationId, teamKey, office] of setup) {
    const user = await buildUser(db, m, { username: `matrix.${name.toLowerCase()}`, role, organisationId });
    userIds[name] = user.id;
    if (teamKey) await buildMembership(db, m, team[teamKey].id, user.id, organisationId, { office });
    clients[name] = await logInAs(t.app, user.username);
  }
  const c = clients;

  // Each household is registered, opened and worked on by its own team, through the API.
  let houseNumber = 0;
  const register = async (who: Client, familyName: string, bsn: string | null) => {
    houseNumber += 10;
    const { id } = await expect2xx(
      `register ${familyName}`,
      who.post("/api/households", { members: [member({ familyName, bsn, houseNumber })] }),
    );
    const dossier = (await who.get(`/api/households/${id}`)).json() as { members: { id: string }[] };
    return { id: id as string, residentId: dossier.members[0]?.id as string };
  };
  const open = async (who: Client, householdId: string, caseLead: UserName) =>
    (
      await expect2xx(
        "open case",
        who.post(`/api/households/${householdId}/cases`, {
          caseLeadUserId: userIds[caseLead],
          allocationGrounds: "Aanmelding via de huisarts",
        }),
      )
    ).id as string;
  const version = async (caseId: string) =>
    Number(
      (await sql<{ v: number }>`select version as v from case_file where id = ${caseId}`.execute(db)).rows[0]
        ?.v,
    );
  const intake = (who: Client, caseId: string, v: number) =>
    expect2xx(
      "intake",
      who.post(`/api/cases/${caseId}/intake`, {
        version: v,
        conversationDate: "2024-03-01",
        location: "desk",
        requestInOwnWords: "Ik krijg de rekeningen niet betaald.",
        underlyingQuestion: "Rust en overzicht; zorgen om de gezondheid.",
        lifeDomains: ["finances", "physicalHealth"],
        urgency: "normal",
      }),
    );
  const plan = async (who: Client, caseId: string) => {
    const { id } = await expect2xx(
      "plan",
      who.post(`/api/cases/${caseId}/plan`, { startDate: "2024-03-10" }),
    );
    return id as string;
  };

  // Integrated team: the case lead registers, opens, involves a colleague of another organisation.
  const int = await register(c.intCaseLead, "Jansen", "111222333");
  const intCase = await open(c.intCaseLead, int.id, "intCaseLead");
  await intake(c.intCaseLead, intCase, await version(intCase));
  await expect2xx(
    "involve",
    c.intCaseLead.post(`/api/cases/${intCase}/professionals`, {
      version: await version(intCase),
      userId: userIds.intInvolved,
      roleInCase: "GGZ",
    }),
  );
  await expect2xx(
    "ZRM",
    c.intCaseLead.post(`/api/cases/${intCase}/assessments`, {
      residentId: int.residentId,
      assessedOn: "2024-03-02",
      scores: scores2017(2),
    }),
  );
  const intPlan = await plan(c.intCaseLead, intCase);

  // Front/back office: the front office registers, opens the case, records the intake and routes it.
  const fbo = await register(c.front, "Bakker", "123456782");
  const fboCase = await open(c.front, fbo.id, "backCaseLead");
  await intake(c.front, fboCase, await version(fboCase));
  await expect2xx(
    "route",
    c.front.post(`/api/households/${fbo.id}/routing`, { organisationId: mentalHealth.id }),
  );
  const fboPlan = await plan(c.backCaseLead, fboCase);

  // Network team: the registering professional is the case lead.
  const net = await register(c.netCaseLead, "Visser", "999999990");
  const netCase = await open(c.netCaseLead, net.id, "netCaseLead");
  const netPlan = await plan(c.netCaseLead, netCase);

  // Portal: the resident of household int gets an account; a resident of another household of the
  // integrated team is authorised to act for them.
  const account = await expect2xx(
    "resident account",
    c.intCaseLead.post(`/api/portal-desk/households/${int.id}/resident-accounts`, {
      residentId: int.residentId,
      username: "matrix.resident",
      email: "resident@example.org",
    }),
  );
  const neighbour = await register(c.intCaseLead, "Smit", null);
  await expect2xx(
    "representative account",
    c.intCaseLead.post(`/api/portal-desk/households/${neighbour.id}/resident-accounts`, {
      residentId: neighbour.residentId,
      username: "matrix.representative",
      email: "representative@example.org",
    }),
  );
  await expect2xx(
    "representation",
    c.intCaseLead.post(`/api/portal-desk/households/${int.id}/representations`, {
      representedResidentId: int.residentId,
      representativeUsername: "matrix.representative",
      basis: "authorisedPerson",
      validFrom: "2024-01-01",
      validUntil: "2099-12-31",
    }),
  );
  clients.resident = await logInResident(t.app, db, "matrix.resident");
  clients.representative = await logInResident(t.app, db, "matrix.representative");
  userIds.resident = account.userId as string;
  userIds.representative = (
    await db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", "matrix.representative")
      .executeTakeFirstOrThrow()
  ).id;

  // Break the glass: one access still running, one that ran out (time is moved on as the owner).
  const reason = "Acute zorg: bewoner belt in paniek, regiehouder is onbereikbaar";
  await expect2xx(
    "emergency",
    c.emergency.post("/api/emergency-access", { householdId: int.id, reason, minutes: 60 }),
  );
  const expired = await expect2xx(
    "expired emergency",
    c.expiredEmergency.post("/api/emergency-access", { householdId: int.id, reason, minutes: 15 }),
  );
  await sql`update emergency_access set starts_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
    where id = ${expired.id as string}`.execute(db);

  return {
    clients,
    userIds,
    households: {
      int: { id: int.id, caseId: intCase, residentId: int.residentId, planId: intPlan },
      fbo: { id: fbo.id, caseId: fboCase, residentId: fbo.residentId, planId: fboPlan },
      net: { id: net.id, caseId: netCase, residentId: net.residentId, planId: netPlan },
    },
    residentUserId: account.userId as string,
    db,
  };
}
