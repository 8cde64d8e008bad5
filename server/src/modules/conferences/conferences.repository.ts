import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { notFound } from "../../platform/http/errors.ts";
import { dossierPeople } from "./dossierPeople.ts";
import { shareable } from "./personalData.ts";

/** Reads shared by the conference use cases (row-level security decides which conferences exist). */
export async function findConference(ctx: RequestContext, id: string) {
  const c = await ctx.trx
    .selectFrom("caseConference as c")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "c.municipalityId").onRef("t.id", "=", "c.teamId"),
    )
    .select([
      "c.id",
      "c.title",
      "c.scheduledAt",
      "c.location",
      "c.status",
      "c.teamId",
      "t.name as teamName",
      "t.model as teamModel",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!c) throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  return c;
}

export function findAgendaItem(ctx: RequestContext, conferenceId: string, itemId: string) {
  return ctx.trx
    .selectFrom("conferenceAgendaItem")
    .select(["id", "householdId", "caseId"])
    .where("id", "=", itemId)
    .where("conferenceId", "=", conferenceId)
    .executeTakeFirst();
}

export async function participantsOf(ctx: RequestContext, id: string) {
  return ctx.trx
    .selectFrom("conferenceParticipant as p")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "p.municipalityId").onRef("u.id", "=", "p.userId"),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "p.municipalityId").onRef("o.id", "=", "p.organisationId"),
    )
    .select([
      "p.userId",
      "u.displayName as name",
      "u.role",
      "p.organisationId",
      "o.name as organisationName",
      "p.kind",
    ])
    .where("p.conferenceId", "=", id)
    .orderBy("p.kind")
    .orderBy("u.displayName")
    .execute();
}

export async function agendaOf(ctx: RequestContext, id: string) {
  const items = await ctx.trx
    .selectFrom("conferenceAgendaItem")
    .selectAll()
    .where("conferenceId", "=", id)
    .orderBy("position")
    .execute();
  const decisions = await ctx.trx
    .selectFrom("conferenceDecision as d")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "d.municipalityId").onRef("u.id", "=", "d.assigneeUserId"),
    )
    .select([
      "d.id",
      "d.agendaItemId",
      "d.kind",
      "d.description",
      "d.assigneeUserId",
      "u.displayName as assigneeName",
      "d.dueDate",
      "d.status",
      "d.planActionId",
    ])
    .where("d.conferenceId", "=", id)
    .orderBy("d.decidedAt")
    .execute();
  const linked = await linkedPlanActions(ctx, decisions);
  // Texts written before the identifying-data check existed are withheld when they fail it now.
  const people = await dossierPeople(
    ctx,
    items.map((i) => i.householdId),
  );
  const visible = new Set(
    (
      await sql<{ id: string }>`select id from unnest(${items.map((i) => i.householdId)}::uuid[]) as id
        where app_has_access(id, 'dossier')`.execute(ctx.trx)
    ).rows.map((r) => r.id),
  );
  return items.map((item) => {
    const mayOpen = visible.has(item.householdId);
    return {
      id: item.id,
      position: item.position,
      presentation: item.presentation,
      pseudonym: item.pseudonym,
      // A name only where consent covers it; the dossier link only for those with access to it.
      namedLabel: item.presentation === "named" ? item.namedLabel : null,
      householdId: mayOpen ? item.householdId : null,
      question: shareable(item.question, people),
      actions: mayOpen ? ["openDossier", "recordDecision"] : ["recordDecision"],
      decisions: decisions
        .filter((d) => d.agendaItemId === item.id)
        .map(({ agendaItemId: _, planActionId, ...d }) => ({
          ...d,
          description: shareable(d.description, people),
          planAction: linked(planActionId),
        })),
    };
  });
}

/**
 * The plan actions decisions created, as the actor may see them: the plan tables' row-level security
 * leaves goal, case and status out for whoever cannot open the household (only the link remains).
 */
export async function linkedPlanActions(ctx: RequestContext, decisions: { planActionId: string | null }[]) {
  const ids = decisions.flatMap((d) => (d.planActionId ? [d.planActionId] : []));
  const rows = ids.length
    ? await ctx.trx
        .selectFrom("planAction as a")
        .innerJoin("supportPlan as p", (j) =>
          j.onRef("p.municipalityId", "=", "a.municipalityId").onRef("p.id", "=", "a.planId"),
        )
        .innerJoin("planGoal as g", (j) =>
          j.onRef("g.municipalityId", "=", "a.municipalityId").onRef("g.id", "=", "a.goalId"),
        )
        .select(["a.id", "p.caseId", "g.domain", "g.ownWords", "a.actorKind", "a.status", "a.removedAt"])
        .where("a.id", "in", ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id: string | null) => {
    if (!id) return null;
    const a = byId.get(id);
    return {
      id,
      caseId: a?.caseId ?? null,
      goal: a ? { domain: a.domain, ownWords: a.ownWords } : null,
      actorKind: a?.actorKind ?? null,
      status: a ? (a.removedAt ? "removed" : a.status) : null,
    };
  };
}
