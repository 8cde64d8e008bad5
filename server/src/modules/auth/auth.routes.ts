import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { permissionsOf } from "../../platform/access/permissions.ts";
import { SESSION_COOKIE, type SessionState } from "../../platform/auth/sessions.ts";
import type { Config } from "../../platform/config.ts";
import type { App } from "../../platform/http/app-type.ts";
import { unauthorized } from "../../platform/http/errors.ts";
import { errors } from "../../platform/http/schemas.ts";
import { CodeBody, LoginBody, LoginResult, MfaEnrolment, SessionView } from "./auth.schemas.ts";
import {
  type AuthDeps,
  enableMfa,
  logIn,
  logOut,
  startMfaEnrolment,
  verifySecondFactor,
} from "./auth.service.ts";

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
        summary: "De code van tweestapsverificatie controleren",
        body: CodeBody,
        response: { 200: LoginResult, ...errors(429) },
      },
    },
    async (request) => {
      await verifySecondFactor(deps, requireSession(request.session), request.body.code, request.ip);
      return { status: "ok" as const };
    },
  );

  app.post(
    "/api/auth/mfa/setup",
    {
      config: { access: "secondFactor" },
      schema: {
        tags,
        summary: "Tweestapsverificatie gaan instellen (geheim en QR-code)",
        response: { 200: MfaEnrolment },
      },
    },
    async (request) => startMfaEnrolment(deps, requireSession(request.session)),
  );

  app.post(
    "/api/auth/mfa/enable",
    {
      config: { access: "secondFactor" },
      schema: {
        tags,
        summary: "Tweestapsverificatie aanzetten met een eerste code",
        body: CodeBody,
        response: { 200: LoginResult, ...errors(429) },
      },
    },
    async (request) => {
      await enableMfa(deps, requireSession(request.session), request.body.code, request.ip);
      return { status: "ok" as const };
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
