import { sql } from "kysely";
import { allows, type HouseholdAccess, householdAccess } from "../../platform/access/household.ts";
import type { Level } from "../../platform/access/rules.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { findOpenCaseOf, householdExists } from "./privacy.repository.ts";
import { assertSharingAllowed } from "./sharing.ts";

/** The strongest level, for a one-word summary ("none" when the user holds no level). */
const ORDER: Level[] = ["caseLead", "edit", "read", "emergency", "frontOffice", "resident", "representative"];

/**
 * What the acting user may do with a household: the levels household_access holds (the rows the
 * database's policies read), why, and the use cases they allow — so the UI shows only what the
 * server allows. A household the user holds no level on exists for them only to ask emergency access.
 */
export async function householdAccessFor(ctx: RequestContext, householdId: string) {
  const access = await householdAccess(ctx, householdId);
  if (access.levels.length === 0 && !(await householdExists(ctx, householdId)))
    throw notFound("Dit huishouden bestaat niet.");
  const actions: string[] = [...access.actions];
  if (await mayRoute(ctx, access)) actions.push("route");
  else if (actions.includes("route")) actions.splice(actions.indexOf("route"), 1);
  if (!allows(access.levels, "read")) actions.push("breakTheGlass");
  return {
    householdId,
    level: ORDER.find((l) => access.levels.includes(l)) ?? ("none" as const),
    levels: access.levels,
    sources: access.sources,
    emergencyUntil: access.emergencyUntil,
    actions,
  };
}

/**
 * Routing to the back office: the front office of the case's team, or that team's team lead, while the
 * request is open. The database enforces the same (policy on case_routing).
 */
async function mayRoute(ctx: RequestContext, access: HouseholdAccess) {
  const lead = ctx.actor.role === "teamLead" && allows(access.levels, "edit");
  if (!allows(access.levels, "route") && !lead) return false;
  const openCase = await findOpenCaseOf(ctx, access.householdId);
  if (!openCase) return false;
  const team = await ctx.trx
    .selectFrom("team")
    .select("model")
    .where("id", "=", openCase.teamId)
    .executeTakeFirst();
  return (
    team?.model === "frontBackOffice" &&
    (allows(access.levels, "route") || ctx.actor.teamIds.includes(openCase.teamId))
  );
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
    with requests as (
      select c.id, c.household_id, c.status, c.version, c.opened_at
      from case_file c
      where exists (select 1 from household_access a where a.household_id = c.household_id
                      and a.level = 'frontOffice')
         or (${ctx.actor.role} = 'teamLead' and c.team_id = any (app_team_ids())
             and exists (select 1 from team t where t.id = c.team_id and t.model = 'frontBackOffice'))
      order by c.opened_at desc
      limit 200
    ), summaries as (
      select * from app_intake_summaries((select coalesce(array_agg(household_id), '{}') from requests))
    )
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
    from requests c
    left join summaries s on s.case_id = c.id
    order by (s.urgency = 'acute') desc nulls last, c.opened_at desc`.execute(ctx.trx);
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
  const access = await householdAccess(ctx, householdId);
  const openCase = access.levels.length > 0 ? await findOpenCaseOf(ctx, householdId) : undefined;
  if (!openCase) throw notFound("Dit huishouden heeft geen lopende aanvraag die u kunt inzien.");
  if (!(await mayRoute(ctx, access))) {
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
  await assertSharingAllowed(ctx, {
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
    },
  });
  return { id, caseId: openCase.id, organisationId: input.organisationId, userId: input.userId ?? null };
}
