import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";

const USERNAME = /^[a-z0-9._@-]{3,100}$/;

export interface ResidentAccountInput {
  residentId: string;
  username: string;
  email: string;
  oidcSubject?: string | null;
}

/** The members of a household the user sees, each with their portal account if they have one. */
export async function householdAccounts(ctx: RequestContext, householdId: string) {
  const rows = await ctx.trx
    .selectFrom("householdMember as m")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
    )
    .leftJoin("residentAccount as a", (j) =>
      j.onRef("a.municipalityId", "=", "m.municipalityId").onRef("a.residentId", "=", "m.residentId"),
    )
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "a.municipalityId").onRef("u.id", "=", "a.userId"),
    )
    .select([
      "m.residentId",
      "r.givenName",
      "r.familyName",
      "u.id",
      "u.username",
      "u.oidcSubject",
      "a.linkedAt",
    ])
    .where("m.municipalityId", "=", ctx.actor.municipalityId)
    .where("m.householdId", "=", householdId)
    .orderBy("r.givenName")
    .execute();
  return rows.map((r) => ({
    residentId: r.residentId,
    name: `${r.givenName} ${r.familyName}`,
    account:
      r.id && r.username && r.linkedAt
        ? {
            userId: r.id,
            username: r.username,
            oidcLinked: r.oidcSubject !== null,
            linkedAt: new Date(r.linkedAt).toISOString(),
          }
        : null,
  }));
}

async function assertFreeOidcSubject(ctx: RequestContext, subject: string) {
  const taken = await ctx.trx
    .selectFrom("appUser")
    .select("id")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("oidcSubject", "=", subject)
    .executeTakeFirst();
  if (taken)
    throw conflict("oidcSubjectTaken", "Dit DigiD-/inlogkenmerk hoort al bij een ander account.", {
      field: "oidcSubject",
    });
}

/**
 * A case lead gives a household member a portal account (login by one-time code to the e-mail address,
 * or through the municipality's identity provider once an OIDC subject is linked).
 */
export async function createResidentAccount(
  ctx: RequestContext,
  householdId: string,
  input: ResidentAccountInput,
) {
  const member = await ctx.trx
    .selectFrom("householdMember as m")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
    )
    .select(["r.id", "r.givenName", "r.familyName"])
    .where("m.municipalityId", "=", ctx.actor.municipalityId)
    .where("m.householdId", "=", householdId)
    .where("m.residentId", "=", input.residentId)
    .executeTakeFirst();
  if (!member) throw notFound("Deze inwoner hoort niet bij een huishouden dat u mag zien.");
  await assertHouseholdAction(ctx, householdId, "linkPortalAccount");
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw unprocessable(
      "invalidUsername",
      "Een gebruikersnaam heeft 3 tot 100 tekens: kleine letters, cijfers, punt, streepje, @ of _.",
      { field: "username" },
    );
  }
  const existing = await ctx.trx
    .selectFrom("residentAccount")
    .select("userId")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("residentId", "=", input.residentId)
    .executeTakeFirst();
  if (existing) throw conflict("accountExists", "Deze inwoner heeft al een account voor het portaal.");
  const taken = await ctx.trx
    .selectFrom("appUser")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (taken)
    throw conflict("usernameTaken", "Deze gebruikersnaam is al in gebruik. Kies een andere.", {
      field: "username",
    });
  const oidcSubject = input.oidcSubject?.trim() || null;
  if (oidcSubject) await assertFreeOidcSubject(ctx, oidcSubject);
  const userId = randomUUID();
  await ctx.trx
    .insertInto("appUser")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id: userId,
      username,
      displayName: `${member.givenName} ${member.familyName}`,
      email: input.email.trim(),
      role: "resident",
      homeOrganisationId: null,
      passwordHash: null,
      totpSecret: null,
      oidcSubject,
      lockedUntil: null,
      disabledAt: null,
    })
    .execute();
  await ctx.trx
    .insertInto("residentAccount")
    .values({
      municipalityId: ctx.actor.municipalityId,
      userId,
      residentId: input.residentId,
      linkedByUserId: ctx.actor.userId,
      linkedAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "portal.accountLinked",
    resourceType: "user",
    resourceId: userId,
    householdId,
    residentId: input.residentId,
    details: { oidc: oidcSubject !== null },
  });
  return { userId, username };
}

/** Resident accounts of the municipality, for the administrator (no dossier data: account fields only). */
export async function listResidentAccounts(ctx: RequestContext) {
  const rows = await ctx.trx
    .selectFrom("appUser")
    .select(["id", "username", "displayName", "oidcSubject", "createdAt"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("role", "=", "resident")
    .orderBy("username")
    .limit(500)
    .execute();
  await ctx.audit({ action: "user.listed", resourceType: "user", details: { role: "resident" } });
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.displayName,
    oidcLinked: r.oidcSubject !== null,
    linkedAt: new Date(r.createdAt).toISOString(),
  }));
}

/** The household a resident's portal account belongs to, as the user may see it (404 otherwise). */
async function accountHousehold(ctx: RequestContext, userId: string) {
  const account = await ctx.trx
    .selectFrom("residentAccount as a")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "a.municipalityId").onRef("m.residentId", "=", "a.residentId"),
    )
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "a.municipalityId").onRef("u.id", "=", "a.userId"),
    )
    .select(["a.userId", "a.residentId", "m.householdId", "u.oidcSubject"])
    .where("a.userId", "=", userId)
    .where("u.role", "=", "resident")
    .executeTakeFirst();
  if (!account)
    throw notFound("Dit account van een inwoner bestaat niet of u heeft geen toegang tot het dossier.");
  await assertHouseholdAction(ctx, account.householdId, "linkPortalAccount");
  return account;
}

/**
 * Links the subject the municipality's identity provider gives this resident (login with DigiD through
 * OIDC). Only someone who works in the resident's household does it; an existing link is never replaced
 * silently: it is unlinked first, and the resident is told.
 */
export async function linkOidcSubject(ctx: RequestContext, userId: string, rawSubject: string) {
  const subject = rawSubject.trim();
  if (!subject) throw unprocessable("required", "Vul het inlogkenmerk in.", { field: "oidcSubject" });
  const account = await accountHousehold(ctx, userId);
  if (account.oidcSubject === subject) return { userId, oidcLinked: true };
  if (account.oidcSubject !== null)
    throw conflict(
      "oidcAlreadyLinked",
      "Dit account is al gekoppeld aan een inlogkenmerk. Ontkoppel het eerst (de inwoner krijgt daarvan bericht) en koppel dan het nieuwe.",
      { field: "oidcSubject" },
    );
  await assertFreeOidcSubject(ctx, subject);
  await ctx.trx.updateTable("appUser").set({ oidcSubject: subject }).where("id", "=", userId).execute();
  await ctx.audit({
    action: "portal.accountLinked",
    resourceType: "user",
    resourceId: userId,
    householdId: account.householdId,
    residentId: account.residentId,
    details: { oidc: true },
  });
  await noticeAccountChanged(ctx, userId);
  return { userId, oidcLinked: true };
}

/** Removes the link to the identity provider; the resident is told by e-mail. */
export async function unlinkOidcSubject(ctx: RequestContext, userId: string) {
  const account = await accountHousehold(ctx, userId);
  if (account.oidcSubject === null) return { userId, oidcLinked: false };
  await ctx.trx.updateTable("appUser").set({ oidcSubject: null }).where("id", "=", userId).execute();
  await ctx.audit({
    action: "portal.accountUnlinked",
    resourceType: "user",
    resourceId: userId,
    householdId: account.householdId,
    residentId: account.residentId,
    details: { oidc: false },
  });
  await noticeAccountChanged(ctx, userId);
  return { userId, oidcLinked: false };
}

/** A notice without personal details: the login of their account changed, and whom to call if it was not them. */
async function noticeAccountChanged(ctx: RequestContext, userId: string) {
  await ctx.trx
    .insertInto("outboxMessage")
    .values({
      municipalityId: ctx.actor.municipalityId,
      recipientUserId: userId,
      kind: "accountChanged",
      subject: "Inloggen bij Wijkwerk is gewijzigd",
      body: "De manier waarop u inlogt bij het inwonersportaal is gewijzigd. Heeft u hier niet om gevraagd? Neem dan contact op met uw regiehouder.",
    })
    .execute();
}

/** Ends an authorisation now; from this moment the representative is refused (and that is audited). */
export async function revokeRepresentation(
  ctx: RequestContext,
  householdId: string,
  representationId: string,
) {
  const found = await ctx.trx
    .selectFrom("representation")
    .select(["id", "representedResidentId", "revokedAt"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .where("id", "=", representationId)
    .executeTakeFirst();
  if (!found) throw notFound("Deze machtiging bestaat niet of u mag haar niet zien.");
  if (found.revokedAt) throw conflict("alreadyRevoked", "Deze machtiging is al ingetrokken.");
  await ctx.trx
    .updateTable("representation")
    .set({ revokedAt: ctx.now })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", representationId)
    .where("revokedAt", "is", null)
    .execute();
  await ctx.audit({
    action: "representation.revoked",
    resourceType: "representation",
    resourceId: representationId,
    householdId,
    residentId: found.representedResidentId,
  });
  return { id: representationId, revokedAt: ctx.now.toISOString() };
}
