import assert from "node:assert/strict";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import Provider from "oidc-provider";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam, buildUser } from "../../test/factories.ts";

const APP_URL = "http://wijkwerk.test";
const REDIRECT = `${APP_URL}/api/auth/oidc/callback`;

/** A tiny OpenID Connect provider on loopback, with its development login screens. */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = (await import("node:http")).createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: "wijkwerk", client_secret: "geheim-voor-de-test", redirect_uris: [REDIRECT] }],
    cookies: { keys: ["test-cookie-key"] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  });
  server.on("request", provider.callback());
  return { issuer, server };
}

/** Follows the provider's redirects and development login/consent forms until it sends us back. */
async function loginAtProvider(authorizationUrl: string, subject: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT)) return next;
      url = next.href;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    assert.ok(action, `provider page without form: ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    method = "POST";
    body = html.includes('value="login"')
      ? new URLSearchParams({ prompt: "login", login: subject, password: "x" }).toString()
      : new URLSearchParams({ prompt: "consent" }).toString();
  }
  throw new Error("too many redirects at the provider");
}

describe("OpenID Connect login", () => {
  let t: TestApp;
  let server: Server;
  let subjectUser: { username: string };

  before(async () => {
    const provider = await startProvider();
    server = provider.server;
    t = await createTestApp({
      publicUrl: APP_URL,
      oidc: {
        issuer: provider.issuer,
        clientId: "wijkwerk",
        clientSecret: "geheim-voor-de-test",
        redirectUri: REDIRECT,
        municipalityCode: "GM0356",
        allowInsecure: true,
      },
    });
    const team = await buildStaffedTeam(t.database.db, { code: "GM0356" });
    subjectUser = await buildUser(t.database.db, team.municipality.id, {
      oidcSubject: "digid-123",
      role: "professional",
    });
  });
  after(async () => {
    await t.close();
    server.close();
  });

  async function startLogin() {
    const start = await t.app.inject({ url: "/api/auth/oidc/login" });
    assert.equal(start.statusCode, 302);
    const flowCookie = start.cookies.find((c) => c.name === "wijkwerk_oidc");
    assert.ok(flowCookie);
    return { location: String(start.headers.location), cookie: `wijkwerk_oidc=${flowCookie.value}` };
  }

  test("a known subject logs in and gets a session", async () => {
    const { location, cookie } = await startLogin();
    const back = await loginAtProvider(location, "digid-123");
    const callback = await t.app.inject({ url: back.pathname + back.search, headers: { cookie } });
    assert.equal(callback.statusCode, 302, callback.body);
    assert.equal(callback.headers.location, "/");
    const session = callback.cookies.find((c) => c.name === "wijkwerk_session");
    assert.ok(session);
    const me = await t.app.inject({
      url: "/api/auth/session",
      headers: { cookie: `wijkwerk_session=${session.value}` },
    });
    assert.equal(me.json().user.username, subjectUser.username);
    assert.equal(me.json().stage, "active");
  });

  test("a callback with a wrong state is refused and creates no session", async () => {
    const { location, cookie } = await startLogin();
    const back = await loginAtProvider(location, "digid-123");
    back.searchParams.set("state", "vervalst");
    const callback = await t.app.inject({ url: back.pathname + back.search, headers: { cookie } });
    assert.equal(callback.statusCode, 400);
    assert.equal(callback.json().error, "invalidState");
    assert.ok(!callback.cookies.some((c) => c.name === "wijkwerk_session"));
  });

  test("a callback without the flow cookie is refused", async () => {
    const callback = await t.app.inject({ url: "/api/auth/oidc/callback?code=abc&state=def" });
    assert.equal(callback.statusCode, 400);
  });

  test("an unknown subject is refused with a clear message", async () => {
    const { location, cookie } = await startLogin();
    const back = await loginAtProvider(location, "onbekend-456");
    const callback = await t.app.inject({ url: back.pathname + back.search, headers: { cookie } });
    assert.equal(callback.statusCode, 403);
    assert.match(callback.json().message, /niet bekend/);
  });
});
