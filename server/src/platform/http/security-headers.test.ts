import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { member } from "../../modules/households/dossier.factories.ts";
import { buildSignalWorld } from "../../modules/signals/signals.fixtures.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";

/**
 * Issue 18: the headers per kind of route. Personal data is never cached (no-store), pages run under a
 * CSP without inline script, and HSTS is sent whenever cookies are HTTPS-only.
 */
describe("security headers per route kind", () => {
  let t: TestApp;
  let webDist: string;
  let householdId: string;
  let residentId: string;
  let worker: Awaited<ReturnType<typeof logInAs>>;
  let lead: Awaited<ReturnType<typeof logInAs>>;

  before(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), "wijkwerk-web-"));
    fs.mkdirSync(path.join(webDist, "assets"));
    fs.writeFileSync(
      path.join(webDist, "index.html"),
      '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    fs.writeFileSync(path.join(webDist, "assets", "app-1a2b.js"), "console.log(1)");
    t = await createTestApp({ webDist, secureCookies: true });
    const w = await buildSignalWorld(t.database.db);
    worker = await logInAs(t.app, w.worker.username);
    lead = await logInAs(t.app, w.lead.username);
    const created = await worker.post("/api/households", { members: [member()] });
    householdId = created.json().id;
    residentId = (await worker.get(`/api/households/${householdId}`)).json().members[0].id;
  });
  after(async () => {
    await t.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const common = (headers: Record<string, unknown>, where: string) => {
    assert.equal(headers["x-content-type-options"], "nosniff", where);
    assert.equal(headers["x-frame-options"], "DENY", where);
    assert.equal(headers["strict-transport-security"], "max-age=31536000; includeSubDomains", where);
  };
  const pageCsp = (csp: unknown, where: string) => {
    assert.match(String(csp), /script-src 'self'(;|$)/, where);
    assert.doesNotMatch(String(csp), /unsafe-inline|unsafe-eval/, where);
    assert.match(String(csp), /object-src 'none'/, where);
    assert.match(String(csp), /frame-ancestors 'none'/, where);
    assert.match(String(csp), /base-uri 'none'/, where);
  };

  test("API JSON with personal data: no-store and a CSP that allows nothing", async () => {
    const res = await worker.get(`/api/households/${householdId}`);
    assert.equal(res.statusCode, 200);
    common(res.headers, "API");
    assert.equal(res.headers["cache-control"], "no-store");
    assert.match(String(res.headers["content-security-policy"]), /^default-src 'none'/);
    const error = await t.app.inject({ url: "/api/teams" });
    assert.equal(error.statusCode, 401);
    assert.equal(error.headers["cache-control"], "no-store", "error answers too");
  });

  test("export downloads (CSV and the resident export as HTML): no-store; the HTML cannot run script", async () => {
    const csv = await lead.get("/api/directory/export");
    assert.equal(csv.statusCode, 200, `csv: ${csv.body}`);
    assert.match(String(csv.headers["content-disposition"]), /attachment/);
    assert.equal(csv.headers["cache-control"], "no-store");
    const html = await lead.get(`/api/residents/${residentId}/export?format=html`);
    assert.equal(html.statusCode, 200, `html: ${html.body}`);
    assert.match(String(html.headers["content-type"]), /text\/html/);
    assert.equal(html.headers["cache-control"], "no-store");
    assert.match(String(html.headers["content-security-policy"]), /^default-src 'none'/);
    common(html.headers, "export");
  });

  test("static assets: cached for a year (content-hashed names)", async () => {
    const res = await t.app.inject({ url: "/assets/app-1a2b.js" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
    common(res.headers, "asset");
  });

  test("index.html and public pages: strict CSP, revalidated on every visit", async () => {
    for (const url of ["/", "/inwoner/inloggen", "/melden/GM0344", "/wachtwoord-instellen"]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers["content-type"]), /text\/html/, url);
      pageCsp(res.headers["content-security-policy"], url);
      assert.equal(res.headers["cache-control"], "no-cache", url);
      common(res.headers, url);
    }
  });

  test("no HSTS when cookies are not HTTPS-only (local development over http)", async () => {
    const plain = await createTestApp({ secureCookies: false });
    try {
      const res = await plain.app.inject({ url: "/health" });
      assert.equal(res.headers["strict-transport-security"], undefined);
      assert.equal(res.headers["cache-control"], "no-store");
    } finally {
      await plain.close();
    }
  });
});
