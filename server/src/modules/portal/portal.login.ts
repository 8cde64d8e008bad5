import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { AuditInput } from "../../platform/audit/actions.ts";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import { Throttle, type WindowLimit } from "../../platform/auth/throttle.ts";
import type { DB } from "../../platform/db/schema.ts";
import { AppError, unauthorized } from "../../platform/http/errors.ts";
import { queueLoginCode } from "./portal.outbox.ts";

export const CODE_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

export interface CodeLoginDeps {
  db: Kysely<DB>;
  /** Keys the code hashes, so a copy of the table does not reveal codes by trying all million. */
  secret: string;
  afterAudit: () => void;
  /** Shared counters in the database (every app instance sees the same). */
  throttle: Throttle;
}

export function createCodeLoginDeps(db: Kysely<DB>, secret: string, afterAudit: () => void): CodeLoginDeps {
  return {
    db,
    secret,
    afterAudit,
    throttle: new Throttle(db, secret),
  };
}

/** Code requests and failed code logins per client address; code requests per account name. */
const PER_ADDRESS: WindowLimit = { name: "portal:address", limit: 30, windowMs: 15 * 60_000 };
const PER_NAME: WindowLimit = { name: "portal:name", limit: 5, windowMs: 15 * 60_000 };

const tooMany = () =>
  new AppError(
    429,
    "tooManyAttempts",
    "U heeft te vaak geprobeerd in te loggen. Wacht 15 minuten en probeer het opnieuw.",
  );

export function hashCode(secret: string, userId: string, code: string): string {
  return createHmac("sha256", secret).update(`${userId}:${code}`).digest("hex");
}

async function findResidentAccount(db: Kysely<DB>, username: string) {
  return db
    .selectFrom("appUser as u")
    .innerJoin("residentAccount as a", (j) =>
      j.onRef("a.municipalityId", "=", "u.municipalityId").onRef("a.userId", "=", "u.id"),
    )
    .select(["u.id", "u.municipalityId", "u.role", "u.homeOrganisationId", "u.disabledAt"])
    .where("u.username", "=", username.trim().toLowerCase())
    .where("u.role", "=", "resident")
    .executeTakeFirst();
}

type Account = NonNullable<Awaited<ReturnType<typeof findResidentAccount>>>;

async function audit(deps: CodeLoginDeps, user: Account, clientIp: string, event: AuditInput) {
  await recordSystemAudit(
    deps.db,
    {
      municipalityId: user.municipalityId,
      userId: user.id,
      role: user.role,
      organisationId: user.homeOrganisationId,
    },
    clientIp,
    event,
  );
  deps.afterAudit();
}

/**
 * Sends a one-time code to a resident account. The answer is the same whether the account exists or
 * not, so the form cannot be used to find out who is a client of the team.
 */
export async function requestLoginCode(
  deps: CodeLoginDeps,
  username: string,
  clientIp: string,
  now = new Date(),
) {
  const key = username.trim().toLowerCase();
  if (
    (await deps.throttle.hit(PER_ADDRESS, clientIp, now)) > 0 ||
    (await deps.throttle.hit(PER_NAME, key, now)) > 0
  )
    throw tooMany();
  const user = await findResidentAccount(deps.db, key);
  if (!user || user.disabledAt) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await deps.db.transaction().execute(async (trx) => {
    // A new code replaces any earlier one that was not used yet.
    await trx
      .updateTable("oneTimeCode")
      .set({ expiresAt: now })
      .where("municipalityId", "=", user.municipalityId)
      .where("userId", "=", user.id)
      .where("usedAt", "is", null)
      .where("expiresAt", ">", now)
      .execute();
    await trx
      .insertInto("oneTimeCode")
      .values({
        municipalityId: user.municipalityId,
        userId: user.id,
        codeHash: hashCode(deps.secret, user.id, code),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
        createdAt: now,
      })
      .execute();
    await queueLoginCode(trx, user.municipalityId, user.id, code);
  });
  await audit(deps, user, clientIp, {
    action: "portal.codeRequested",
    resourceType: "user",
    resourceId: user.id,
  });
}

type Refusal = "invalidCode" | "codeExpired" | "codeUsed" | "tooManyAttempts";
const REFUSALS: Record<Refusal, () => AppError> = {
  invalidCode: () =>
    unauthorized("invalidCode", "Deze code klopt niet. Controleer de code en probeer het opnieuw."),
  codeExpired: () =>
    unauthorized(
      "codeExpired",
      "Deze code is verlopen. Een code werkt 10 minuten. Vraag een nieuwe code aan.",
    ),
  codeUsed: () => unauthorized("codeUsed", "Deze code is al gebruikt. Vraag een nieuwe code aan."),
  tooManyAttempts: () =>
    new AppError(
      429,
      "tooManyAttempts",
      "U heeft te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.",
    ),
};

/** Logs in with the latest code: single use, 10 minutes, at most five tries. Every refusal is audited. */
export async function logInWithCode(
  deps: CodeLoginDeps,
  input: { username: string; code: string },
  clientIp: string,
  now = new Date(),
): Promise<string> {
  if ((await deps.throttle.wait(PER_ADDRESS, clientIp, now)) > 0) throw tooMany();
  const user = await findResidentAccount(deps.db, input.username);
  if (!user || user.disabledAt) {
    await deps.throttle.hit(PER_ADDRESS, clientIp, now);
    throw REFUSALS.invalidCode();
  }
  const refuse = async (reason: Refusal): Promise<never> => {
    await deps.throttle.hit(PER_ADDRESS, clientIp, now);
    await audit(deps, user, clientIp, {
      action: "portal.codeRefused",
      resourceType: "user",
      resourceId: user.id,
      details: { reason },
    });
    throw REFUSALS[reason]();
  };
  const latest = await deps.db
    .selectFrom("oneTimeCode")
    .select(["id", "codeHash", "expiresAt", "usedAt", "attempts"])
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!latest) return refuse("invalidCode");
  const given = Buffer.from(hashCode(deps.secret, user.id, input.code.trim()));
  const matches = timingSafeEqual(given, Buffer.from(latest.codeHash));
  if (latest.usedAt) return refuse(matches ? "codeUsed" : "invalidCode");
  if (latest.attempts >= MAX_CODE_ATTEMPTS) return refuse("tooManyAttempts");
  if (latest.expiresAt <= now) return refuse("codeExpired");
  if (!matches) {
    await deps.db
      .updateTable("oneTimeCode")
      .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
      .where("municipalityId", "=", user.municipalityId)
      .where("id", "=", latest.id)
      .execute();
    return refuse(latest.attempts + 1 >= MAX_CODE_ATTEMPTS ? "tooManyAttempts" : "invalidCode");
  }
  // Single use even when two requests race: only one update finds the code unused.
  const claimed = await deps.db
    .updateTable("oneTimeCode")
    .set({ usedAt: now })
    .where("municipalityId", "=", user.municipalityId)
    .where("id", "=", latest.id)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return refuse("codeUsed");
  // The code is the second factor: it proves access to the resident's own e-mail.
  const token = await createSession(deps.db, user, { mfaPassed: true, clientIp });
  await audit(deps, user, clientIp, {
    action: "session.loggedIn",
    resourceType: "user",
    resourceId: user.id,
    details: { method: "oneTimeCode" },
  });
  return token;
}
