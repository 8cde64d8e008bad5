import type { RequestContext } from "../../platform/context.ts";

export function listOrganisations(ctx: RequestContext) {
  return ctx.trx.selectFrom("organisation").select(["id", "name", "type"]).orderBy("name").execute();
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
