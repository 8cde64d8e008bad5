import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { accessLevelsOf, findOpenCaseOf } from "./privacy.repository.ts";
import { assertSharingAllowed } from "./sharing.ts";

export type AccessLevel = "edit" | "read" | "emergency" | "summary" | "none";

/**
 * What the acting user may do with a household, derived from the same database functions that row-level
 * security uses, so the UI shows only what the server allows.
 */
export async function householdAccessFor(ctx: RequestContext, householdId: string) {
  const levels = await accessLevelsOf(ctx, householdId);
  if (!levels.exists) throw notFound("Dit huishouden bestaat niet.");
  const level: AccessLevel = levels.editable
    ? "edit"
    : levels.regular
      ? "read"
      : levels.visible
        ? "emergency"
        : levels.summary
          ? "summary"
          : "none";
  const actions: string[] = [];
  if (level === "edit")
    actions.push(
      "read",
      "edit",
      "involveProfessional",
      "recordConsent",
      "presentInConference",
      "export",
      "correct",
    );
  if (level === "read") actions.push("read", "presentInConference", "export");
  if (level === "emergency") actions.push("read");
  if (level === "summary") actions.push("readSummary", "recordConsent");
  if (level === "summary" || (level === "edit" && ctx.actor.role === "teamLead")) {
    const openCase = await findOpenCaseOf(ctx, householdId);
    if (openCase && (await isFrontOfficeOrLead(ctx, openCase.teamId))) actions.push("route");
  }
  if (level === "none" || level === "summary") actions.push("breakTheGlass");
  return { householdId, level, actions };
}

async function isFrontOfficeOrLead(ctx: RequestContext, teamId: string) {
  const row = await sql<{ front: boolean; model: string }>`
    select ${teamId}::uuid = any (app_front_office_team_ids()) as front,
           (select model from team where id = ${teamId}::uuid) as model`.execute(ctx.trx);
  const r = row.rows[0];
  if (r?.model !== "frontBackOffice") return false;
  return r.front || (ctx.actor.role === "teamLead" && ctx.actor.teamIds.includes(teamId));
}

/** The front office's list: name, address, request and urgency of its team's requests, and where each went. */
export async function listFrontOfficeRequests(ctx: RequestContext) {
  const rows = await sql<{
    caseId: string;
    householdId: string;
    status: string;
    caseVersion: number;
    conversationDate: string | null;
    requestInOwnWords: string | null;
    urgency: string | null;
    name: string | null;
    address: string | null;
    routedTo: string | null;
  }>`
    select c.id as case_id, c.household_id, c.status, c.version as case_version, s.conversation_date, s.request_in_own_words, s.urgency,
      (select r.given_name || ' ' || r.family_name from household_member m join resident r
         on r.municipality_id = m.municipality_id and r.id = m.resident_id
       where m.household_id = c.household_id order by m.is_main_contact desc, r.birth_date limit 1) as name,
      (select concat_ws(' ', r.street, r.house_number::text, r.house_number_addition, r.postcode, r.city)
       from household_member m join resident r on r.municipality_id = m.municipality_id and r.id = m.resident_id
       where m.household_id = c.household_id order by m.is_main_contact desc, r.birth_date limit 1) as address,
      (select string_agg(coalesce(u.display_name || ' (' || o.name || ')', o.name), ', ')
       from case_routing x join organisation o on o.municipality_id = x.municipality_id and o.id = x.to_organisation_id
       left join app_user u on u.municipality_id = x.municipality_id and u.id = x.to_user_id
       where x.case_id = c.id and x.withdrawn_at is null) as routed_to
    from case_file c
    left join app_intake_summaries() s on s.case_id = c.id
    where c.team_id = any (app_front_office_team_ids() || case when ${ctx.actor.role} = 'teamLead'
      then app_team_ids() else '{}'::uuid[] end)
    order by (s.urgency = 'acute') desc nulls last, c.opened_at desc
    limit 200`.execute(ctx.trx);
  await ctx.audit({
    action: "frontOffice.requestsViewed",
    resourceType: "case",
    details: { count: rows.rows.length },
  });
  return { items: rows.rows };
}

/** The front office routes a request to a back-office organisation or professional of its team. */
export async function routeCase(
  ctx: RequestContext,
  householdId: string,
  input: { organisationId: string; userId?: string | null; note?: string | null },
) {
  const openCase = await findOpenCaseOf(ctx, householdId);
  if (!openCase) throw notFound("Dit huishouden heeft geen lopende aanvraag die u kunt inzien.");
  if (!(await isFrontOfficeOrLead(ctx, openCase.teamId))) {
    throw forbidden(
      "Alleen de frontoffice of de teamleider van een front-/backofficeteam zet aanvragen door.",
    );
  }
  const backOffice = await ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .select(["m.userId", "m.organisationId", "u.displayName", "u.role"])
    .where("m.teamId", "=", openCase.teamId)
    .where("m.office", "=", "back")
    .where("u.disabledAt", "is", null)
    .execute();
  if (!backOffice.some((m) => m.organisationId === input.organisationId)) {
    throw unprocessable(
      "notBackOffice",
      "Deze organisatie heeft geen medewerkers in de backoffice van dit team. Kies een backofficeorganisatie.",
      { field: "organisationId" },
    );
  }
  const person = input.userId ? backOffice.find((m) => m.userId === input.userId) : undefined;
  if (input.userId && (!person || person.organisationId !== input.organisationId)) {
    throw unprocessable(
      "notBackOffice",
      "Deze medewerker werkt niet in de backoffice van dit team voor de gekozen organisatie.",
      {
        field: "userId",
      },
    );
  }
  const existing = await ctx.trx
    .selectFrom("caseRouting")
    .select("id")
    .where("caseId", "=", openCase.id)
    .where("toOrganisationId", "=", input.organisationId)
    .where("withdrawnAt", "is", null)
    .where((eb) => (input.userId ? eb("toUserId", "=", input.userId) : eb("toUserId", "is", null)))
    .executeTakeFirst();
  if (existing) throw conflict("alreadyRouted", "Deze aanvraag is al naar deze ontvanger doorgezet.");
  const decision = await assertSharingAllowed(ctx, {
    householdId,
    caseId: openCase.id,
    action: "routeCase",
    recipients: [
      {
        organisationId: input.organisationId,
        role: person?.role ?? "professional",
        name: person?.displayName ?? null,
      },
    ],
  });
  const id = crypto.randomUUID();
  await ctx.trx
    .insertInto("caseRouting")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      caseId: openCase.id,
      householdId,
      teamId: openCase.teamId,
      toOrganisationId: input.organisationId,
      toUserId: input.userId ?? null,
      note: input.note?.trim() || null,
      routedByUserId: ctx.actor.userId,
      routedAt: ctx.now,
      withdrawnAt: null,
    })
    .execute();
  await ctx.audit({
    action: "case.routed",
    resourceType: "case",
    resourceId: openCase.id,
    householdId,
    teamId: openCase.teamId,
    details: {
      organisationId: input.organisationId,
      userId: input.userId ?? null,
      purpose: decision.purposeCode,
    },
  });
  return { id, caseId: openCase.id, organisationId: input.organisationId, userId: input.userId ?? null };
}
