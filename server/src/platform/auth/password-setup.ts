import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { recordSystemAudit } from "../audit/system-audit.ts";
import { publicUrlFrom } from "../config.ts";
import type { DB } from "../db/schema.ts";
import { AppError, notFound } from "../http/errors.ts";
import { hashPassword, passwordProblem } from "./password.ts";
import { endUserSessions } from "./sessions.ts";

/**
 * One-time set-password links (issue 18): an administrator — or municipality onboarding — never
 * chooses a password for someone else; the user gets a link and chooses it. The token is 256 random
 * bits, stored as its SHA-256, valid for SETUP_HOURS and once; a new link makes older ones invalid.
 * The link travels in the URL's fragment (#…), which browsers do not send to the server or in a
 * Referer, so it stays out of logs.
 */
export const SETUP_HOURS = 24;
export const SETUP_PATH = "/wachtwoord-instellen";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface PasswordSetupRequest {
  municipalityId: string;
  userId: string;
  /** The administrator who asked; null for the system (e.g. onboarding a new municipality). */
  requestedByUserId: string | null;
}

/**
 * Issues a link for the user and queues it as e-mail in the outbox (the mail relay sends it). Works
 * with the application login (platform code) and inside an administrator's request transaction.
 */
export async function issuePasswordSetup(
  db: Kysely<DB>,
  request: PasswordSetupRequest,
  options: { publicUrl?: string; now?: Date } = {},
): Promise<{ expiresAt: Date }> {
  const now = options.now ?? new Date();
  const user = await db
    .selectFrom("appUser")
    .select(["id", "username", "disabledAt"])
    .where("municipalityId", "=", request.municipalityId)
    .where("id", "=", request.userId)
    .executeTakeFirst();
  if (!user) throw notFound("Deze gebruiker bestaat niet.");
  if (user.disabledAt)
    throw new AppError(409, "userDisabled", "Deze gebruiker staat uit. Zet het account eerst weer aan.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SETUP_HOURS * 3_600_000);
  await db
    .updateTable("passwordSetupToken")
    .set({ expiresAt: now })
    .where("municipalityId", "=", request.municipalityId)
    .where("userId", "=", request.userId)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .execute();
  await db
    .insertInto("passwordSetupToken")
    .values({
      municipalityId: request.municipalityId,
      tokenHash: tokenHash(token),
      userId: request.userId,
      requestedByUserId: request.requestedByUserId,
      createdAt: now,
      expiresAt,
    })
    .execute();
  const link = `${options.publicUrl ?? publicUrlFrom()}${SETUP_PATH}#${token}`;
  await db
    .insertInto("outboxMessage")
    .values({
      municipalityId: request.municipalityId,
      recipientUserId: request.userId,
      kind: "passwordSetup",
      subject: "Stel uw wachtwoord in voor Wijkwerk",
      body: `Er is een account voor u klaargezet in Wijkwerk (gebruikersnaam: ${user.username}). Kies uw wachtwoord via deze link: ${link} . De link werkt ${SETUP_HOURS} uur en maar één keer. Heeft u hier niet om gevraagd? Dan hoeft u niets te doen.`,
    })
    .execute();
  const requester = request.requestedByUserId
    ? await db
        .selectFrom("appUser")
        .select(["role", "homeOrganisationId"])
        .where("municipalityId", "=", request.municipalityId)
        .where("id", "=", request.requestedByUserId)
        .executeTakeFirst()
    : undefined;
  await recordSystemAudit(
    db,
    {
      municipalityId: request.municipalityId,
      userId: request.requestedByUserId,
      role: requester?.role ?? null,
      organisationId: requester?.homeOrganisationId ?? null,
    },
    null,
    {
      action: "user.passwordSetupIssued",
      resourceType: "user",
      resourceId: request.userId,
      details: { hours: SETUP_HOURS },
    },
  );
  return { expiresAt };
}

const INVALID = () =>
  new AppError(
    410,
    "linkInvalid",
    "Deze link werkt niet meer: hij is al gebruikt, verlopen of vervangen door een nieuwere. Vraag de functioneel beheerder om een nieuwe link.",
  );

async function findValid(db: Kysely<DB>, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw INVALID();
  const row = await db
    .selectFrom("passwordSetupToken as t")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "t.municipalityId").onRef("u.id", "=", "t.userId"),
    )
    .select([
      "t.municipalityId",
      "t.tokenHash",
      "t.userId",
      "u.username",
      "u.displayName",
      "u.role",
      "u.homeOrganisationId",
    ])
    .where("t.tokenHash", "=", tokenHash(token))
    .where("t.usedAt", "is", null)
    .where("t.expiresAt", ">", now)
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
  if (!row) throw INVALID();
  return row;
}

/** Whose link this is (the page shows the username), without using it up. */
export async function describePasswordSetup(db: Kysely<DB>, token: string, now = new Date()) {
  const row = await findValid(db, token, now);
  return { username: row.username };
}

/** Sets the password with a valid link, uses the link up and ends every session of the account. */
export async function completePasswordSetup(
  db: Kysely<DB>,
  input: { token: string; password: string },
  clientIp: string | null,
  now = new Date(),
): Promise<void> {
  const row = await findValid(db, input.token, now);
  const problem = passwordProblem(input.password, [row.username, row.displayName]);
  if (problem) throw new AppError(422, "weakPassword", problem, { field: "password" });
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("passwordSetupToken")
      .set({ usedAt: now })
      .where("municipalityId", "=", row.municipalityId)
      .where("tokenHash", "=", row.tokenHash)
      .where("usedAt", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) throw INVALID();
    await trx
      .updateTable("appUser")
      .set({ passwordHash, passwordChangedAt: now })
      .where("municipalityId", "=", row.municipalityId)
      .where("id", "=", row.userId)
      .execute();
    await endUserSessions(trx, row.municipalityId, row.userId);
  });
  await recordSystemAudit(
    db,
    {
      municipalityId: row.municipalityId,
      userId: row.userId,
      role: row.role,
      organisationId: row.homeOrganisationId,
    },
    clientIp,
    { action: "session.passwordSet", resourceType: "user", resourceId: row.userId },
  );
}
