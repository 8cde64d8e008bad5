import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate } from "../households/residents.rules.ts";
import { accessLevelsOf, findOpenCaseOf } from "../privacy/privacy.repository.ts";
import { assertSharingAllowed } from "../privacy/sharing.ts";
import type { AgendaInput, DecisionInput, PlanInput } from "./conferences.schemas.ts";
import { applyDecision } from "./decisionEffects.ts";
import { assertNoPersonalData, type KnownPerson } from "./personalData.ts";
import { buildPseudonym, householdPeople, namedLabel } from "./pseudonym.ts";

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

async function findConference(ctx: RequestContext, id: string) {
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

async function participantsOf(ctx: RequestContext, id: string) {
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

async function agendaOf(ctx: RequestContext, id: string) {
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
    ])
    .where("d.conferenceId", "=", id)
    .orderBy("d.decidedAt")
    .execute();
  const visible = new Set(
    (
      await sql<{ id: string }>`select id from unnest(${items.map((i) => i.householdId)}::uuid[]) as id
        where id in (select app_visible_household_ids())`.execute(ctx.trx)
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
      question: item.question,
      actions: mayOpen ? ["openDossier", "recordDecision"] : ["recordDecision"],
      decisions: decisions.filter((d) => d.agendaItemId === item.id).map(({ agendaItemId: _, ...d }) => d),
    };
  });
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

export async function addAgendaItem(ctx: RequestContext, conferenceId: string, input: AgendaInput) {
  const c = await findConference(ctx, conferenceId);
  if (!ctx.actor.teamIds.includes(c.teamId))
    throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  const levels = await accessLevelsOf(ctx, input.householdId);
  if (!levels.regular)
    throw notFound(
      "Dit huishouden bestaat niet of u heeft er geen toegang toe; alleen wie het dossier kent, brengt het in.",
    );
  const openCase = await findOpenCaseOf(ctx, input.householdId);
  if (!openCase)
    throw unprocessable("noOpenCase", "Dit huishouden heeft geen lopende casus om te bespreken.");
  const people = await householdPeople(ctx, input.householdId);
  if (input.question) assertNoPersonalData(input.question, people, "De vraag aan het overleg", "question");
  const pseudonym = await buildPseudonym(ctx, input.householdId, people);
  let consentId: string | null = null;
  if (input.presentation === "named") {
    const participants = await participantsOf(ctx, conferenceId);
    const decision = await assertSharingAllowed(ctx, {
      householdId: input.householdId,
      caseId: openCase.id,
      action: "conferenceNamed",
      categories: ["personalDetails"],
      recipients: participants
        .filter((p) => p.userId !== ctx.actor.userId)
        .map((p) => ({ organisationId: p.organisationId, role: p.role, name: p.name })),
    });
    consentId = decision.consentId;
  }
  const position =
    ((
      await ctx.trx
        .selectFrom("conferenceAgendaItem")
        .select((eb) => eb.fn.max("position").as("max"))
        .where("conferenceId", "=", conferenceId)
        .executeTakeFirst()
    )?.max ?? 0) + 1;
  const id = randomUUID();
  try {
    await ctx.trx
      .insertInto("conferenceAgendaItem")
      .values({
        municipalityId: ctx.actor.municipalityId,
        id,
        conferenceId,
        householdId: input.householdId,
        caseId: openCase.id,
        position,
        presentation: input.presentation,
        pseudonym,
        namedLabel: input.presentation === "named" ? namedLabel(people) : null,
        consentId,
        question: input.question?.trim() || null,
        addedByUserId: ctx.actor.userId,
        addedAt: ctx.now,
      })
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code === "23505")
      throw conflict("alreadyOnAgenda", "Deze casus staat al op de agenda.");
    throw error;
  }
  await ctx.audit({
    action: "conference.caseAdded",
    resourceType: "caseConference",
    resourceId: conferenceId,
    householdId: input.householdId,
    teamId: c.teamId,
    details: { presentation: input.presentation, consentId },
  });
  return getConference(ctx, conferenceId);
}

/** Residents presented at a conference, for the personal-data check of decisions and learning notes. */
export async function presentedPeople(ctx: RequestContext, conferenceId: string): Promise<KnownPerson[]> {
  const result = await sql<KnownPerson>`
    select r.given_name, r.family_name, r.bsn, r.postcode, r.street, r.phone, r.email
    from conference_agenda_item a
    join household_member m on m.municipality_id = a.municipality_id and m.household_id = a.household_id
    join resident r on r.municipality_id = m.municipality_id and r.id = m.resident_id
    where a.conference_id = ${conferenceId}`.execute(ctx.trx);
  return result.rows;
}

export async function recordDecision(ctx: RequestContext, conferenceId: string, input: DecisionInput) {
  const c = await findConference(ctx, conferenceId);
  if (!ctx.actor.teamIds.includes(c.teamId))
    throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  const item = await ctx.trx
    .selectFrom("conferenceAgendaItem")
    .select(["id", "householdId", "caseId"])
    .where("id", "=", input.agendaItemId)
    .where("conferenceId", "=", conferenceId)
    .executeTakeFirst();
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
  assertNoPersonalData(
    input.description,
    await presentedPeople(ctx, conferenceId),
    "Een besluit in de notulen",
    "description",
  );
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
    details: { kind: input.kind, assigneeUserId: assigneeId },
  });
  return getConference(ctx, conferenceId);
}

/**
 * Open conference decisions assigned to a user, for the worklist (/mijn-werk). A case appears by its
 * pseudonym unless it was presented by name; the dossier link only where the user has access.
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
      "a.pseudonym",
      "a.presentation",
      "a.namedLabel",
      "a.householdId",
      sql<boolean>`a.household_id in (select app_visible_household_ids())`.as("mayOpen"),
    ])
    .where("d.assigneeUserId", "=", userId)
    .where("d.status", "=", "open")
    .orderBy("d.dueDate")
    .limit(200)
    .execute();
  return rows.map((r) => ({
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
  }));
}

export async function completeDecision(ctx: RequestContext, id: string) {
  const d = await ctx.trx
    .selectFrom("conferenceDecision")
    .select(["id", "status", "householdId", "assigneeUserId"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!d) throw notFound("Dit besluit bestaat niet.");
  if (d.status === "done") throw conflict("alreadyDone", "Dit besluit is al afgerond.");
  await ctx.trx
    .updateTable("conferenceDecision")
    .set({ status: "done", completedAt: ctx.now })
    .where("id", "=", id)
    .execute();
  await ctx.audit({
    action: "conference.decisionCompleted",
    resourceType: "conferenceDecision",
    resourceId: id,
    householdId: d.householdId,
  });
  return { id, status: "done" as const };
}
