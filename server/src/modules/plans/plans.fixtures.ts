import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/** Test arrangements for plans, written as the owner (no access rules): arrange, not act. */

export async function buildAreas(db: Kysely<DB>, municipalityId: string, codes: [string, string][]) {
  const districts = new Set(codes.map(([, d]) => d));
  await db
    .insertInto("area")
    .values([
      ...[...districts].map((code) => ({
        municipalityId,
        code,
        kind: "district" as const,
        name: code,
        districtCode: null,
      })),
      ...codes.map(([code, districtCode]) => ({
        municipalityId,
        code,
        kind: "neighbourhood" as const,
        name: code,
        districtCode,
      })),
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface DossierOptions {
  municipalityId: string;
  teamId: string;
  organisationId: string;
  leadUserId: string;
  name?: string;
  neighbourhoodCode?: string | null;
  /** ZRM levels of the main resident, by domain. */
  levels?: Record<string, number>;
  acute?: boolean;
  status?: "plan" | "execution" | "closed";
  aftercareDate?: string;
}

/** A household with one resident, an open case led by leadUserId, and optionally a ZRM. */
export async function buildDossier(db: Kysely<DB>, o: DossierOptions) {
  const householdId = randomUUID();
  const residentId = randomUUID();
  const caseId = randomUUID();
  const m = o.municipalityId;
  const name = o.name ?? `Huishouden ${householdId.slice(0, 4)}`;
  await db
    .insertInto("household")
    .values({
      municipalityId: m,
      id: householdId,
      name,
      registeredByTeamId: o.teamId,
      registeredByUserId: o.leadUserId,
      mergedIntoId: null,
    })
    .execute();
  await db
    .insertInto("resident")
    .values({
      municipalityId: m,
      id: residentId,
      givenName: name.split(" ")[0] ?? "Anna",
      familyName: name.split(" ").slice(1).join(" ") || "Jansen",
      birthDate: "1980-05-01",
      bsn: null,
      postcode: null,
      houseNumber: null,
      houseNumberAddition: null,
      street: null,
      city: null,
      neighbourhoodCode: o.neighbourhoodCode ?? null,
      phone: "06 12345678",
      email: null,
    })
    .execute();
  await db
    .insertInto("householdMember")
    .values({ municipalityId: m, householdId, residentId, relation: "self", isMainContact: true })
    .execute();
  const closed = o.status === "closed";
  await db
    .insertInto("caseFile")
    .values({
      municipalityId: m,
      id: caseId,
      householdId,
      teamId: o.teamId,
      status: closed ? "execution" : (o.status ?? "plan"),
      acute: o.acute ?? false,
      allocatedByUserId: o.leadUserId,
      allocationGrounds: "Test",
      openedByUserId: o.leadUserId,
      closedAt: null,
      closureReason: null,
      closureNote: null,
      finalAssessmentId: null,
      escalationPrevented: null,
      escalationExplanation: null,
      residentInformed: null,
      residentInformedHow: null,
      aftercareDate: null,
    })
    .execute();
  await db
    .insertInto("caseProfessional")
    .values({
      municipalityId: m,
      caseId,
      userId: o.leadUserId,
      householdId,
      organisationId: o.organisationId,
      roleInCase: "regiehouder",
      isCaseLead: true,
      endedAt: null,
    })
    .execute();
  let assessmentId: string | null = null;
  if (o.levels || closed) {
    assessmentId = randomUUID();
    const version = (
      await db.selectFrom("municipality").select("zrmVersion").where("id", "=", m).executeTakeFirstOrThrow()
    ).zrmVersion;
    await db
      .insertInto("assessment")
      .values({
        municipalityId: m,
        id: assessmentId,
        caseId,
        householdId,
        residentId,
        zrmVersion: version,
        assessedOn: "2026-01-10",
        assessorUserId: o.leadUserId,
      })
      .execute();
    const special = ["mentalHealth", "physicalHealth", "substanceUse", "addiction", "justice"];
    const levels = o.levels ?? { finances: 3 };
    await db
      .insertInto("assessmentScore")
      .values(
        Object.entries(levels).map(([domain, level]) => ({
          municipalityId: m,
          assessmentId: assessmentId as string,
          householdId,
          domain,
          dataCategory: special.includes(domain) ? ("special" as const) : ("ordinary" as const),
          level,
          residentLevel: null,
          note: null,
          assessedOn: "2026-01-10",
          assessorUserId: o.leadUserId,
        })),
      )
      .execute();
  }
  if (closed) {
    await db
      .updateTable("caseFile")
      .set({
        status: "closed",
        closedAt: new Date(),
        closureReason: "goalsAchieved",
        finalAssessmentId: assessmentId,
        escalationPrevented: "yes",
        escalationExplanation: "Test",
        residentInformed: false,
        residentInformedHow: "Niet bereikt; brief gestuurd.",
        aftercareDate: o.aftercareDate ?? "2026-03-01",
      })
      .where("id", "=", caseId)
      .execute();
  }
  return { householdId, residentId, caseId, name };
}

export async function buildDirectoryEntry(
  db: Kysely<DB>,
  municipalityId: string,
  over: {
    name: string;
    kind:
      | "collectiveProvision"
      | "individualProvision"
      | "volunteerHelp"
      | "volunteerVacancy"
      | "informationAndAdvice";
    description?: string;
    areaCodes?: string[];
  },
) {
  const id = randomUUID();
  await db
    .insertInto("directoryEntry")
    .values({
      municipalityId,
      id,
      externalKey: `test-${id.slice(0, 8)}`,
      name: over.name,
      description: over.description ?? `${over.name}: een voorziening in de wijk voor iedereen.`,
      kind: over.kind,
      providerName: "Welzijn Test",
      accessRoute: "walkIn",
      cost: "free",
      servesWholeMunicipality: !over.areaCodes,
      areaCodes: over.areaCodes ?? [],
      reviewDate: "2027-01-01",
    })
    .execute();
  return id;
}
