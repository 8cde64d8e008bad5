import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden } from "../../platform/http/errors.ts";

/**
 * Who and what a member can put into a conference of their team: the team's members, the professionals
 * and partners outside the team who can be invited, and the households with an open case of this team
 * that the member knows in full (only those may be brought in).
 */
export async function listConferenceCandidates(ctx: RequestContext, teamId: string) {
  if (!ctx.actor.teamIds.includes(teamId) || !["professional", "teamLead"].includes(ctx.actor.role))
    throw forbidden("U kunt alleen een casusoverleg voorbereiden voor een team waarvan u lid bent.");
  const members = await ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "m.municipalityId").onRef("o.id", "=", "m.organisationId"),
    )
    .select(["u.id as userId", "u.displayName as name", "u.role", "o.name as organisationName"])
    .where("m.teamId", "=", teamId)
    .where("u.disabledAt", "is", null)
    .orderBy("u.displayName")
    .execute();
  const memberIds = members.map((m) => m.userId);
  const invitable = await ctx.trx
    .selectFrom("appUser as u")
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "u.municipalityId").onRef("o.id", "=", "u.homeOrganisationId"),
    )
    .select(["u.id as userId", "u.displayName as name", "u.role", "o.name as organisationName"])
    .where("u.role", "in", ["partner", "professional", "teamLead"])
    .where("u.disabledAt", "is", null)
    .$if(memberIds.length > 0, (q) => q.where("u.id", "not in", memberIds))
    .orderBy("u.displayName")
    .execute();
  const households = await sql<{ householdId: string; name: string }>`
    select h.id as household_id, h.name
    from household h
    join household_access a on a.municipality_id = h.municipality_id and a.household_id = h.id
      and a.user_id = ${ctx.actor.userId}::uuid and a.level = any (app_access_group('share'))
      and a.valid_from <= now() and a.valid_until > now()
    where exists (select 1 from case_file c where c.municipality_id = h.municipality_id
                    and c.household_id = h.id and c.team_id = ${teamId}::uuid and c.status <> 'closed')
    order by h.name
    limit 200`.execute(ctx.trx);
  await ctx.audit({
    action: "conference.candidatesListed",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { households: households.rows.length },
  });
  return { members, invitable, households: households.rows };
}
