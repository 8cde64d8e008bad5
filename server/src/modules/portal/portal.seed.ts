import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

type Db = Kysely<DB>;

export interface SeedHouseholdInput {
  municipalityId: string;
  teamId: string;
  caseLeadUserId: string;
  organisationId: string;
  householdName: string;
  resident: { givenName: string; familyName: string; birthDate: string };
  child?: { givenName: string; birthDate: string };
  account?: { username: string; displayName: string; email: string };
  /** A plan with goals and actions, version 1, and an open review. */
  withPlan?: boolean;
  today: string;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A household with a case, its case lead, optionally a plan and a resident account, written as the owner.
 * Used by the demo data and by the portal's tests (arrange, not act).
 */
export async function seedPortalHousehold(db: Db, input: SeedHouseholdInput) {
  const m = input.municipalityId;
  const householdId = randomUUID();
  const residentId = randomUUID();
  const caseId = randomUUID();
  await db
    .insertInto("household")
    .values({
      municipalityId: m,
      id: householdId,
      name: input.householdName,
      registeredByTeamId: input.teamId,
      registeredByUserId: input.caseLeadUserId,
    })
    .execute();
  const residents = [{ id: residentId, ...input.resident, relation: "self" as const, main: true }];
  const childId = input.child ? randomUUID() : null;
  if (input.child && childId) {
    residents.push({
      id: childId,
      givenName: input.child.givenName,
      familyName: input.resident.familyName,
      birthDate: input.child.birthDate,
      relation: "child" as never,
      main: false,
    });
  }
  for (const r of residents) {
    await db
      .insertInto("resident")
      .values({
        municipalityId: m,
        id: r.id,
        givenName: r.givenName,
        familyName: r.familyName,
        birthDate: r.birthDate,
        bsn: null,
        postcode: null,
        houseNumber: null,
        houseNumberAddition: null,
        street: null,
        city: null,
        neighbourhoodCode: null,
        phone: null,
        email: null,
      })
      .execute();
    await db
      .insertInto("householdMember")
      .values({
        municipalityId: m,
        householdId,
        residentId: r.id,
        relation: r.relation,
        isMainContact: r.main,
      })
      .execute();
  }
  await db
    .insertInto("caseFile")
    .values({
      municipalityId: m,
      id: caseId,
      householdId,
      teamId: input.teamId,
      status: "execution",
      allocatedByUserId: input.caseLeadUserId,
      allocationGrounds: "Vraag om hulp bij geldzaken en opvoeding.",
      openedByUserId: input.caseLeadUserId,
    })
    .execute();
  await db
    .insertInto("caseProfessional")
    .values({
      municipalityId: m,
      caseId,
      userId: input.caseLeadUserId,
      householdId,
      organisationId: input.organisationId,
      roleInCase: "Regisseur",
      isCaseLead: true,
    })
    .execute();
  let userId: string | null = null;
  if (input.account) {
    const user = await db
      .insertInto("appUser")
      .values({
        municipalityId: m,
        username: input.account.username,
        displayName: input.account.displayName,
        email: input.account.email,
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
    userId = user.id;
    await db
      .insertInto("residentAccount")
      .values({ municipalityId: m, userId, residentId, linkedByUserId: input.caseLeadUserId })
      .execute();
  }
  const plan = input.withPlan
    ? await seedPlan(db, {
        municipalityId: m,
        caseId,
        householdId,
        residentId,
        caseLeadUserId: input.caseLeadUserId,
        today: input.today,
      })
    : null;
  return {
    householdId,
    residentId,
    childId,
    caseId,
    userId,
    planId: plan?.planId ?? null,
    goalIds: plan?.goalIds ?? [],
  };
}

/** A plan of two goals in the resident's own words with actions, version 1 and an open review. */
export async function seedPlan(
  db: Db,
  p: {
    municipalityId: string;
    caseId: string;
    householdId: string;
    residentId: string;
    caseLeadUserId: string;
    today: string;
  },
) {
  const m = p.municipalityId;
  const { caseId, householdId, residentId } = p;
  const t = p.today;
  const planId = randomUUID();
  const goalIds: string[] = [];
  await db
    .insertInto("supportPlan")
    .values({
      municipalityId: m,
      id: planId,
      caseId,
      householdId,
      version: 1,
      startDate: t,
      expectedEndDate: addDays(t, 180),
      createdByUserId: p.caseLeadUserId,
    })
    .execute();
  const goals = [
    {
      domain: "finances",
      dataCategory: "ordinary" as const,
      ownWords: "Ik wil weer overzicht over mijn geld en geen nieuwe schulden.",
      pro: "Financiën op orde; schulden in beeld en regeling gestart.",
    },
    {
      domain: "socialNetwork",
      dataCategory: "ordinary" as const,
      ownWords: "Ik wil vaker mensen zien en niet alles alleen doen.",
      pro: "Sociaal netwerk versterken.",
    },
  ];
  for (const [position, g] of goals.entries()) {
    const goalId = randomUUID();
    goalIds.push(goalId);
    await db
      .insertInto("planGoal")
      .values({
        municipalityId: m,
        id: goalId,
        planId,
        householdId,
        residentId,
        domain: g.domain,
        dataCategory: g.dataCategory,
        currentLevel: 2,
        currentLevelAssessedOn: t,
        targetLevel: 4,
        startDate: t,
        targetDate: addDays(t, 180),
        ownWords: g.ownWords,
        professionalWording: g.pro,
        ladderNote: null,
        position,
      })
      .execute();
  }
  const actions = [
    {
      goal: 0,
      kind: "resident" as const,
      rung: "ownStrength" as const,
      text: "Ik verzamel alle brieven over rekeningen in één map.",
      name: null,
      pro: null,
    },
    {
      goal: 0,
      kind: "teamProfessional" as const,
      rung: "individualProvision" as const,
      text: "Samen met u een overzicht van inkomsten en uitgaven maken.",
      name: null,
      pro: p.caseLeadUserId,
    },
    {
      goal: 1,
      kind: "resident" as const,
      rung: "ownStrength" as const,
      text: "Ik ga één keer per week naar de koffieochtend in het buurthuis.",
      name: null,
      pro: null,
    },
  ];
  for (const a of actions) {
    await db
      .insertInto("planAction")
      .values({
        municipalityId: m,
        id: randomUUID(),
        planId,
        goalId: goalIds[a.goal] ?? "",
        householdId,
        dataCategory: "ordinary",
        description: a.text,
        dueDate: addDays(t, 30),
        actorKind: a.kind,
        rung: a.rung,
        networkMemberId: null,
        directoryEntryId: null,
        professionalUserId: a.pro,
        actorName: a.name,
        escalationReason: a.pro ? "needsSpecialistExpertise" : null,
        escalationNote: a.pro ? "Schulden vragen deskundige hulp." : null,
        createdByUserId: p.caseLeadUserId,
      })
      .execute();
  }
  await db
    .insertInto("planVersion")
    .values({
      municipalityId: m,
      planId,
      version: 1,
      householdId,
      changedByUserId: p.caseLeadUserId,
      summary: "Plan gemaakt",
      snapshot: JSON.stringify({
        startDate: t,
        expectedEndDate: addDays(t, 180),
        nextReviewOn: addDays(t, 42),
        goals: [],
        actions: [],
      }),
    })
    .execute();
  await db
    .insertInto("planReview")
    .values({
      municipalityId: m,
      id: randomUUID(),
      planId,
      householdId,
      dueOn: addDays(t, 42),
      heldOn: null,
      outcome: null,
      heldByUserId: null,
    })
    .execute();
  return { planId, goalIds };
}
