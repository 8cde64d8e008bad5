import type { Kysely } from "kysely";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import { verifyPassword } from "../../platform/auth/password.ts";
import { RateLimiter } from "../../platform/auth/rate-limit.ts";
import type { SecretBox } from "../../platform/auth/secret-box.ts";
import { createSession, endSession, markMfaPassed, type SessionState } from "../../platform/auth/sessions.ts";
import { matchTotp, newTotpSecret, totpEnrolment } from "../../platform/auth/totp.ts";
import type { DB } from "../../platform/db/schema.ts";
import { AppError, badRequest, unauthorized } from "../../platform/http/errors.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface AuthDeps {
  db: Kysely<DB>;
  secrets: SecretBox;
  afterAudit: () => void;
  /** Failed attempts per client address (all accounts) and per unknown username. */
  ipLimiter: RateLimiter;
  nameLimiter: RateLimiter;
  codeLimiter: RateLimiter;
}

export function createAuthDeps(db: Kysely<DB>, secrets: SecretBox, afterAudit: () => void): AuthDeps {
  return {
    db,
    secrets,
    afterAudit,
    ipLimiter: new RateLimiter(20, 15 * 60_000),
    nameLimiter: new RateLimiter(MAX_FAILED_LOGINS, LOCKOUT_MINUTES * 60_000),
    codeLimiter: new RateLimiter(5, 15 * 60_000),
  };
}

const WRONG = () => unauthorized("invalidCredentials", "Gebruikersnaam of wachtwoord is onjuist.");
const LOCKED = (minutes: number) =>
  new AppError(
    423,
    "accountLocked",
    `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw.`,
  );

export type LoginStatus = "ok" | "mfaRequired" | "mfaSetupRequired";

export async function logIn(
  deps: AuthDeps,
  input: { username: string; password: string },
  clientIp: string,
  now = new Date(),
): Promise<{ token: string; status: LoginStatus }> {
  const wait = deps.ipLimiter.blocked(clientIp, now.getTime());
  if (wait > 0)
    throw new AppError(
      429,
      "tooManyAttempts",
      "Te veel inlogpogingen vanaf dit adres. Wacht even en probeer het opnieuw.",
    );
  const username = input.username.trim().toLowerCase();
  const user = await deps.db
    .selectFrom("appUser as u")
    .innerJoin("municipality as m", "m.id", "u.municipalityId")
    .select([
      "u.id",
      "u.municipalityId",
      "u.role",
      "u.homeOrganisationId",
      "u.passwordHash",
      "u.failedLogins",
      "u.lockedUntil",
      "u.disabledAt",
      "u.totpEnabled",
      "m.mfaRequiredRoles",
    ])
    .where("u.username", "=", username)
    .executeTakeFirst();

  if (!user) {
    await verifyPassword(null, input.password);
    deps.ipLimiter.hit(clientIp, now.getTime());
    if (deps.nameLimiter.hit(username, now.getTime()) > 0) throw LOCKED(LOCKOUT_MINUTES);
    throw WRONG();
  }
  const who = {
    municipalityId: user.municipalityId,
    userId: user.id,
    role: user.role,
    organisationId: user.homeOrganisationId,
  };
  if (user.lockedUntil && user.lockedUntil > now) {
    throw LOCKED(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (!valid || user.disabledAt) {
    deps.ipLimiter.hit(clientIp, now.getTime());
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await deps.db
      .updateTable("appUser")
      .set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null,
      })
      .where("municipalityId", "=", user.municipalityId)
      .where("id", "=", user.id)
      .execute();
    await recordSystemAudit(deps.db, who, clientIp, {
      action: "session.loginFailed",
      resourceType: "user",
      resourceId: user.id,
      details: { locked: lock, disabled: Boolean(user.disabledAt) },
    });
    deps.afterAudit();
    if (lock) throw LOCKED(LOCKOUT_MINUTES);
    throw WRONG();
  }
  await deps.db
    .updateTable("appUser")
    .set({ failedLogins: 0, lockedUntil: null })
    .where("municipalityId", "=", user.municipalityId)
    .where("id", "=", user.id)
    .execute();
  const status: LoginStatus = user.totpEnabled
    ? "mfaRequired"
    : user.mfaRequiredRoles.includes(user.role)
      ? "mfaSetupRequired"
      : "ok";
  const token = await createSession(deps.db, user, { mfaPassed: false, clientIp });
  if (status === "ok") {
    await recordSystemAudit(deps.db, who, clientIp, {
      action: "session.loggedIn",
      resourceType: "user",
      resourceId: user.id,
    });
    deps.afterAudit();
  }
  return { token, status };
}

function whoOf(session: SessionState) {
  const a = session.actor;
  return {
    municipalityId: a.municipalityId,
    userId: a.userId,
    role: a.role,
    organisationId: a.organisationId,
  };
}

async function totpState(deps: AuthDeps, session: SessionState) {
  return deps.db
    .selectFrom("appUser")
    .select(["totpSecret", "totpEnabled", "totpLastStep"])
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .executeTakeFirstOrThrow();
}

async function acceptCode(
  deps: AuthDeps,
  session: SessionState,
  sealedSecret: string,
  lastStep: number,
  code: string,
  clientIp: string,
) {
  const key = session.id;
  if (deps.codeLimiter.blocked(key) > 0) {
    await endSession(deps.db, session.id);
    throw new AppError(429, "tooManyAttempts", "Te veel onjuiste codes. Log opnieuw in.");
  }
  const step = matchTotp(deps.secrets.open(sealedSecret), code.trim(), lastStep);
  if (step === undefined) {
    deps.codeLimiter.hit(key);
    await recordSystemAudit(deps.db, whoOf(session), clientIp, {
      action: "session.mfaFailed",
      resourceType: "user",
      resourceId: session.actor.userId,
    });
    deps.afterAudit();
    throw badRequest(
      "invalidCode",
      "Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.",
    );
  }
  deps.codeLimiter.reset(key);
  return step;
}

export async function verifySecondFactor(
  deps: AuthDeps,
  session: SessionState,
  code: string,
  clientIp: string,
) {
  const state = await totpState(deps, session);
  if (!state.totpEnabled || !state.totpSecret)
    throw badRequest("mfaNotEnabled", "Tweestapsverificatie is voor dit account niet ingesteld.");
  const step = await acceptCode(deps, session, state.totpSecret, state.totpLastStep, code, clientIp);
  await deps.db
    .updateTable("appUser")
    .set({ totpLastStep: step })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  await markMfaPassed(deps.db, session.id);
  await recordSystemAudit(deps.db, whoOf(session), clientIp, {
    action: "session.loggedIn",
    resourceType: "user",
    resourceId: session.actor.userId,
    details: { mfa: true },
  });
  deps.afterAudit();
}

export async function startMfaEnrolment(deps: AuthDeps, session: SessionState) {
  if (session.mfaEnabled && session.stage !== "active") {
    throw badRequest("mfaAlreadyEnabled", "Tweestapsverificatie is al ingesteld. Voer uw code in.");
  }
  const secret = newTotpSecret();
  await deps.db
    .updateTable("appUser")
    .set({ totpSecret: deps.secrets.seal(secret), totpEnabled: false })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  return totpEnrolment(secret, session.username);
}

export async function enableMfa(deps: AuthDeps, session: SessionState, code: string, clientIp: string) {
  const state = await totpState(deps, session);
  if (!state.totpSecret)
    throw badRequest("mfaNotStarted", "Begin eerst met het instellen van tweestapsverificatie.");
  if (state.totpEnabled) throw badRequest("mfaAlreadyEnabled", "Tweestapsverificatie is al ingesteld.");
  const step = await acceptCode(deps, session, state.totpSecret, state.totpLastStep, code, clientIp);
  await deps.db
    .updateTable("appUser")
    .set({ totpEnabled: true, totpLastStep: step })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  await markMfaPassed(deps.db, session.id);
  await recordSystemAudit(deps.db, whoOf(session), clientIp, {
    action: "session.mfaEnabled",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  deps.afterAudit();
}

export async function logOut(deps: AuthDeps, session: SessionState, clientIp: string) {
  await endSession(deps.db, session.id);
  await recordSystemAudit(deps.db, whoOf(session), clientIp, {
    action: "session.loggedOut",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  deps.afterAudit();
}
