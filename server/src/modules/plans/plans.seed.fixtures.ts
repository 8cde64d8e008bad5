import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { buildStaffedTeam } from "../../test/factories.ts";
import { buildDossier } from "./plans.fixtures.ts";
import type { ActorKind, Rung } from "./plans.tables.ts";

type Staffed = Awaited<ReturnType<typeof buildStaffedTeam>>;

/** Actions written straight into a plan (owner), with the moment they were added. */
export async function seedActions(
  db: Kysely<DB>,
  team: Staffed,
  leadUserId: string,
  rows: [string, ActorKind, Rung, string | null, boolean?][],
) {
  const d = await buildDossier(db, {
    municipalityId: team.municipality.id,
    teamId: team.team.id,
    organisationId: team.organisation.id,
    leadUserId,
  });
  const m = team.municipality.id;
  const planId = randomUUID();
  const goalId = randomUUID();
  await db
    .insertInto("supportPlan")
    .values({
      municipalityId: m,
      id: planId,
      caseId: d.caseId,
      householdId: d.householdId,
      startDate: "2026-01-01",
      expectedEndDate: null,
      createdByUserId: leadUserId,
    })
    .execute();
  await db
    .insertInto("planGoal")
    .values({
      municipalityId: m,
      id: goalId,
      planId,
      householdId: d.householdId,
      residentId: null,
      domain: "finances",
      dataCategory: "ordinary",
      currentLevel: 2,
      currentLevelAssessedOn: null,
      targetLevel: 4,
      startDate: "2026-01-01",
      targetDate: "2026-12-31",
      ownWords: "x",
      professionalWording: "y",
      ladderNote: null,
      position: 1,
      removedAt: null,
    })
    .execute();
  const memberId = randomUUID();
  await db
    .insertInto("networkMember")
    .values({
      municipalityId: m,
      id: memberId,
      householdId: d.householdId,
      residentId: null,
      name: "Buur",
      relation: "neighbour",
      contactFrequency: "weekly",
      closeness: 2,
      doesNow: null,
      couldDo: null,
      reluctanceNote: null,
      phone: null,
      createdByUserId: leadUserId,
      removedAt: null,
      removedByUserId: null,
    })
    .execute();
  for (const [at, actorKind, rung, reason, removed] of rows) {
    await db
      .insertInto("planAction")
      .values({
        municipalityId: m,
        id: randomUUID(),
        planId,
        goalId,
        householdId: d.householdId,
        dataCategory: "ordinary",
        description: "Actie",
        dueDate: "2026-06-01",
        actorKind,
        rung,
        networkMemberId: actorKind === "networkMember" ? memberId : null,
        directoryEntryId: null,
        professionalUserId: null,
        actorName: actorKind === "resident" ? null : "Iemand",
        escalationReason: reason as never,
        escalationNote: reason ? "Toelichting" : null,
        helpTags: actorKind === "volunteer" ? ["shopping"] : [],
        createdByUserId: leadUserId,
        createdAt: at,
        updatedAt: at,
        completedAt: null,
        removedAt: removed ? new Date(at) : null,
      })
      .execute();
  }
  return d;
}
