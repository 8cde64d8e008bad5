import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";

export function listTeams(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("team as t")
    .select([
      "t.id",
      "t.name",
      "t.model",
      "t.areaCodes",
      sql<number>`(select count(*) from team_membership m where m.municipality_id = t.municipality_id and m.team_id = t.id)::int`.as(
        "memberCount",
      ),
    ])
    .orderBy("t.name")
    .execute();
}

export function findTeam(ctx: RequestContext, id: string) {
  return ctx.trx
    .selectFrom("team")
    .select(["id", "name", "model", "areaCodes"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export function listMembers(ctx: RequestContext, teamId: string) {
  return ctx.trx
    .selectFrom("teamMembership as m")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "m.municipalityId").onRef("u.id", "=", "m.userId"),
    )
    .innerJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "m.municipalityId").onRef("o.id", "=", "m.organisationId"),
    )
    .select([
      "m.userId",
      "u.displayName",
      "u.role",
      "m.organisationId",
      "o.name as organisationName",
      "m.hoursPerWeek",
      "m.expertise",
      "m.office",
    ])
    .where("m.teamId", "=", teamId)
    .orderBy("u.displayName")
    .execute();
}

export function insertTeam(
  ctx: RequestContext,
  input: { name: string; model: "integrated" | "frontBackOffice" | "network"; areaCodes: string[] },
) {
  return ctx.trx
    .insertInto("team")
    .values({
      municipalityId: ctx.actor.municipalityId,
      name: input.name.trim(),
      model: input.model,
      areaCodes: input.areaCodes,
    })
    .returning(["id", "name", "model", "areaCodes"])
    .executeTakeFirstOrThrow();
}

export function insertMembership(
  ctx: RequestContext,
  teamId: string,
  input: {
    userId: string;
    organisationId: string;
    hoursPerWeek: number;
    expertise: string[];
    office: "front" | "back" | null;
  },
) {
  return ctx.trx
    .insertInto("teamMembership")
    .values({
      municipalityId: ctx.actor.municipalityId,
      userId: input.userId,
      organisationId: input.organisationId,
      hoursPerWeek: input.hoursPerWeek,
      expertise: input.expertise,
      office: input.office,
      teamId,
    })
    .execute();
}
