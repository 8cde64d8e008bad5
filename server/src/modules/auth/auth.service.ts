import type { Kysely } from "kysely";
import type { AuditInput } from "../../platform/audit/actions.ts";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import {
  ACCOUNT,
  ACCOUNT_ADDRESS,
  ACCOUNT_LOCK_MINUTES,
  ADDRESS,
} from "../../platform/auth/login-throttle.ts";
import { verifyPassword } from "../../platform/auth/password.ts";
import type { SecretBox } from "../../platform/auth/secret-box.ts";
import { NOTICES, noticeToAdministrators, noticeToUser } from "../../platform/auth/security-notice.ts";
import { createSession, endSession, type SessionState } from "../../platform/auth/sessions.ts";
import { Throttle } from "../../platform/auth/throttle.ts";
import type { DB } from "../../platform/db/schema.ts";
import { inDutchTime, RetryLaterError, unauthorized } from "../../platform/http/errors.ts";

export interface AuthDeps {
  db: Kysely<DB>;
  secrets: SecretBox;
  afterAudit: () => void;
  /** Shared counters in the database: every instance sees the same failures. */
  throttle: Throttle;
}

export function createAuthDeps(
  db: Kysely<DB>,
  secrets: SecretBox,
  afterAudit: () => void,
  serverSecret: string,
): AuthDeps {
  return {
    db,
    secrets,
    afterAudit,
    throttle: new Throttle(db, serverSecret),
  };
}

const WRONG = () => unauthorized("invalidCredentials", "Gebruikersnaam of wachtwoord is onjuist.");
export const TOO_SOON = (seconds: number) =>
  new RetryLaterError(
    429,
    "tooManyAttempts",
    `Te veel mislukte pogingen. Probeer het over ${inDutchTime(seconds)} opnieuw.`,
    seconds,
  );
const LOCKED = (seconds: number) =>
  new RetryLaterError(
    423,
    "accountLocked",
    `Dit account is tijdelijk geblokkeerd na heel veel mislukte pogingen. Probeer het over ${inDutchTime(seconds)} opnieuw.`,
    seconds,
  );

export type LoginStatus = "ok" | "mfaRequired" | "mfaSetupRequired";

export type Who = { municipalityId: string; userId: string; role: string; organisationId: string | null };

export async function audit(deps: AuthDeps, who: Who, clientIp: string | null, event: AuditInput) {
  await recordSystemAudit(deps.db, who, clientIp, event);
  deps.afterAudit();
}

async function findAccount(deps: AuthDeps, username: string) {
  return deps.db
    .selectFrom("appUser as u")
    .innerJoin("municipality as m", "m.id", "u.municipalityId")
    .select([
      "u.id",
      "u.municipalityId",
      "u.role",
      "u.homeOrganisationId",
      "u.passwordHash",
      "u.disabledAt",
      "u.totpEnabled",
      "m.mfaRequiredRoles",
    ])
    .where("u.username", "=", username)
    .executeTakeFirst();
}

/**
 * Password login. Every step is the same for an existing and an unknown username — the same checks,
 * one password hash, the same answers — so the answers do not tell which accounts exist.
 */
export async function logIn(
  deps: AuthDeps,
  input: { username: string; password: string },
  clientIp: string,
  now = new Date(),
): Promise<{ token: string; status: LoginStatus }> {
  const username = input.username.trim().toLowerCase();
  const pair = `${username}|${clientIp}`;
  const locked = await deps.throttle.wait(ACCOUNT, username, now);
  if (locked > 0) throw LOCKED(locked);
  const wait = Math.max(
    await deps.throttle.wait(ACCOUNT_ADDRESS, pair, now),
    await deps.throttle.wait(ADDRESS, clientIp, now),
  );
  if (wait > 0) throw TOO_SOON(wait);

  const user = await findAccount(deps, username);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid || user.disabledAt) {
    await countFailure(deps, username, pair, clientIp, user, now);
    throw WRONG();
  }
  await deps.throttle.reset(ACCOUNT_ADDRESS, pair);
  const who = {
    municipalityId: user.municipalityId,
    userId: user.id,
    role: user.role,
    organisationId: user.homeOrganisationId,
  };
  const status: LoginStatus = user.totpEnabled
    ? "mfaRequired"
    : user.mfaRequiredRoles.includes(user.role)
      ? "mfaSetupRequired"
      : "ok";
  const token = await createSession(deps.db, user, { mfaPassed: false, clientIp });
  if (status === "ok") {
    await audit(deps, who, clientIp, {
      action: "session.loggedIn",
      resourceType: "user",
      resourceId: user.id,
    });
  }
  return { token, status };
}

type Account = Awaited<ReturnType<typeof findAccount>>;

/** A failed password: slower for this account and address, counted for the address and the account. */
async function countFailure(
  deps: AuthDeps,
  username: string,
  pair: string,
  clientIp: string,
  user: Account,
  now: Date,
) {
  const { failures, waitSeconds } = await deps.throttle.failure(ACCOUNT_ADDRESS, pair, now);
  await deps.throttle.hit(ADDRESS, clientIp, now);
  // The lock falls at exactly the 100th failure within the hour (wait() refuses from then on).
  const { hits: accountFailures } = await deps.throttle.count(ACCOUNT, username, now);
  const lockNow = accountFailures === ACCOUNT.limit;
  if (lockNow) {
    await deps.throttle.block(ACCOUNT, username, new Date(now.getTime() + ACCOUNT_LOCK_MINUTES * 60_000));
  }
  if (!user) return;
  const who = {
    municipalityId: user.municipalityId,
    userId: user.id,
    role: user.role,
    organisationId: user.homeOrganisationId,
  };
  await audit(deps, who, clientIp, {
    action: "session.loginFailed",
    resourceType: "user",
    resourceId: user.id,
    details: { failures, delaySeconds: waitSeconds, disabled: Boolean(user.disabledAt) },
  });
  if (lockNow) {
    await audit(deps, who, clientIp, {
      action: "session.accountLocked",
      resourceType: "user",
      resourceId: user.id,
      details: { minutes: ACCOUNT_LOCK_MINUTES },
    });
    const toUser = NOTICES.accountLocked(ACCOUNT_LOCK_MINUTES);
    await noticeToUser(
      deps.db,
      { municipalityId: user.municipalityId, id: user.id },
      toUser.subject,
      toUser.body,
    );
    const toAdmins = NOTICES.accountLockedForAdministrator(username, ACCOUNT_LOCK_MINUTES);
    await noticeToAdministrators(deps.db, user.municipalityId, toAdmins.subject, toAdmins.body);
  }
}

export function whoOf(session: SessionState): Who {
  const a = session.actor;
  return {
    municipalityId: a.municipalityId,
    userId: a.userId,
    role: a.role,
    organisationId: a.organisationId,
  };
}

export async function logOut(deps: AuthDeps, session: SessionState, clientIp: string) {
  await endSession(deps.db, session.id);
  await audit(deps, whoOf(session), clientIp, {
    action: "session.loggedOut",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
}
