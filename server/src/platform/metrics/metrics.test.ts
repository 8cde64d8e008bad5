import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { BSN, buildDossierWorld, member } from "../../modules/households/dossier.factories.ts";
import { clientOf, createTestApp, type TestApp } from "../../test/app.ts";
import { createTestDatabase } from "../../test/database.ts";
import { TEST_PASSWORD } from "../../test/factories.ts";
import { testConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { logSerializers } from "./logging.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_unsealed_count.

const METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";

describe("metrics", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ metricsToken: METRICS_TOKEN, metricsPort: 0 });
  });
  after(() => t.close());

  test("/metrics needs the token and reports routes, latency, outbox, audit sealing and jobs", async () => {
    const world = await buildDossierWorld(t.database.db);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: world.worker.username, password: TEST_PASSWORD },
    });
    const worker = await clientOf(t.app, login);
    const created = await worker.post("/api/households", { members: [member()] });
    assert.equal(created.statusCode, 201);
    await worker.get(`/api/households/${created.json().id}`);

    assert.equal((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode, 401);
    const wrong = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer not-the-token-not-the-token-not-the" },
    });
    assert.equal(wrong.statusCode, 401);
    const reply = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.equal(reply.statusCode, 200);
    const text = reply.body;
    assert.match(text, /wijkwerk_http_requests_total\{[^}]*route="\/api\/households\/:id"[^}]*status="200"/);
    assert.match(text, /wijkwerk_http_request_duration_seconds_bucket\{[^}]*route="\/api\/households"/);
    assert.match(text, /wijkwerk_outbox_messages\{[^}]*state="pending"[^}]*\} \d+/);
    assert.match(text, /wijkwerk_audit_events_unsealed\{[^}]*\} \d+/);
    assert.match(text, /# TYPE wijkwerk_job_failures_24h gauge/);
    assert.match(text, /# TYPE wijkwerk_db_pool_connections gauge/);
    assert.ok(!/[0-9a-f]{8}-[0-9a-f]{4}-/.test(text), "no ids in labels");
    assert.ok(!text.includes("Sanne"), "no personal data");
  });

  test("the internal listener serves /metrics without token", async () => {
    const port = await t.metrics.listenInternal();
    assert.ok(port);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /wijkwerk_http_requests_total/);
  });

  test("without METRICS_TOKEN /metrics does not exist on the public port", async () => {
    const plain = await createTestApp();
    try {
      const reply = await plain.app.inject({ method: "GET", url: "/metrics" });
      assert.equal(reply.statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});

/**
 * The server log: every line carries the request id, and the dossier's personal data never appears,
 * not even when it travels in a search's query string or a request is refused.
 */
describe("logs", () => {
  let database: Database;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>["app"];

  before(async () => {
    process.env.LOG_LEVEL = "debug";
    database = await createTestDatabase();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    ({ app } = await buildApp(testConfig({ webDist: "/nonexistent" }), database, {
      logger: true,
      logStream: sink,
    }));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  test("carry a request id and none of the dossier's personal data", async () => {
    const world = await buildDossierWorld(database.db);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: world.worker.username, password: TEST_PASSWORD },
    });
    const worker = await clientOf(app, login);
    const personal = {
      givenName: "Zwanette",
      familyName: "Quirijnsdochter",
      bsn: BSN.c,
      street: "Zwanenbloempad",
      email: "zwanette.q@example.nl",
      phone: "06-98765432",
    };
    const created = await worker.post("/api/households", { members: [member(personal)] });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal((await worker.get(`/api/households/${id}`)).statusCode, 200);
    const search = await worker.get(`/api/households?name=Quirijnsdochter&bsn=${BSN.c}`);
    assert.equal(search.statusCode, 200);
    // Refused requests with personal data in the body (validation and a duplicate) are logged too.
    await worker.post("/api/households", {
      members: [member({ ...personal, birthDate: "Quirijnsdochter" })],
    });
    await worker.post("/api/households", { members: [member(personal)] });
    const requestId = "trace-0123456789";
    const traced = await app.inject({
      method: "GET",
      url: "/health",
      headers: { "x-request-id": requestId },
    });
    assert.equal(traced.headers["x-request-id"], requestId);

    const log = lines.join("\n");
    assert.ok(lines.length > 10, "the app logged its requests");
    for (const value of Object.values(personal))
      assert.ok(!log.includes(String(value)), `the log does not contain ${value}`);
    const requestLines = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: unknown });
    assert.ok(
      requestLines.filter((l) => l.req).every((l) => typeof l.reqId === "string" && l.reqId.length > 0),
    );
    assert.ok(requestLines.some((l) => l.reqId === requestId));
  });

  test("database errors are logged by code and constraint, without the row's values", () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "resident_bsn_key"'),
      {
        code: "23505",
        constraint: "resident_bsn_key",
        detail: `Key (municipality_id, bsn)=(x, ${BSN.c}) already exists.`,
      },
    );
    const syntax = Object.assign(new Error('invalid input syntax for type date: "Quirijnsdochter"'), {
      code: "22007",
    });
    const logged = JSON.stringify([logSerializers.err(error), logSerializers.err(syntax)]);
    assert.ok(!logged.includes(BSN.c));
    assert.ok(!logged.includes("Quirijnsdochter"));
    assert.match(logged, /23505/);
    assert.match(logged, /resident_bsn_key/);
  });
});
