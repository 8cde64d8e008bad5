import type { FastifySchema, RouteOptions } from "fastify";
import type { App } from "./app-type.ts";
import { errors } from "./schemas.ts";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type RouteShape = Pick<RouteOptions, "method" | "url" | "config"> & { schema?: FastifySchema };

/**
 * The error statuses a route can answer because of what kind of route it is, whatever its use case does:
 * - 400 invalid input (schema validation, malformed JSON, a path segment that is no valid URL component)
 *   and 422 a value the database cannot take: routes that take input (path, query or body);
 * - 401 not logged in: every route that is not public; 403 refused: a permission the route requires, or
 *   the CSRF check of a change;
 * - 404 not found, 414 path segment too long: routes with an id in the path;
 * - 409 conflict (duplicate, concurrent change), 413 payload too large, 415 not JSON: routes that take a body;
 * - 503 database unreachable: every route.
 * What is particular to a route (a 404 without an id in the path, 423 locked, 429 rate limited …) stays
 * in its own schema, which also wins where both name a status.
 */
export function commonErrorStatuses(route: RouteShape): number[] {
  const methods = [route.method].flat();
  const takesBody = methods.some((m) => BODY_METHODS.has(m));
  const hasPathParams = route.url.includes(":");
  const takesInput = hasPathParams || takesBody || Boolean(route.schema?.querystring);
  const access = route.config?.access;
  const codes = [503];
  if (takesInput) codes.push(400, 422);
  if (access !== "public") codes.push(401);
  if (typeof access === "object" || (access !== "public" && takesBody)) codes.push(403);
  if (hasPathParams) codes.push(404, 414);
  if (takesBody) codes.push(409, 413, 415);
  return codes.sort((a, b) => a - b);
}

/** Adds the common error responses to every /api route that declares its access (see access.ts). */
export function declareCommonErrors(app: App): void {
  app.addHook("onRoute", (route) => {
    if (!route.config?.access) return;
    route.schema = {
      ...route.schema,
      response: { ...errors(...commonErrorStatuses(route)), ...(route.schema?.response as object) },
    };
  });
}
