import { issuePasswordSetup } from "../../platform/auth/password-setup.ts";
import { NOTICES } from "../../platform/auth/security-notice.ts";
import type { RequestContext } from "../../platform/context.ts";
import { badRequest, conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { organisationExists } from "../organisations/organisations.repository.ts";
import { clearMfa, findUser, insertUser, listUsers, setDisabled, usernameTaken } from "./users.repository.ts";

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
    homeOrganisationId?: string | null;
  },
  publicUrl?: string,
) {
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
    // An administrator never chooses someone's password: the user sets it with a one-time link.
    passwordHash: null,
    homeOrganisationId,
  });
  await ctx.audit({
    action: "user.created",
    resourceType: "user",
    resourceId: id,
    details: { role: input.role },
  });
  if (input.email && input.role !== "resident") await sendPasswordSetup(ctx, id, publicUrl);
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

/** A new one-time link for the user to choose a password (e-mailed through the outbox). */
export async function sendPasswordSetup(ctx: RequestContext, id: string, publicUrl?: string) {
  const user = await findUser(ctx, id);
  if (!user) throw notFound("Deze gebruiker bestaat niet.");
  if (!user.email)
    throw unprocessable("noEmail", "Deze gebruiker heeft geen e-mailadres. Vul dat eerst in.", {
      field: "email",
    });
  if (user.role === "resident")
    throw badRequest(
      "residentAccount",
      "Inwoners loggen in met een eenmalige code, niet met een wachtwoord.",
    );
  const options = publicUrl ? { publicUrl, now: ctx.now } : { now: ctx.now };
  const { expiresAt } = await issuePasswordSetup(
    ctx.trx,
    { municipalityId: ctx.actor.municipalityId, userId: id, requestedByUserId: ctx.actor.userId },
    options,
  );
  return { expiresAt: expiresAt.toISOString() };
}

/**
 * The administrator resets a user's two-step verification (a lost phone and no recovery codes): it
 * is switched off with its secrets and codes; the user is told and sets it up at the next login (the
 * route ends their sessions).
 */
export async function resetUserMfa(ctx: RequestContext, id: string) {
  if (id === ctx.actor.userId)
    throw badRequest("cannotResetSelf", "Uw eigen tweestapsverificatie verandert u onder 'Mijn account'.");
  if (!(await clearMfa(ctx, id))) throw notFound("Deze gebruiker bestaat niet.");
  await ctx.audit({ action: "user.mfaReset", resourceType: "user", resourceId: id });
  const notice = NOTICES.mfaReset();
  await ctx.trx
    .insertInto("outboxMessage")
    .values({
      municipalityId: ctx.actor.municipalityId,
      recipientUserId: id,
      kind: "securityNotice",
      subject: notice.subject,
      body: notice.body,
    })
    .execute();
  const user = await findUser(ctx, id);
  if (!user) throw notFound("Deze gebruiker bestaat niet.");
  return user;
}
