import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { hasPermission, type Permission } from "../access/permissions.ts";
import { loadSession, SESSION_COOKIE, type SessionState } from "../auth/sessions.ts";
import type { Config } from "../config.ts";
import { type PublicContext, type RequestContext, withActor, withPublicContext } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { AppError, forbidden, unauthorized } from "./errors.ts";
import { recordRefusal, refusalOf } from "./refusals.ts";

/**
 * What a route requires. Every /api route must declare one; a route without it does not start.
 * - public: anyone (login, health, public forms)
 * - secondFactor: a logged-in session that still owes its second factor (the 2FA screens)
 * - session: any fully logged-in user
 * - permissions: a fully logged-in user holding at least one of these permissions
 */
export type Access = "public" | "secondFactor" | "session" | { anyOf: Permission[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: SessionState | undefined;
    /** Runs fn as the logged-in user, in one transaction with row-level security and audit. */
    withContext<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<T>;
    /** Runs fn for a municipality without a user (public pages): row-level security role 'public'. */
    withPublicContext<T>(municipalityCode: string, fn: (ctx: PublicContext) => Promise<T>): Promise<T>;
  }
}

const EXEMPT = /^\/api\/(docs|openapi\.json)/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerAccess(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; config: Config; afterAudit: () => void },
): void {
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api") && !EXEMPT.test(route.url) && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.decorateRequest("session", undefined);
  app.decorateRequest("withContext", async function <
    T,
  >(this: FastifyRequest, fn: (ctx: RequestContext) => Promise<T>) {
    const session = this.session;
    if (session?.stage !== "active") throw unauthorized();
    try {
      return await withActor(deps.db, session.actor, { clientIp: this.ip, afterAudit: deps.afterAudit }, fn);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) await recordRefusal(deps.db, session.actor, this, refusal, deps.afterAudit);
      throw error;
    }
  });

  app.decorateRequest("withPublicContext", function <
    T,
  >(this: FastifyRequest, municipalityCode: string, fn: (ctx: PublicContext) => Promise<T>) {
    return withPublicContext(deps.db, municipalityCode, { clientIp: this.ip }, fn);
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.session = await loadSession(deps.db, token, deps.config);
    if (token && !request.session) reply.clearCookie(SESSION_COOKIE, { path: "/" });
    if (access === "public") return;
    const session = request.session;
    if (!session)
      throw unauthorized(
        token ? "sessionExpired" : "unauthenticated",
        token ? "Uw sessie is verlopen. Log opnieuw in." : "Log eerst in.",
      );
    if (!SAFE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== session.csrfToken) {
      throw new AppError(
        403,
        "csrf",
        "Dit verzoek is geweigerd (ontbrekende of onjuiste beveiligingscode). Laad de pagina opnieuw.",
      );
    }
    if (access === "secondFactor") return;
    if (session.stage === "mfaRequired")
      throw unauthorized("mfaRequired", "Voer eerst uw code voor tweestapsverificatie in.");
    if (session.stage === "mfaSetupRequired")
      throw unauthorized("mfaSetupRequired", "Stel eerst tweestapsverificatie in.");
    if (access === "session") return;
    if (!access.anyOf.some((p) => hasPermission(session.actor.role, p))) {
      const refusal = forbidden();
      await recordRefusal(deps.db, session.actor, request, refusal, deps.afterAudit);
      throw refusal;
    }
  });
}
