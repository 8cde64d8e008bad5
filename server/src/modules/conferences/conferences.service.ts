import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { agendaOf, findConference, participantsOf } from "./conferences.repository.ts";
import type { PlanInput } from "./conferences.schemas.ts";

// The worklist module reads a user's open decisions from here.
export { listConferenceDecisionsFor } from "./myDecisions.ts";

export async function planConference(ctx: RequestContext, input: PlanInput) {
  if (!ctx.actor.teamIds.includes(input.teamId)) {
    throw unprocessable(
      "notYourTeam",
      "U kunt alleen een casusoverleg plannen voor een team waarvan u lid bent.",
      { field: "teamId" },
    );
  }
  const scheduledAt = new Date(input.scheduledAt);
  if (Number.isNaN(scheduledAt.getTime()))
    throw unprocessable("invalidDate", "Het tijdstip van het overleg is ongeldig.", { field: "scheduledAt" });
  const members = await ctx.trx
    .selectFrom("teamMembership")
    .select(["userId", "organisationId"])
    .where("teamId", "=", input.teamId)
    .execute();
  const memberOrg = new Map(members.map((m) => [m.userId, m.organisationId]));
  const participantIds = [...new Set([ctx.actor.userId, ...(input.memberUserIds ?? [])])];
  const notMembers = participantIds.filter((id) => !memberOrg.has(id));
  if (notMembers.length > 0) {
    throw unprocessable(
      "notTeamMember",
      "Deelnemers als teamlid moeten lid van het team zijn; nodig anderen uit als ketenpartner.",
      {
        field: "memberUserIds",
        userIds: notMembers,
      },
    );
  }
  const partnerIds = [...new Set(input.invitedUserIds ?? [])].filter((id) => !memberOrg.has(id));
  const partners = partnerIds.length
    ? await ctx.trx
        .selectFrom("appUser")
        .select(["id", "homeOrganisationId", "role", "disabledAt"])
        .where("id", "in", partnerIds)
        .execute()
    : [];
  const unknown = partnerIds.filter(
    (id) =>
      !partners.some(
        (p) => p.id === id && !p.disabledAt && ["professional", "teamLead", "partner"].includes(p.role),
      ),
  );
  if (unknown.length > 0) {
    throw unprocessable(
      "unknownParticipant",
      "Een uitgenodigde deelnemer bestaat niet of kan niet deelnemen (alleen professionals en ketenpartners).",
      {
        field: "invitedUserIds",
        userIds: unknown,
      },
    );
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("caseConference")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      teamId: input.teamId,
      title: input.title.trim(),
      scheduledAt,
      location: input.location?.trim() || null,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  const rows = [
    ...participantIds.map((userId) => ({
      userId,
      organisationId: memberOrg.get(userId) ?? null,
      kind: "member" as const,
    })),
    ...partners.map((p) => ({
      userId: p.id,
      organisationId: p.homeOrganisationId,
      kind: "invitedPartner" as const,
    })),
  ];
  await ctx.trx
    .insertInto("conferenceParticipant")
    .values(rows.map((r) => ({ ...r, municipalityId: ctx.actor.municipalityId, conferenceId: id })))
    .execute();
  await ctx.audit({
    action: "conference.planned",
    resourceType: "caseConference",
    resourceId: id,
    teamId: input.teamId,
    details: { participants: rows.length },
  });
  return getConference(ctx, id);
}

export async function listConferences(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("caseConference as c")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "c.municipalityId").onRef("t.id", "=", "c.teamId"),
    )
    .select([
      "c.id",
      "c.title",
      "c.scheduledAt",
      "c.status",
      "c.teamId",
      "t.name as teamName",
      "t.model as teamModel",
    ])
    .orderBy("c.scheduledAt", "desc")
    .limit(100)
    .execute();
  return { items: rows.map((r) => ({ ...r, scheduledAt: new Date(r.scheduledAt).toISOString() })) };
}

export async function getConference(ctx: RequestContext, id: string) {
  const c = await findConference(ctx, id);
  const [participants, agenda] = await Promise.all([participantsOf(ctx, id), agendaOf(ctx, id)]);
  await ctx.audit({
    action: "conference.viewed",
    resourceType: "caseConference",
    resourceId: id,
    teamId: c.teamId,
  });
  const isMember =
    ctx.actor.teamIds.includes(c.teamId) && ["professional", "teamLead"].includes(ctx.actor.role);
  return {
    ...c,
    scheduledAt: new Date(c.scheduledAt).toISOString(),
    participants,
    agenda,
    actions: isMember ? ["addCase", "recordDecision", "exportMinutes", "addLearningNote"] : ["exportMinutes"],
  };
}
