import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../platform/access/permissions.ts";
import type { Actor } from "../../platform/context.ts";
import type { DB } from "../../platform/db/schema.ts";
import {
  buildMembership,
  buildMunicipality,
  buildOrganisation,
  buildTeam,
  buildUser,
} from "../../test/factories.ts";
import { seedDefaultPurposes } from "./privacy.service.ts";

/** Test data for the privacy tests, written as the owner (arrange, not act). */
type User = Awaited<ReturnType<typeof buildUser>>;

export async function buildDossier(
  db: Kysely<DB>,
  o: {
    municipalityId: string;
    teamId: string;
    openedBy: string;
    professionals?: { userId: string; organisationId: string; lead?: boolean }[];
    resident?: { givenName: string; familyName: string; birthDate?: string; postcode?: string; bsn?: string };
    status?: "registration" | "closed";
    closedAt?: Date;
    purposeCode?: string;
    withCase?: boolean;
    createdAt?: Date;
  },
) {
  const householdId = randomUUID();
  const residentId = randomUUID();
  const caseId = randomUUID();
  const r = o.resident ?? { givenName: "Maria", familyName: "Jansen" };
  await db
    .insertInto("household")
    .values({
      municipalityId: o.municipalityId,
      id: householdId,
      name: `Huishouden ${r.familyName}`,
      registeredByTeamId: o.teamId,
      registeredByUserId: o.openedBy,
      mergedIntoId: null,
      createdAt: o.createdAt ?? new Date(),
    })
    .execute();
  await db
    .insertInto("resident")
    .values({
      municipalityId: o.municipalityId,
      id: residentId,
      givenName: r.givenName,
      familyName: r.familyName,
      birthDate: r.birthDate ?? "1971-03-02",
      bsn: r.bsn ?? null,
      postcode: r.postcode ?? "3563 AB",
      houseNumber: 12,
      houseNumberAddition: null,
      street: "Marnixlaan",
      city: "Utrecht",
      neighbourhoodCode: null,
      phone: null,
      email: null,
    })
    .execute();
  await db
    .insertInto("householdMember")
    .values({
      municipalityId: o.municipalityId,
      householdId,
      residentId,
      relation: "self",
      isMainContact: true,
    })
    .execute();
  if (o.withCase === false) return { householdId, residentId, caseId: null };
  const closed = o.status === "closed";
  const assessmentId = randomUUID();
  await db
    .insertInto("caseFile")
    .values({
      municipalityId: o.municipalityId,
      id: caseId,
      householdId,
      teamId: o.teamId,
      status: "registration",
      allocatedByUserId: o.openedBy,
      allocationGrounds: "Aanmelding via het loket",
      openedByUserId: o.openedBy,
    })
    .execute();
  await db
    .insertInto("intake")
    .values({
      municipalityId: o.municipalityId,
      id: randomUUID(),
      caseId,
      householdId,
      conversationDate: "2026-01-10",
      location: "desk",
      requestInOwnWords: "Ik kom niet rond met mijn geld",
      underlyingQuestion: "Somberheid na verlies van werk",
      lifeDomains: ["finances", "mentalHealth"],
      urgency: "high",
      safetyConcerns: "Geen",
      recordedByUserId: o.openedBy,
    })
    .execute();
  await db
    .insertInto("assessment")
    .values({
      municipalityId: o.municipalityId,
      id: assessmentId,
      caseId,
      householdId,
      residentId,
      zrmVersion: "2017",
      assessedOn: "2026-01-12",
      assessorUserId: o.openedBy,
    })
    .execute();
  for (const [domain, level, category] of [
    ["finances", 2, "ordinary"],
    ["socialNetwork", 2, "ordinary"],
    ["housing", 4, "ordinary"],
    ["mentalHealth", 2, "special"],
  ] as const) {
    await db
      .insertInto("assessmentScore")
      .values({
        municipalityId: o.municipalityId,
        assessmentId,
        householdId,
        domain,
        dataCategory: category,
        level,
        assessedOn: "2026-01-12",
        assessorUserId: o.openedBy,
      })
      .execute();
  }
  await db
    .insertInto("journalEntry")
    .values({
      municipalityId: o.municipalityId,
      id: randomUUID(),
      householdId,
      caseId,
      kind: "homeVisit",
      occurredOn: "2026-01-12",
      text: "Huisbezoek: veel post ongeopend.",
      authorUserId: o.openedBy,
    })
    .execute();
  for (const p of o.professionals ?? []) {
    await db
      .insertInto("caseProfessional")
      .values({
        municipalityId: o.municipalityId,
        caseId,
        householdId,
        userId: p.userId,
        organisationId: p.organisationId,
        roleInCase: p.lead ? "regiehouder" : "betrokken",
        isCaseLead: p.lead ?? false,
      })
      .execute();
  }
  if (o.purposeCode) {
    const purpose = await db
      .selectFrom("processingPurpose")
      .select("id")
      .where("municipalityId", "=", o.municipalityId)
      .where("code", "=", o.purposeCode)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("casePurpose")
      .values({
        municipalityId: o.municipalityId,
        caseId,
        householdId,
        purposeId: purpose.id,
        setByUserId: o.openedBy,
      })
      .execute();
  }
  if (closed) {
    await db
      .updateTable("caseFile")
      .set({
        status: "closed",
        closedAt: o.closedAt ?? new Date(),
        closureReason: "goalsAchieved",
        finalAssessmentId: assessmentId,
        escalationPrevented: "yes",
        escalationExplanation: "Schulden geregeld",
        residentInformed: false,
        residentInformedHow: "Niet bereikt; brief gestuurd.",
        aftercareDate: "2026-06-01",
      })
      .where("municipalityId", "=", o.municipalityId)
      .where("id", "=", caseId)
      .execute();
  }
  return { householdId, residentId, caseId };
}

/** One municipality with the three team models, every role, and a dossier per model. */
export async function buildPrivacyWorld(db: Kysely<DB>) {
  const m = await buildMunicipality(db);
  const mid = m.id;
  await seedDefaultPurposes(db, mid);
  const welfare = await buildOrganisation(db, mid, { name: "Welzijn Oost" });
  const care = await buildOrganisation(db, mid, { name: "Thuiszorg Midden", type: "homeCare" });
  const debt = await buildOrganisation(db, mid, { name: "Schuldhulp Stad", type: "debtCounselling" });
  const gp = await buildOrganisation(db, mid, { name: "Huisartsenpraktijk Noord", type: "generalPractice" });
  const teams = {
    integrated: await buildTeam(db, mid, { model: "integrated" }),
    frontBackOffice: await buildTeam(db, mid, { model: "frontBackOffice" }),
    network: await buildTeam(db, mid, { model: "network" }),
  };
  const user = async (
    role: Role,
    org: { id: string },
    team?: { id: string },
    office: "front" | "back" | null = null,
  ) => {
    const u = await buildUser(db, mid, { role, organisationId: org.id });
    if (team) await buildMembership(db, mid, team.id, u.id, org.id, { office });
    return u;
  };
  const users = {
    integratedLead: await user("teamLead", welfare, teams.integrated),
    caseLead: await user("professional", welfare, teams.integrated),
    colleague: await user("professional", care, teams.integrated),
    frontOffice: await user("professional", welfare, teams.frontBackOffice, "front"),
    backOffice: await user("professional", care, teams.frontBackOffice, "back"),
    otherBackOffice: await user("professional", debt, teams.frontBackOffice, "back"),
    fboLead: await user("teamLead", welfare, teams.frontBackOffice),
    networkLead: await user("teamLead", welfare, teams.network),
    networkInvolved: await user("professional", debt, teams.network),
    networkOther: await user("professional", care, teams.network),
    partner: await user("partner", gp),
    policyOfficer: await user("policyOfficer", welfare),
    administrator: await user("administrator", welfare),
  };
  const dossiers = {
    integrated: await buildDossier(db, {
      municipalityId: mid,
      teamId: teams.integrated.id,
      openedBy: users.integratedLead.id,
      professionals: [{ userId: users.caseLead.id, organisationId: welfare.id, lead: true }],
      resident: { givenName: "Maria", familyName: "Jansen" },
    }),
    routed: await buildDossier(db, {
      municipalityId: mid,
      teamId: teams.frontBackOffice.id,
      openedBy: users.frontOffice.id,
      resident: { givenName: "Henk", familyName: "de Vries" },
    }),
    unrouted: await buildDossier(db, {
      municipalityId: mid,
      teamId: teams.frontBackOffice.id,
      openedBy: users.frontOffice.id,
      resident: { givenName: "Els", familyName: "Bosman" },
    }),
    network: await buildDossier(db, {
      municipalityId: mid,
      teamId: teams.network.id,
      openedBy: users.networkLead.id,
      professionals: [{ userId: users.networkInvolved.id, organisationId: debt.id, lead: true }],
      resident: { givenName: "Ayse", familyName: "Kaya", birthDate: "1972-05-01", postcode: "3705 XZ" },
    }),
  };
  await db
    .insertInto("caseRouting")
    .values({
      municipalityId: mid,
      id: randomUUID(),
      caseId: dossiers.routed.caseId as string,
      householdId: dossiers.routed.householdId,
      teamId: teams.frontBackOffice.id,
      toOrganisationId: care.id,
      toUserId: users.backOffice.id,
      note: null,
      routedByUserId: users.frontOffice.id,
      withdrawnAt: null,
    })
    .execute();
  const memberships = await db
    .selectFrom("teamMembership")
    .select(["userId", "teamId"])
    .where("municipalityId", "=", mid)
    .execute();
  const actor = (u: User): Actor => ({
    userId: u.id,
    municipalityId: mid,
    role: u.role as Role,
    displayName: u.displayName,
    organisationId: u.homeOrganisationId,
    teamIds: memberships.filter((x) => x.userId === u.id).map((x) => x.teamId),
  });
  return { municipality: m, organisations: { welfare, care, debt, gp }, teams, users, dossiers, actor };
}
