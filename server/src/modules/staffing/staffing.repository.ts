import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { HalfDay, Member, Norm } from "./staffing.rules.ts";

export async function listTeamMembers(
  ctx: RequestContext,
  teamId?: string,
): Promise<(Member & { teamId: string })[]> {
  let q = ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .innerJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "m.municipalityId").onRef("o.id", "=", "m.organisationId"),
    )
    .select([
      "m.teamId",
      "m.userId",
      "u.displayName",
      "m.organisationId",
      "o.name as organisationName",
      "m.hoursPerWeek",
      "m.expertise",
    ])
    .orderBy("u.displayName");
  if (teamId) q = q.where("m.teamId", "=", teamId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, hoursPerWeek: Number(r.hoursPerWeek) }));
}

export async function findNorm(ctx: RequestContext, teamId: string): Promise<Norm | null> {
  const row = await ctx.trx
    .selectFrom("teamStaffingNorm")
    .select(["peoplePerHalfDay", "hoursPerWeek", "hoursPerHalfDay"])
    .where("teamId", "=", teamId)
    .executeTakeFirst();
  return row
    ? {
        peoplePerHalfDay: row.peoplePerHalfDay,
        hoursPerWeek: Number(row.hoursPerWeek),
        hoursPerHalfDay: Number(row.hoursPerHalfDay),
      }
    : null;
}

export async function upsertNorm(ctx: RequestContext, teamId: string, norm: Norm) {
  await ctx.trx
    .insertInto("teamStaffingNorm")
    .values({ municipalityId: ctx.actor.municipalityId, teamId, ...norm, updatedByUserId: ctx.actor.userId })
    .onConflict((oc) =>
      oc.columns(["municipalityId", "teamId"]).doUpdateSet({
        peoplePerHalfDay: sql`excluded.people_per_half_day`,
        hoursPerWeek: sql`excluded.hours_per_week`,
        hoursPerHalfDay: sql`excluded.hours_per_half_day`,
        updatedByUserId: sql`excluded.updated_by_user_id`,
        updatedAt: sql`now()`,
      }),
    )
    .execute();
}

export function listSlots(ctx: RequestContext, teamId: string) {
  return ctx.trx
    .selectFrom("staffingRosterSlot")
    .select(["userId", "weekday", "halfDay"])
    .where("teamId", "=", teamId)
    .orderBy("weekday")
    .orderBy("halfDay", "desc")
    .execute();
}

export async function replaceSlots(
  ctx: RequestContext,
  teamId: string,
  slots: { userId: string; weekday: number; halfDay: HalfDay }[],
) {
  await ctx.trx.deleteFrom("staffingRosterSlot").where("teamId", "=", teamId).execute();
  if (slots.length === 0) return;
  await ctx.trx
    .insertInto("staffingRosterSlot")
    .values(slots.map((s) => ({ municipalityId: ctx.actor.municipalityId, teamId, ...s })))
    .execute();
}

/** ZRM domains at level 1–2 in the team's open cases, as counts (function of migration 0005). */
export async function teamDomainNeeds(ctx: RequestContext, teamId: string) {
  const { rows } = await sql<{ domain: string; households: number | string }>`
    select domain, households from app_team_domain_needs(${teamId}::uuid)`.execute(ctx.trx);
  return rows.map((r) => ({ domain: r.domain, count: Number(r.households) }));
}
