import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { buildStaffedTeam } from "../../test/factories.ts";
import { buildDossier } from "../plans/plans.fixtures.ts";

/** Plans that use social-map entries, written as the owner (arrange, not act), for the usage tests. */
export type Staffed = Awaited<ReturnType<typeof buildStaffedTeam>>;

export interface ActionRow {
  entryId: string;
  createdAt: string;
  status?: "planned" | "inProgress" | "done" | "cancelled";
  completedAt?: string;
  removed?: boolean;
}

/** One plan of a new dossier of `teamId`, with actions on social-map entries (written as the owner). */
export async function seedPlan(
  db: Kysely<DB>,
  a: Staffed,
  teamId: string,
  leadUserId: string,
  actions: ActionRow[],
  caseStatus: "plan" | "closed" = "plan",
) {
  const m = a.municipality.id;
  const d = await buildDossier(db, {
    municipalityId: m,
    teamId,
    organisationId: a.organisation.id,
    leadUserId,
    status: caseStatus,
  });
  const planId = randomUUID();
  const goalId = randomUUID();
  await db
    .insertInto("supportPlan")
    .values({
      municipalityId: m,
      id: planId,
      caseId: d.caseId,
      householdId: d.householdId,
      startDate: "2025-01-01",
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
      startDate: "2025-01-01",
      targetDate: "2026-12-31",
      ownWords: "Mijn post weer openen",
      professionalWording: "Financiën op orde",
      ladderNote: null,
      position: 1,
      removedAt: null,
    })
    .execute();
  for (const row of actions) {
    const ended = row.completedAt ?? row.createdAt;
    await db
      .insertInto("planAction")
      .values({
        municipalityId: m,
        id: randomUUID(),
        planId,
        goalId,
        householdId: d.householdId,
        dataCategory: "ordinary",
        description: "Naar de voorziening",
        dueDate: "2026-06-01",
        status: row.status ?? "planned",
        actorKind: "collectiveProvision",
        rung: "volunteersAndCollective",
        networkMemberId: null,
        directoryEntryId: row.entryId,
        professionalUserId: null,
        actorName: null,
        escalationReason: null,
        escalationNote: null,
        helpTags: [],
        createdByUserId: leadUserId,
        createdAt: `${row.createdAt}T10:00:00+01:00`,
        updatedAt: `${ended}T10:00:00+01:00`,
        completedAt: row.status === "done" ? new Date(`${ended}T10:00:00+01:00`) : null,
        removedAt: row.removed ? new Date(`${ended}T10:00:00+01:00`) : null,
      })
      .execute();
  }
  return d;
}
