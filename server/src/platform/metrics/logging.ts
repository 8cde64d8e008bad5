import { randomUUID } from "node:crypto";
import type { FastifyRequest } from "fastify";

/**
 * What the server's log may hold: a request id, method, path (without query string: a search for a
 * name would put the name in the log), status and timing; errors by kind, code and constraint, with
 * quoted values taken out of database messages and never PostgreSQL's `detail` ("Failing row contains
 * …", "Key (bsn)=(…)"), which repeats the data of the row.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Takes a sane X-Request-Id from a proxy, or makes one. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

export const logSerializers = {
  req(request: FastifyRequest) {
    return { id: request.id, method: request.method, path: request.url.split("?")[0] };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
  err(error: unknown) {
    const e = error as {
      name?: string;
      code?: string;
      constraint?: string;
      message?: string;
      stack?: string;
    };
    const database = typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code);
    const message = String(e.message ?? error).split("\n")[0] ?? "";
    return {
      type: e.name ?? "Error",
      code: e.code,
      constraint: e.constraint,
      message: database ? message.replace(/"[^"]*"/g, '"…"').replace(/\([^)]*\)=\([^)]*\)/g, "(…)") : message,
      stack: database ? "" : (e.stack?.split("\n").slice(1, 6).join("\n") ?? ""),
    };
  },
};
