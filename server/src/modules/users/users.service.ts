import { hashPassword, passwordProblem } from "../../platform/auth/password.ts";
import type { RequestContext } from "../../platform/context.ts";
import { badRequest, conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { organisationExists } from "../organisations/organisations.repository.ts";
import { findUser, insertUser, listUsers, setDisabled, usernameTaken } from "./users.repository.ts";

export async function getUsers(ctx: RequestContext) {
  const items = await listUsers(ctx);
  await ctx.audit({ action: "user.listed", resourceType: "user", details: { count: items.length } });
  return { items };
}

export async function createUser(
  ctx: RequestContext,
  input: {
    username: string;
    displayName: string;
    email?: string | null;
    role: string;
    password: string;
    homeOrganisationId?: string | null;
  },
) {
  const problem = passwordProblem(input.password);
  if (problem) throw badRequest("weakPassword", problem);
  const username = input.username.toLowerCase();
  if (await usernameTaken(ctx, username))
    throw conflict("usernameTaken", "Deze gebruikersnaam is al in gebruik.");
  const homeOrganisationId = input.homeOrganisationId ?? null;
  if (homeOrganisationId && !(await organisationExists(ctx, homeOrganisationId))) {
    throw unprocessable("unknownOrganisation", "Deze organisatie bestaat niet.");
  }
  const { id } = await insertUser(ctx, {
    username,
    displayName: input.displayName.trim(),
    email: input.email ?? null,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    homeOrganisationId,
  });
  await ctx.audit({
    action: "user.created",
    resourceType: "user",
    resourceId: id,
    details: { role: input.role },
  });
  const user = await findUser(ctx, id);
  if (!user) throw notFound();
  return user;
}

/** Disabling ends the user's sessions at once: every request re-reads the account state. */
export async function changeUserDisabled(ctx: RequestContext, id: string, disabled: boolean) {
  if (disabled && id === ctx.actor.userId)
    throw badRequest("cannotDisableSelf", "U kunt uw eigen account niet uitzetten.");
  const result = await setDisabled(ctx, id, disabled);
  if (result.numUpdatedRows === 0n) throw notFound("Deze gebruiker bestaat niet.");
  await ctx.audit({
    action: disabled ? "user.disabled" : "user.enabled",
    resourceType: "user",
    resourceId: id,
  });
  const user = await findUser(ctx, id);
  if (!user) throw notFound("Deze gebruiker bestaat niet.");
  return user;
}
