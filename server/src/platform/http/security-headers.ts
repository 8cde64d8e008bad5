import type { FastifyInstance } from "fastify";

/**
 * Response headers per kind of route (issue 18; ASVS V3.4, V14.3):
 * - every answer: nosniff, same-origin referrer, no framing, and HSTS when cookies are HTTPS-only;
 * - API answers (JSON, CSV and HTML exports): `Cache-Control: no-store` — they hold personal data —
 *   and a CSP that allows nothing, so an HTML export can never run script or load anything;
 * - the web app (index.html for every page, public pages too) and the API reference: a strict CSP
 *   without inline script; `no-cache`, so a new release is picked up;
 * - built assets under /assets/ (content-hashed file names): cached for a year.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** `sandbox`: an answer opened as a page (an export, a document's preview) runs no script and has no origin. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

export const HSTS = "max-age=31536000; includeSubDomains";

export function registerSecurityHeaders(app: FastifyInstance, options: { secureCookies: boolean }): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (options.secureCookies) reply.header("strict-transport-security", HSTS);
    const path = request.url.split("?")[0] ?? "";
    const docs = path === "/api/docs" || path.startsWith("/api/docs/");
    if ((path.startsWith("/api/") || path === "/api" || path === "/health") && !docs) {
      reply.header("cache-control", "no-store");
      reply.header("content-security-policy", API_CSP);
    } else {
      reply.header("content-security-policy", PAGE_CSP);
      reply.header(
        "cache-control",
        path.startsWith("/assets/") && reply.statusCode === 200
          ? "public, max-age=31536000, immutable"
          : docs
            ? "no-store"
            : "no-cache",
      );
    }
    return payload;
  });
}
