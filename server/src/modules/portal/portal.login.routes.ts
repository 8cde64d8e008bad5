import type { Config } from "../../platform/config.ts";
import type { App } from "../../platform/http/app-type.ts";
import { notFound } from "../../platform/http/errors.ts";
import { errors } from "../../platform/http/schemas.ts";
import { setSessionCookie } from "../auth/auth.routes.ts";
import { type CodeLoginDeps, logInWithCode, requestLoginCode } from "./portal.login.ts";
import { latestDemoCodes } from "./portal.outbox.ts";
import { Accepted, CodeLoginBody, CodeRequestBody, DemoCodes, LoggedIn } from "./portal.schemas.ts";

const tags = ["Inwonersportaal"];

/**
 * Residents log in through the municipality's identity provider (OIDC, see auth/oidc.routes.ts; a
 * resident account carries an oidc_subject like any other) or, for the demo and tests, with a one-time code.
 */
export function portalLoginRoutes(app: App, deps: CodeLoginDeps, config: Config): void {
  app.post(
    "/api/portal/login/code",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Een inlogcode per e-mail vragen",
        body: CodeRequestBody,
        response: { 202: Accepted, ...errors(429) },
      },
    },
    async (request, reply) => {
      await requestLoginCode(deps, request.body.username, request.ip);
      return reply.code(202).send({
        message:
          "Als dit uw gebruikersnaam is, krijgt u nu een e-mail met een code. De code werkt 10 minuten.",
      });
    },
  );

  app.post(
    "/api/portal/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Inloggen met de code",
        body: CodeLoginBody,
        response: { 200: LoggedIn, ...errors(401, 429) },
      },
    },
    async (request, reply) => {
      const token = await logInWithCode(deps, request.body, request.ip);
      setSessionCookie(reply, config, token);
      return { status: "ok" as const };
    },
  );

  app.get(
    "/api/portal/demo/login-codes",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "DEMO: de laatste inlogcode van demo-accounts (niet in productie)",
        response: { 200: DemoCodes, ...errors(404) },
      },
    },
    async () => {
      if (config.nodeEnv === "production")
        throw notFound("Deze demonstratiepagina bestaat niet in productie.");
      return { demo: true as const, codes: await latestDemoCodes(deps.db) };
    },
  );
}
