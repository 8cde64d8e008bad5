import {
  REAUTHENTICATION,
  SECOND_FACTOR,
  SECOND_FACTOR_NOTICE_AT,
} from "../../platform/auth/login-throttle.ts";
import { verifyPassword } from "../../platform/auth/password.ts";
import {
  countRecoveryCodes,
  looksLikeRecoveryCode,
  redeemRecoveryCode,
  removeRecoveryCodes,
  replaceRecoveryCodes,
} from "../../platform/auth/recovery-codes.ts";
import { NOTICES, noticeToUser } from "../../platform/auth/security-notice.ts";
import { createSession, endSession, type SessionState } from "../../platform/auth/sessions.ts";
import { matchTotp, newTotpSecret, totpEnrolment } from "../../platform/auth/totp.ts";
import { AppError, badRequest, conflict } from "../../platform/http/errors.ts";
import { type AuthDeps, audit, TOO_SOON, whoOf } from "./auth.service.ts";

/**
 * Two-step verification. Wrong codes are counted per account in the database (SECOND_FACTOR), across
 * sessions and logins, so logging in again does not buy a new budget. Changing, renewing or removing it
 * needs the current password and a current code; setting up a new secret never switches the active
 * one off: the new secret waits until a code from it confirms it.
 */
const account = (session: SessionState) => ({
  municipalityId: session.actor.municipalityId,
  id: session.actor.userId,
});
const accountKey = (session: SessionState) => `${session.actor.municipalityId}|${session.actor.userId}`;

async function accountState(deps: AuthDeps, session: SessionState) {
  return deps.db
    .selectFrom("appUser")
    .select(["passwordHash", "totpSecret", "totpPendingSecret", "totpEnabled", "totpLastStep"])
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .executeTakeFirstOrThrow();
}
type AccountState = Awaited<ReturnType<typeof accountState>>;

const WRONG_CODE = () =>
  badRequest(
    "invalidCode",
    "Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.",
  );

/**
 * Checks a TOTP code against a secret, or a recovery code when `recovery` is allowed; counts failures
 * per account. Returns how it matched; the caller stores a TOTP step so a code works once.
 */
async function checkCode(
  deps: AuthDeps,
  session: SessionState,
  sealedSecret: string,
  lastStep: number,
  code: string,
  clientIp: string,
  options: { recovery: boolean },
): Promise<{ step: number } | { recoveryCodesLeft: number }> {
  const wait = await deps.throttle.wait(SECOND_FACTOR, accountKey(session));
  if (wait > 0) throw TOO_SOON(wait);
  const trimmed = code.trim();
  const step = matchTotp(deps.secrets.open(sealedSecret), trimmed, lastStep);
  if (step !== undefined) {
    await deps.throttle.reset(SECOND_FACTOR, accountKey(session));
    return { step };
  }
  if (options.recovery && looksLikeRecoveryCode(trimmed)) {
    const left = await redeemRecoveryCode(deps.db, account(session), trimmed, new Date());
    if (left !== undefined) {
      await deps.throttle.reset(SECOND_FACTOR, accountKey(session));
      await audit(deps, whoOf(session), clientIp, {
        action: "session.recoveryCodeUsed",
        resourceType: "user",
        resourceId: session.actor.userId,
        details: { left },
      });
      const notice = NOTICES.recoveryCodeUsed(left);
      await noticeToUser(deps.db, account(session), notice.subject, notice.body);
      return { recoveryCodesLeft: left };
    }
  }
  const { failures, waitSeconds } = await deps.throttle.failure(SECOND_FACTOR, accountKey(session));
  await audit(deps, whoOf(session), clientIp, {
    action: waitSeconds > 0 ? "session.mfaThrottled" : "session.mfaFailed",
    resourceType: "user",
    resourceId: session.actor.userId,
    details: { failures, delaySeconds: waitSeconds },
  });
  if (failures === SECOND_FACTOR_NOTICE_AT) {
    const notice = NOTICES.mfaFailures();
    await noticeToUser(deps.db, account(session), notice.subject, notice.body);
  }
  throw WRONG_CODE();
}

/**
 * A passed second factor is a new authentication: a new session token replaces the one of the password
 * step (ASVS 7.2.4), so a token seen before the second factor is worth nothing after it.
 */
async function renewSession(deps: AuthDeps, session: SessionState, clientIp: string): Promise<string> {
  const token = await createSession(
    deps.db,
    { municipalityId: session.actor.municipalityId, id: session.actor.userId },
    { mfaPassed: true, clientIp },
  );
  await endSession(deps.db, session.id);
  return token;
}

async function storeStep(deps: AuthDeps, session: SessionState, match: { step: number } | object) {
  if (!("step" in match)) return;
  await deps.db
    .updateTable("appUser")
    .set({ totpLastStep: match.step })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
}

/** The second step of a login: a TOTP code or one of the recovery codes. */
export async function verifySecondFactor(
  deps: AuthDeps,
  session: SessionState,
  code: string,
  clientIp: string,
) {
  const state = await accountState(deps, session);
  if (!state.totpEnabled || !state.totpSecret)
    throw badRequest("mfaNotEnabled", "Tweestapsverificatie is voor dit account niet ingesteld.");
  const match = await checkCode(deps, session, state.totpSecret, state.totpLastStep, code, clientIp, {
    recovery: true,
  });
  await storeStep(deps, session, match);
  const token = await renewSession(deps, session, clientIp);
  await audit(deps, whoOf(session), clientIp, {
    action: "session.loggedIn",
    resourceType: "user",
    resourceId: session.actor.userId,
    details: { mfa: "step" in match ? "totp" : "recoveryCode" },
  });
  return { token };
}

export interface Reauthentication {
  password?: string | undefined;
  code?: string | undefined;
}

/**
 * Proof that the person at the keyboard is the account holder: the current password and, when
 * two-step verification is on, a current code (or a recovery code). Failures are throttled per account.
 */
export async function assertReauthenticated(
  deps: AuthDeps,
  session: SessionState,
  proof: Reauthentication,
  clientIp: string,
  state?: AccountState,
): Promise<AccountState> {
  const current = state ?? (await accountState(deps, session));
  const wait = await deps.throttle.wait(REAUTHENTICATION, accountKey(session));
  if (wait > 0) throw TOO_SOON(wait);
  const refused = async (message: string) => {
    await deps.throttle.failure(REAUTHENTICATION, accountKey(session));
    await audit(deps, whoOf(session), clientIp, {
      action: "session.loginFailed",
      resourceType: "user",
      resourceId: session.actor.userId,
      details: { reauthentication: true },
    });
    return new AppError(403, "reauthenticationFailed", message);
  };
  if (!proof.password || !(await verifyPassword(current.passwordHash, proof.password)))
    throw await refused("Uw huidige wachtwoord klopt niet.");
  if (current.totpEnabled && current.totpSecret) {
    if (!proof.code) throw await refused("Vul ook een code van uw app voor tweestapsverificatie in.");
    const match = await checkCode(
      deps,
      session,
      current.totpSecret,
      current.totpLastStep,
      proof.code,
      clientIp,
      { recovery: true },
    );
    await storeStep(deps, session, match);
  }
  await deps.throttle.reset(REAUTHENTICATION, accountKey(session));
  return current;
}

/**
 * A new secret and its QR code. Right after a password login that must set up 2FA nothing more is
 * asked; from an active session the password (and, when 2FA is on, a code) proves it is the holder —
 * otherwise whoever took over a session could put the account on their own phone.
 */
export async function startMfaEnrolment(
  deps: AuthDeps,
  session: SessionState,
  proof: Reauthentication,
  clientIp: string,
) {
  if (session.mfaEnabled && session.stage !== "active") {
    throw badRequest("mfaAlreadyEnabled", "Tweestapsverificatie is al ingesteld. Voer uw code in.");
  }
  if (session.stage === "active") await assertReauthenticated(deps, session, proof, clientIp);
  const secret = newTotpSecret();
  await deps.db
    .updateTable("appUser")
    .set({ totpPendingSecret: deps.secrets.seal(secret) })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  return totpEnrolment(secret, session.username);
}

/** Confirms the pending secret with a code from it; returns new recovery codes, shown this once. */
export async function enableMfa(deps: AuthDeps, session: SessionState, code: string, clientIp: string) {
  const state = await accountState(deps, session);
  if (!state.totpPendingSecret)
    throw badRequest("mfaNotStarted", "Begin eerst met het instellen van tweestapsverificatie.");
  const match = await checkCode(deps, session, state.totpPendingSecret, 0, code, clientIp, {
    recovery: false,
  });
  const step = "step" in match ? match.step : 0;
  await deps.db
    .updateTable("appUser")
    .set({
      totpSecret: state.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabled: true,
      totpLastStep: step,
    })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  const token = await renewSession(deps, session, clientIp);
  const recoveryCodes = await replaceRecoveryCodes(deps.db, account(session));
  await audit(deps, whoOf(session), clientIp, {
    action: state.totpEnabled ? "session.mfaChanged" : "session.mfaEnabled",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  if (state.totpEnabled) {
    const notice = NOTICES.mfaChanged();
    await noticeToUser(deps.db, account(session), notice.subject, notice.body);
  }
  return { token, result: { status: "ok" as const, recoveryCodes } };
}

/** New recovery codes (the old ones stop working); needs password and code. */
export async function renewRecoveryCodes(
  deps: AuthDeps,
  session: SessionState,
  proof: Reauthentication,
  clientIp: string,
) {
  const state = await assertReauthenticated(deps, session, proof, clientIp);
  if (!state.totpEnabled)
    throw badRequest("mfaNotEnabled", "Tweestapsverificatie is voor dit account niet ingesteld.");
  const recoveryCodes = await replaceRecoveryCodes(deps.db, account(session));
  await audit(deps, whoOf(session), clientIp, {
    action: "session.recoveryCodesRenewed",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  const notice = NOTICES.mfaChanged();
  await noticeToUser(deps.db, account(session), notice.subject, notice.body);
  return { recoveryCodes };
}

/** Switches 2FA off, unless the municipality requires it for this role; needs password and code. */
export async function disableMfa(
  deps: AuthDeps,
  session: SessionState,
  proof: Reauthentication,
  clientIp: string,
) {
  const municipality = await deps.db
    .selectFrom("municipality")
    .select("mfaRequiredRoles")
    .where("id", "=", session.actor.municipalityId)
    .executeTakeFirstOrThrow();
  if (municipality.mfaRequiredRoles.includes(session.actor.role))
    throw conflict(
      "mfaRequiredForRole",
      "Uw gemeente verplicht tweestapsverificatie voor uw rol. U kunt die niet uitzetten, wel opnieuw instellen.",
    );
  const state = await assertReauthenticated(deps, session, proof, clientIp);
  if (!state.totpEnabled)
    throw badRequest("mfaNotEnabled", "Tweestapsverificatie is voor dit account niet ingesteld.");
  await deps.db
    .updateTable("appUser")
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabled: false, totpLastStep: 0 })
    .where("municipalityId", "=", session.actor.municipalityId)
    .where("id", "=", session.actor.userId)
    .execute();
  await removeRecoveryCodes(deps.db, account(session));
  await audit(deps, whoOf(session), clientIp, {
    action: "session.mfaDisabled",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  const notice = NOTICES.mfaChanged();
  await noticeToUser(deps.db, account(session), notice.subject, notice.body);
}

export async function recoveryCodesLeft(deps: AuthDeps, session: SessionState): Promise<number> {
  return countRecoveryCodes(deps.db, account(session));
}
