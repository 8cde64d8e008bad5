import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";

export function listOrganisations(ctx: RequestContext) {
  return ctx.trx.selectFrom("organisation").select(["id", "name", "type"]).orderBy("name").execute();
}

/** Whether the municipality already has an organisation of this name, ignoring case (index of 0024). */
export async function organisationNamed(ctx: RequestContext, name: string): Promise<boolean> {
  const row = await ctx.trx
    .selectFrom("organisation")
    .select("id")
    .where(sql<string>`lower(name)`, "=", name.trim().toLowerCase())
    .executeTakeFirst();
  return Boolean(row);
}

export function insertOrganisation(ctx: RequestContext, input: { name: string; type: string }) {
  return ctx.trx
    .insertInto("organisation")
    .values({ municipalityId: ctx.actor.municipalityId, name: input.name.trim(), type: input.type })
    .returning(["id", "name", "type"])
    .executeTakeFirstOrThrow();
}

export async function organisationExists(ctx: RequestContext, id: string): Promise<boolean> {
  const row = await ctx.trx.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst();
  return Boolean(row);
}
