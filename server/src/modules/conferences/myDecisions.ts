import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound } from "../../platform/http/errors.ts";
import { linkedPlanActions } from "./conferences.repository.ts";
import { completeLinkedPlanAction } from "./decisionActions.ts";

/**
 * Open conference decisions assigned to a user, for the worklist (/mijn-werk). A case appears by its
 * pseudonym unless it was presented by name; the dossier link only where the user has access. An action
 * decision carries its plan action; once that action is done, cancelled or removed in the plan (as far as
 * the user can see the plan) the decision leaves the list.
 */
export async function listConferenceDecisionsFor(ctx: RequestContext, userId: string) {
  const rows = await ctx.trx
    .selectFrom("conferenceDecision as d")
    .innerJoin("caseConference as c", (j) =>
      j.onRef("c.municipalityId", "=", "d.municipalityId").onRef("c.id", "=", "d.conferenceId"),
    )
    .innerJoin("conferenceAgendaItem as a", (j) =>
      j.onRef("a.municipalityId", "=", "d.municipalityId").onRef("a.id", "=", "d.agendaItemId"),
    )
    .select([
      "d.id",
      "d.conferenceId",
      "c.title as conferenceTitle",
      "c.scheduledAt",
      "d.kind",
      "d.description",
      "d.dueDate",
      "d.status",
      "d.planActionId",
      "a.pseudonym",
      "a.presentation",
      "a.namedLabel",
      "a.householdId",
      sql<boolean>`app_has_access(a.household_id, 'dossier')`.as("mayOpen"),
    ])
    .where("d.assigneeUserId", "=", userId)
    .where("d.status", "=", "open")
    .orderBy("d.dueDate")
    .limit(200)
    .execute();
  const linked = await linkedPlanActions(ctx, rows);
  const closed = new Set(["done", "cancelled", "removed"]);
  return rows
    .map((r) => ({
      id: r.id,
      conferenceId: r.conferenceId,
      conferenceTitle: r.conferenceTitle,
      scheduledAt: new Date(r.scheduledAt).toISOString(),
      kind: r.kind,
      description: r.description,
      dueDate: r.dueDate,
      status: r.status,
      caseLabel: r.presentation === "named" && r.namedLabel ? r.namedLabel : r.pseudonym,
      householdId: r.mayOpen ? r.householdId : null,
      planAction: linked(r.planActionId),
    }))
    .filter((d) => !closed.has(d.planAction?.status ?? ""));
}

export async function completeDecision(ctx: RequestContext, id: string) {
  const d = await ctx.trx
    .selectFrom("conferenceDecision")
    .select(["id", "status", "householdId", "assigneeUserId", "planActionId"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!d) throw notFound("Dit besluit bestaat niet.");
  if (d.status === "done") throw conflict("alreadyDone", "Dit besluit is al afgerond.");
  await ctx.trx
    .updateTable("conferenceDecision")
    .set({ status: "done", completedAt: ctx.now })
    .where("id", "=", id)
    .execute();
  // The plan action it created is done too, through the plans module, where the user may write the plan.
  const planActionCompleted = d.planActionId ? await completeLinkedPlanAction(ctx, d.planActionId) : false;
  await ctx.audit({
    action: "conference.decisionCompleted",
    resourceType: "conferenceDecision",
    resourceId: id,
    householdId: d.householdId,
    details: { planActionId: d.planActionId, planActionCompleted },
  });
  return { id, status: "done" as const, planActionCompleted };
}
