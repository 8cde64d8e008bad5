import type { Kysely } from "kysely";
import * as oidc from "openid-client";
import { Type } from "typebox";
import { recordSystemAudit } from "../../platform/audit/system-audit.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import type { Config } from "../../platform/config.ts";
import type { DB } from "../../platform/db/schema.ts";
import type { App } from "../../platform/http/app-type.ts";
import { AppError, badRequest, forbidden } from "../../platform/http/errors.ts";
import { errors } from "../../platform/http/schemas.ts";
import { setSessionCookie } from "./auth.routes.ts";

const FLOW_COOKIE = "wijkwerk_oidc";
const tags = ["Inloggen"];

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * Login through the municipality's own identity provider (OpenID Connect, authorisation code + PKCE).
 * The provider's subject is linked to an existing account (app_user.oidc_subject); nobody is created
 * on the fly. Configured by OIDC_* environment variables; absent config answers 404.
 */
export function oidcRoutes(app: App, deps: { db: Kysely<DB>; config: Config; afterAudit: () => void }): void {
  const settings = deps.config.oidc;
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    if (!settings)
      throw new AppError(404, "oidcNotConfigured", "Inloggen via de gemeente is hier niet ingesteld.");
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowInsecure ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  app.get(
    "/api/auth/oidc/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Inloggen via de identiteitsdienst van de gemeente",
        response: { ...errors(404) },
      },
    },
    async (_request, reply) => {
      const cfg = await configuration().catch(() => {
        throw new AppError(503, "oidcUnavailable", "De inlogdienst van de gemeente is niet bereikbaar.");
      });
      const flow: Flow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: settings?.redirectUri ?? "",
        scope: "openid profile",
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
      });
      reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), {
        path: "/api/auth/oidc",
        httpOnly: true,
        sameSite: "lax",
        secure: deps.config.secureCookies,
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Terugkeer van de identiteitsdienst",
        querystring: Type.Object({}, { additionalProperties: true }),
        response: { ...errors(403, 404) },
      },
    },
    async (request, reply) => {
      const cfg = await configuration();
      const raw = request.cookies[FLOW_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      if (!unsigned?.valid || !unsigned.value)
        throw badRequest(
          "invalidState",
          "Het inloggen is verlopen of niet hier begonnen. Probeer het opnieuw.",
        );
      const flow = JSON.parse(unsigned.value) as Flow;
      reply.clearCookie(FLOW_COOKIE, { path: "/api/auth/oidc" });
      let subject: string;
      try {
        const currentUrl = new URL(request.url, deps.config.publicUrl);
        const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
        });
        const claims = tokens.claims();
        if (!claims?.sub) throw new Error("no subject");
        subject = claims.sub;
      } catch {
        throw badRequest(
          "invalidState",
          "Het inloggen via de gemeente is mislukt of verlopen. Probeer het opnieuw.",
        );
      }
      const user = await deps.db
        .selectFrom("appUser as u")
        .innerJoin("municipality as m", "m.id", "u.municipalityId")
        .select(["u.id", "u.municipalityId", "u.role", "u.homeOrganisationId", "u.disabledAt"])
        .where("m.code", "=", settings?.municipalityCode ?? "")
        .where("u.oidcSubject", "=", subject)
        .executeTakeFirst();
      if (!user || user.disabledAt)
        throw forbidden(
          "Dit account is niet bekend bij Wijkwerk of staat uit. Neem contact op met de beheerder.",
        );
      // The identity provider is responsible for the second factor.
      const token = await createSession(deps.db, user, { mfaPassed: true, clientIp: request.ip });
      await recordSystemAudit(
        deps.db,
        {
          municipalityId: user.municipalityId,
          userId: user.id,
          role: user.role,
          organisationId: user.homeOrganisationId,
        },
        request.ip,
        {
          action: "session.loggedIn",
          resourceType: "user",
          resourceId: user.id,
          details: { method: "oidc" },
        },
      );
      deps.afterAudit();
      setSessionCookie(reply, deps.config, token);
      return reply.redirect("/");
    },
  );
}
