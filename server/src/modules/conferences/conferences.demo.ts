import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { PlanSnapshot } from "../plans/plans.tables.ts";

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A plan with one goal (no actions yet), so a conference decision can become its first action. */
async function loadVermeulenPlan(
  trx: Kysely<DB>,
  o: { municipalityId: string; caseId: string; householdId: string; userId: string },
) {
  const base = { municipalityId: o.municipalityId, householdId: o.householdId };
  const planId = randomUUID();
  const goalId = randomUUID();
  const goal = {
    domain: "finances",
    targetLevel: 4,
    startDate: addDays(-30),
    targetDate: addDays(150),
    ownWords: "Ik wil de post weer durven openen.",
    professionalWording: "Overzicht in de schulden; betalingsregelingen lopen.",
    consideredRungs: ["ownStrength", "ownNetwork"] as ("ownStrength" | "ownNetwork")[],
  };
  await trx
    .insertInto("supportPlan")
    .values({
      ...base,
      id: planId,
      caseId: o.caseId,
      startDate: addDays(-30),
      expectedEndDate: addDays(180),
      createdByUserId: o.userId,
    })
    .execute();
  await trx
    .insertInto("planGoal")
    .values({
      ...base,
      ...goal,
      id: goalId,
      planId,
      residentId: null,
      dataCategory: "ordinary",
      currentLevel: 2,
      currentLevelAssessedOn: "2026-09-15",
      ladderNote: null,
      position: 1,
      removedAt: null,
    })
    .execute();
  const snapshot: PlanSnapshot = {
    startDate: addDays(-30),
    expectedEndDate: addDays(180),
    nextReviewOn: null,
    goals: [{ ...goal, id: goalId, status: "active" }],
    actions: [],
  };
  await trx
    .insertInto("planVersion")
    .values({
      ...base,
      planId,
      version: 1,
      changedByUserId: o.userId,
      summary: "Plan opgesteld (demo)",
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
}

/**
 * Demo for the network team's conference (casusoverleg): a second household of Netwerkteam Oost (led by
 * netwerk2, netwerk involved) to present pseudonymised, and the written consent of Huishouden de Boer
 * (from the dossier demo) to be discussed by name. Runs after the dossier demo; written as the owner.
 */
export async function loadConferenceDemo(trx: Kysely<DB>, municipalityId: string) {
  const base = { municipalityId };
  const team = await trx
    .selectFrom("team")
    .select("id")
    .where("municipalityId", "=", municipalityId)
    .where("name", "=", "Netwerkteam Oost")
    .executeTakeFirst();
  const users = await trx
    .selectFrom("appUser")
    .select(["id", "username", "homeOrganisationId"])
    .where("municipalityId", "=", municipalityId)
    .where("username", "in", ["netwerk", "netwerk2"])
    .execute();
  const netwerk = users.find((u) => u.username === "netwerk");
  const netwerk2 = users.find((u) => u.username === "netwerk2");
  if (!team || !netwerk?.homeOrganisationId || !netwerk2?.homeOrganisationId) return;

  const householdId = randomUUID();
  const residentId = randomUUID();
  const caseId = randomUUID();
  const assessmentId = randomUUID();
  const openedAt = new Date("2026-09-14T09:00:00Z");
  await trx
    .insertInto("household")
    .values({
      ...base,
      id: householdId,
      name: "Huishouden Vermeulen",
      registeredByTeamId: team.id,
      registeredByUserId: netwerk2.id,
    })
    .execute();
  await trx
    .insertInto("resident")
    .values({
      ...base,
      id: residentId,
      givenName: "Gerda",
      familyName: "Vermeulen",
      birthDate: "1971-04-18",
      bsn: null,
      postcode: "3581 TH",
      houseNumber: 12,
      houseNumberAddition: null,
      street: "Oudwijk",
      city: "Utrecht",
      neighbourhoodCode: "BU03440511",
      phone: null,
      email: null,
    })
    .execute();
  await trx
    .insertInto("householdMember")
    .values({ ...base, householdId, residentId, relation: "self", isMainContact: true })
    .execute();
  await trx
    .insertInto("caseFile")
    .values({
      ...base,
      id: caseId,
      householdId,
      teamId: team.id,
      status: "intake",
      allocatedByUserId: netwerk2.id,
      allocationGrounds: "Netwerkoverleg Oost: schuldhulp en CJG zien dezelfde signalen.",
      openedAt,
      openedByUserId: netwerk2.id,
    })
    .execute();
  for (const [i, status] of (["registration", "intake"] as const).entries()) {
    await trx
      .insertInto("caseStatusChange")
      .values({
        ...base,
        id: randomUUID(),
        caseId,
        householdId,
        fromStatus: i === 0 ? null : "registration",
        toStatus: status,
        note: null,
        changedByUserId: netwerk2.id,
        changedAt: new Date(openedAt.getTime() + i * 86_400_000),
      })
      .execute();
  }
  for (const [u, lead] of [
    [netwerk2, true],
    [netwerk, false],
  ] as const) {
    await trx
      .insertInto("caseProfessional")
      .values({
        ...base,
        caseId,
        householdId,
        userId: u.id,
        organisationId: u.homeOrganisationId as string,
        roleInCase: lead ? "Regiehouder" : "Gezinsondersteuning",
        isCaseLead: lead,
      })
      .execute();
  }
  await trx
    .insertInto("caseLeadHandover")
    .values({
      ...base,
      id: randomUUID(),
      caseId,
      householdId,
      fromUserId: null,
      toUserId: netwerk2.id,
      note: "Regiehouder aangewezen bij de aanmelding.",
      handedOverByUserId: netwerk2.id,
      handedOverAt: openedAt,
    })
    .execute();
  await trx
    .insertInto("intake")
    .values({
      ...base,
      id: randomUUID(),
      caseId,
      householdId,
      conversationDate: "2026-09-15",
      location: "homeVisit",
      locationNote: null,
      requestInOwnWords: "Ik durf de post niet meer open te maken.",
      underlyingQuestion: "Schulden na een scheiding; weinig mensen om op terug te vallen.",
      lifeDomains: ["finances", "socialNetwork"],
      ownStrengths: "Werkt drie dagen per week; is goed georganiseerd als het overzicht er is.",
      networkSummary: "Zus in Amersfoort; contact met buren is beperkt.",
      urgency: "normal",
      safetyConcerns: null,
      recordedByUserId: netwerk2.id,
    })
    .execute();
  await trx
    .insertInto("assessment")
    .values({
      ...base,
      id: assessmentId,
      caseId,
      householdId,
      residentId,
      zrmVersion: "2017",
      assessedOn: "2026-09-15",
      assessorUserId: netwerk2.id,
    })
    .execute();
  for (const [domain, level] of [
    ["finances", 2],
    ["socialNetwork", 2],
    ["housing", 4],
  ] as const) {
    await trx
      .insertInto("assessmentScore")
      .values({
        ...base,
        assessmentId,
        householdId,
        domain,
        dataCategory: "ordinary",
        level,
        residentLevel: null,
        note: null,
        assessedOn: "2026-09-15",
        assessorUserId: netwerk2.id,
      })
      .execute();
  }

  await loadVermeulenPlan(trx, { municipalityId, caseId, householdId, userId: netwerk2.id });

  // Huishouden de Boer agreed in writing to be discussed by name in the network conference.
  const deBoer = await trx
    .selectFrom("household")
    .select("id")
    .where("municipalityId", "=", municipalityId)
    .where("name", "=", "Huishouden de Boer")
    .executeTakeFirst();
  const purpose = await trx
    .selectFrom("processingPurpose")
    .select("id")
    .where("municipalityId", "=", municipalityId)
    .where("isDefault", "=", true)
    .executeTakeFirst();
  if (!deBoer || !purpose) return;
  await trx
    .insertInto("consent")
    .values({
      ...base,
      id: randomUUID(),
      householdId: deBoer.id,
      residentId: null,
      purposeId: purpose.id,
      recipientOrganisationIds: [],
      recipientRoles: ["professional", "teamLead"],
      categories: ["personalDetails", "finances", "domesticRelations"],
      coversConferenceNaming: true,
      validFrom: "2026-01-12",
      validUntil: null,
      givenHow: "written",
      note: "Getekend formulier bij het intakegesprek; geldt voor het netwerkoverleg Oost.",
      recordedByUserId: netwerk.id,
      withdrawnAt: null,
      withdrawnByUserId: null,
      withdrawalNote: null,
    })
    .execute();
}
