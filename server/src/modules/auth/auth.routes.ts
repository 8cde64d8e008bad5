import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { permissionsOf } from "../../platform/access/permissions.ts";
import { PASSWORD_SETUP } from "../../platform/auth/login-throttle.ts";
import { completePasswordSetup, describePasswordSetup } from "../../platform/auth/password-setup.ts";
import { SESSION_COOKIE, type SessionState } from "../../platform/auth/sessions.ts";
import type { Config } from "../../platform/config.ts";
import type { App } from "../../platform/http/app-type.ts";
import { unauthorized } from "../../platform/http/errors.ts";
import { errors } from "../../platform/http/schemas.ts";
import { changeOwnPassword } from "./account.service.ts";
import {
  ChangePasswordBody,
  CodeBody,
  LoginBody,
  LoginResult,
  MfaEnabled,
  MfaEnrolment,
  PasswordSetupBody,
  PasswordSetupInfo,
  PasswordSetupToken,
  Reauthentication,
  RecoveryCodeCount,
  RecoveryCodes,
  RequiredReauthentication,
  SessionView,
} from "./auth.schemas.ts";
import { type AuthDeps, logIn, logOut, TOO_SOON } from "./auth.service.ts";
import {
  disableMfa,
  enableMfa,
  recoveryCodesLeft,
  renewRecoveryCodes,
  startMfaEnrolment,
  verifySecondFactor,
} from "./mfa.service.ts";

const tags = ["Inloggen"];

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

function requireSession(session: SessionState | undefined): SessionState {
  if (!session) throw unauthorized();
  return session;
}

export function authRoutes(app: App, deps: AuthDeps, config: Config): void {
  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Inloggen met gebruikersnaam en wachtwoord",
        description:
          "Na mislukte pogingen wordt het voor dit account vanaf dit adres steeds langer wachten (429 met Retry-After); pas na heel veel mislukte pogingen wordt het hele account een uur geblokkeerd (423).",
        body: LoginBody,
        response: { 200: LoginResult, ...errors(401, 423, 429) },
      },
    },
    async (request, reply) => {
      const { token, status } = await logIn(deps, request.body, request.ip);
      setSessionCookie(reply, config, token);
      return { status };
    },
  );

  app.post(
    "/api/auth/mfa/verify",
    {
      config: { access: "secondFactor" },
      schema: {
        tags,
        summary: "De code van tweestapsverificatie (of een herstelcode) controleren",
        body: CodeBody,
        response: { 200: LoginResult, ...errors(429) },
      },
    },
    async (request, reply) => {
      const { token } = await verifySecondFactor(
        deps,
        requireSession(request.session),
        request.body.code,
        request.ip,
      );
      setSessionCookie(reply, config, token);
      return { status: "ok" as const };
    },
  );

  app.post(
    "/api/auth/mfa/setup",
    {
      config: { access: "secondFactor" },
      schema: {
        tags,
        summary: "Tweestapsverificatie (opnieuw) instellen: een nieuw geheim en QR-code",
        description:
          "Vanuit een ingelogde sessie met het huidige wachtwoord, en als tweestapsverificatie aan staat ook een code. De huidige instelling blijft werken tot de nieuwe met een code is bevestigd.",
        body: Reauthentication,
        response: { 200: MfaEnrolment, ...errors(403, 429) },
      },
    },
    async (request) =>
      startMfaEnrolment(deps, requireSession(request.session), request.body ?? {}, request.ip),
  );

  app.post(
    "/api/auth/mfa/enable",
    {
      config: { access: "secondFactor" },
      schema: {
        tags,
        summary: "Het nieuwe geheim bevestigen met een eerste code; geeft eenmalig de herstelcodes",
        body: CodeBody,
        response: { 200: MfaEnabled, ...errors(429) },
      },
    },
    async (request, reply) => {
      const { token, result } = await enableMfa(
        deps,
        requireSession(request.session),
        request.body.code,
        request.ip,
      );
      setSessionCookie(reply, config, token);
      return result;
    },
  );

  app.post(
    "/api/auth/mfa/disable",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Tweestapsverificatie uitzetten (wachtwoord en code nodig)",
        body: RequiredReauthentication,
        response: { 204: { type: "null" }, ...errors(403, 409, 429) },
      },
    },
    async (request, reply) => {
      await disableMfa(deps, requireSession(request.session), request.body, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/mfa/recovery-codes",
    {
      config: { access: "session" },
      schema: { tags, summary: "Hoeveel herstelcodes nog over zijn", response: { 200: RecoveryCodeCount } },
    },
    async (request) => ({ left: await recoveryCodesLeft(deps, requireSession(request.session)) }),
  );

  app.post(
    "/api/auth/mfa/recovery-codes",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Nieuwe herstelcodes maken (wachtwoord en code nodig); de oude werken dan niet meer",
        body: RequiredReauthentication,
        response: { 200: RecoveryCodes, ...errors(403, 429) },
      },
    },
    async (request) => renewRecoveryCodes(deps, requireSession(request.session), request.body, request.ip),
  );

  app.post(
    "/api/auth/password",
    {
      config: { access: "session" },
      schema: {
        tags,
        summary: "Het eigen wachtwoord veranderen (huidig wachtwoord en code nodig)",
        body: ChangePasswordBody,
        response: { 204: { type: "null" }, ...errors(403, 422, 429) },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, requireSession(request.session), request.body, request.ip);
      return reply.code(204).send(null);
    },
  );

  const setupAllowed = async (ip: string) => {
    const wait = await deps.throttle.hit(PASSWORD_SETUP, ip);
    if (wait > 0) throw TOO_SOON(wait);
  };

  app.post(
    "/api/auth/password-setup/check",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Of een link om het wachtwoord in te stellen nog werkt, en voor welk account",
        body: PasswordSetupToken,
        response: { 200: PasswordSetupInfo, ...errors(410, 429) },
      },
    },
    async (request) => {
      await setupAllowed(request.ip);
      return describePasswordSetup(deps.db, request.body.token);
    },
  );

  app.post(
    "/api/auth/password-setup",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Het wachtwoord instellen met een eenmalige link",
        body: PasswordSetupBody,
        response: { 204: { type: "null" }, ...errors(410, 422, 429) },
      },
    },
    async (request, reply) => {
      await setupAllowed(request.ip);
      await completePasswordSetup(deps.db, request.body, request.ip);
      deps.afterAudit();
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "secondFactor" },
      schema: { tags, summary: "Uitloggen", response: { 204: { type: "null" } } },
    },
    async (request, reply) => {
      await logOut(deps, requireSession(request.session), request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/session",
    {
      config: { access: "secondFactor" },
      schema: { tags, summary: "De ingelogde gebruiker", response: { 200: SessionView } },
    },
    async (request) => sessionView(requireSession(request.session)),
  );
  // Pages open to everyone ask whether someone is signed in without a 401 in the browser's console.
  app.get(
    "/api/auth/session/current",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "De ingelogde gebruiker, of null als niemand is ingelogd (zonder 401)",
        response: { 200: Type.Object({ session: Type.Union([SessionView, Type.Null()]) }) },
      },
    },
    async (request) => ({ session: request.session ? sessionView(request.session) : null }),
  );
}

function sessionView(s: ReturnType<typeof requireSession>) {
  return {
    user: {
      id: s.actor.userId,
      username: s.username,
      displayName: s.actor.displayName,
      role: s.actor.role,
      municipalityId: s.actor.municipalityId,
      municipalityName: s.municipalityName,
      organisationName: s.organisationName,
      mfaEnabled: s.mfaEnabled,
    },
    stage: s.stage,
    teams: s.teams,
    permissions: s.stage === "active" ? [...permissionsOf(s.actor.role)] : [],
    csrfToken: s.csrfToken,
  };
}
