import { hashPassword, passwordProblem } from "../../platform/auth/password.ts";
import { NOTICES, noticeToUser } from "../../platform/auth/security-notice.ts";
import type { SessionState } from "../../platform/auth/sessions.ts";
import { AppError } from "../../platform/http/errors.ts";
import { type AuthDeps, audit, whoOf } from "./auth.service.ts";
import { assertReauthenticated } from "./mfa.service.ts";

/**
 * A user changes their own password: the current password and, with 2FA on, a current code first; the
 * new one must pass the same rules as every password. Every other session of the account ends.
 */
export async function changeOwnPassword(
  deps: AuthDeps,
  session: SessionState,
  input: { currentPassword: string; code?: string | undefined; newPassword: string },
  clientIp: string,
  now = new Date(),
) {
  await assertReauthenticated(deps, session, { password: input.currentPassword, code: input.code }, clientIp);
  const problem = passwordProblem(input.newPassword, [session.username, session.actor.displayName]);
  if (problem) throw new AppError(422, "weakPassword", problem, { field: "newPassword" });
  if (input.newPassword === input.currentPassword)
    throw new AppError(422, "samePassword", "Kies een ander wachtwoord dan uw huidige.", {
      field: "newPassword",
    });
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("appUser")
      .set({ passwordHash, passwordChangedAt: now })
      .where("municipalityId", "=", session.actor.municipalityId)
      .where("id", "=", session.actor.userId)
      .execute();
    await trx
      .deleteFrom("session")
      .where("municipalityId", "=", session.actor.municipalityId)
      .where("userId", "=", session.actor.userId)
      .where("id", "!=", session.id)
      .execute();
  });
  await audit(deps, whoOf(session), clientIp, {
    action: "session.passwordChanged",
    resourceType: "user",
    resourceId: session.actor.userId,
  });
  const notice = NOTICES.passwordChanged();
  await noticeToUser(
    deps.db,
    { municipalityId: session.actor.municipalityId, id: session.actor.userId },
    notice.subject,
    notice.body,
  );
}
