import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate, todayInNetherlands } from "../households/residents.rules.ts";
import { findAgendaItem, findConference, participantsOf } from "./conferences.repository.ts";
import type { DecisionInput } from "./conferences.schemas.ts";
import { getConference } from "./conferences.service.ts";
import { addDecisionToPlan } from "./decisionActions.ts";
import { applyDecision } from "./decisionEffects.ts";
import { conferencePeople } from "./dossierPeople.ts";
import { assertNoPersonalData } from "./personalData.ts";

export async function recordDecision(ctx: RequestContext, conferenceId: string, input: DecisionInput) {
  const c = await findConference(ctx, conferenceId);
  if (!ctx.actor.teamIds.includes(c.teamId))
    throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  const item = await findAgendaItem(ctx, conferenceId, input.agendaItemId);
  if (!item)
    throw unprocessable("unknownAgendaItem", "Dit agendapunt hoort niet bij dit overleg.", {
      field: "agendaItemId",
    });
  const participants = await participantsOf(ctx, conferenceId);
  let assigneeId = input.assigneeUserId ?? null;
  if (input.kind === "escalation" && !assigneeId) {
    const lead = await ctx.trx
      .selectFrom("teamMembership as m")
      .innerJoin("appUser as u", (j) =>
        j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
      )
      .select("u.id")
      .where("m.teamId", "=", c.teamId)
      .where("u.role", "=", "teamLead")
      .executeTakeFirst();
    if (!lead) throw unprocessable("noTeamLead", "Dit team heeft geen teamleider om naar op te schalen.");
    assigneeId = lead.id;
  }
  if (!assigneeId)
    throw unprocessable("assigneeRequired", "Kies wie dit besluit uitvoert.", { field: "assigneeUserId" });
  const assignee = participants.find((p) => p.userId === assigneeId);
  if (!assignee) {
    const isLead = await ctx.trx
      .selectFrom("appUser")
      .select("role")
      .where("id", "=", assigneeId)
      .executeTakeFirst();
    if (!(input.kind === "escalation" && isLead?.role === "teamLead")) {
      throw unprocessable(
        "assigneeNotParticipant",
        "Wie een besluit uitvoert, moet deelnemer van het overleg zijn.",
        { field: "assigneeUserId" },
      );
    }
  } else if (input.kind === "escalation" && assignee.role !== "teamLead") {
    throw unprocessable("escalationToTeamLead", "Opschalen (mandaat) gaat naar de teamleider.", {
      field: "assigneeUserId",
    });
  }
  if (input.kind === "caseLead" && assignee && !["professional", "teamLead"].includes(assignee.role)) {
    throw unprocessable("caseLeadMustBeProfessional", "Alleen een professional kan regiehouder worden.", {
      field: "assigneeUserId",
    });
  }
  if (input.kind === "action" && !input.dueDate)
    throw unprocessable("dueDateRequired", "Geef aan vóór wanneer de actie klaar moet zijn.", {
      field: "dueDate",
    });
  if (input.dueDate && !isCalendarDate(input.dueDate))
    throw unprocessable("invalidDate", `De datum ${input.dueDate} bestaat niet.`, { field: "dueDate" });
  const today = todayInNetherlands(ctx.now);
  if (input.kind === "action" && input.dueDate && input.dueDate < today) {
    throw unprocessable(
      "dueDateInPast",
      `De datum ${input.dueDate} ligt in het verleden. Kies vandaag (${today}) of een latere datum.`,
      { field: "dueDate" },
    );
  }
  assertNoPersonalData(
    input.description,
    await conferencePeople(ctx, conferenceId),
    "Een besluit in de notulen",
    "description",
  );
  // An action goes into the household's plan first (the decision refers to it), in this transaction.
  const planActionId =
    input.kind === "action"
      ? await addDecisionToPlan(ctx, {
          caseId: item.caseId,
          householdId: item.householdId,
          assigneeUserId: assigneeId,
          description: input.description.trim(),
          dueDate: input.dueDate as string,
          planAction: input.planAction,
        })
      : null;
  const id = randomUUID();
  await ctx.trx
    .insertInto("conferenceDecision")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      conferenceId,
      agendaItemId: item.id,
      householdId: item.householdId,
      kind: input.kind,
      description: input.description.trim(),
      assigneeUserId: assigneeId,
      dueDate: input.dueDate || null,
      // A case-lead decision is carried out at once (the handover below); the others wait on a worklist.
      status: input.kind === "caseLead" ? "done" : "open",
      decidedByUserId: ctx.actor.userId,
      decidedAt: ctx.now,
      completedAt: input.kind === "caseLead" ? ctx.now : null,
      planActionId,
    })
    .execute();
  await applyDecision(ctx, {
    kind: input.kind,
    caseId: item.caseId,
    assigneeUserId: assigneeId,
    description: input.description.trim(),
    conferenceTitle: c.title,
  });
  await ctx.audit({
    action: "conference.decisionRecorded",
    resourceType: "conferenceDecision",
    resourceId: id,
    householdId: item.householdId,
    teamId: c.teamId,
    details: { kind: input.kind, assigneeUserId: assigneeId, planActionId },
  });
  return getConference(ctx, conferenceId);
}
