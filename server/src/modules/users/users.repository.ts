import type { RequestContext } from "../../platform/context.ts";

function userQuery(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("appUser as u")
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "u.municipalityId").onRef("o.id", "=", "u.homeOrganisationId"),
    )
    .select([
      "u.id",
      "u.username",
      "u.displayName",
      "u.email",
      "u.role",
      "u.homeOrganisationId",
      "o.name as homeOrganisationName",
      "u.disabledAt",
      "u.totpEnabled",
    ]);
}

function present(row: Awaited<ReturnType<ReturnType<typeof userQuery>["executeTakeFirstOrThrow"]>>) {
  const { disabledAt, totpEnabled, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null, mfaEnabled: totpEnabled };
}

export async function listUsers(ctx: RequestContext) {
  return (await userQuery(ctx).orderBy("u.displayName").execute()).map(present);
}

export async function findUser(ctx: RequestContext, id: string) {
  const row = await userQuery(ctx).where("u.id", "=", id).executeTakeFirst();
  return row && present(row);
}

export async function usernameTaken(ctx: RequestContext, username: string) {
  // Usernames are unique across municipalities; the check runs in the database (unique index).
  return ctx.trx.selectFrom("appUser").select("id").where("username", "=", username).executeTakeFirst();
}

export function insertUser(
  ctx: RequestContext,
  input: {
    username: string;
    displayName: string;
    email: string | null;
    role: string;
    passwordHash: string | null;
    homeOrganisationId: string | null;
  },
) {
  return ctx.trx
    .insertInto("appUser")
    .values({
      municipalityId: ctx.actor.municipalityId,
      ...input,
      oidcSubject: null,
      totpSecret: null,
      lockedUntil: null,
      disabledAt: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function setDisabled(ctx: RequestContext, id: string, disabled: boolean) {
  return ctx.trx
    .updateTable("appUser")
    .set({ disabledAt: disabled ? ctx.now : null })
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Two-step verification off and its secrets and recovery codes gone (an administrator's reset). */
export async function clearMfa(ctx: RequestContext, id: string) {
  const result = await ctx.trx
    .updateTable("appUser")
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabled: false, totpLastStep: 0 })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", id)
    .where("role", "!=", "resident")
    .executeTakeFirst();
  await ctx.trx
    .deleteFrom("mfaRecoveryCode")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("userId", "=", id)
    .execute();
  return result.numUpdatedRows > 0n;
}
