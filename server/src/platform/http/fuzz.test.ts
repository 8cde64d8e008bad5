import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Type } from "typebox";
import { runFuzz } from "../../../../reliability/lib/fuzz.ts";
import { buildApp } from "../../app.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { createTestDatabase } from "../../test/database.ts";
import { testConfig } from "../config.ts";

// The short, CI-sized run of the API fuzzer (the long one: `npm run reliability:fuzz`). Every route of
// the API document is called by every demo role and anonymously, then random valid, boundary and
// malformed requests follow for about 10 seconds with a fixed seed.
let app: TestApp;
before(async () => {
  app = await createTestApp();
});
after(async () => {
  await app.close();
});

test("no route answers 5xx, breaks its schema or shows another municipality's or team's data", async (t) => {
  const report = await runFuzz({
    built: app,
    database: app.database,
    seed: 20260,
    maxRequests: 6000,
    maxSeconds: Number(process.env.FUZZ_SECONDS ?? 10),
  });
  t.diagnostic(
    `${report.requests} requests over ${report.routes} routes as ${report.actors.length} actors in ${report.seconds.toFixed(1)} s: ${JSON.stringify(report.statuses)}`,
  );
  for (const [route, n] of Object.entries(report.undeclared))
    t.diagnostic(`status not in the API document: ${route} (${n}×)`);
  assert.ok(report.routes >= 10, "the API document lists the routes");
  assert.ok(report.statuses["200"] && report.statuses["400"], "valid and malformed requests were both sent");
  const summary = report.findings
    .slice(0, 20)
    .map((f) => `${f.kind} ${f.route} as ${f.actor} → ${f.status}: ${f.detail} [${f.request.slice(0, 200)}]`);
  assert.deepEqual(summary, []);
});

test("the fuzzer itself notices a 5xx, a body against its schema and a leaked row", async () => {
  const database = await createTestDatabase();
  const built = await buildApp(testConfig({ webDist: "/nonexistent" }), database);
  built.app.get(
    "/api/sabotage/leak",
    {
      config: { access: "session" },
      schema: { response: { 200: Type.Object({ names: Type.Array(Type.String()) }) } },
    },
    // Reads as the owner, past row-level security: every municipality's organisations.
    async () => ({
      names: (await database.db.selectFrom("organisation").select("name").execute()).map((o) => o.name),
    }),
  );
  built.app.get("/api/sabotage/crash", { config: { access: "public" } }, async () => {
    throw new Error("boom");
  });
  built.app.get(
    "/api/sabotage/shape",
    { config: { access: "public" }, schema: { response: { 200: Type.Object({ count: Type.Number() }) } } },
    async () => ({ count: "many" }) as unknown as { count: number },
  );
  await built.app.ready();
  try {
    const report = await runFuzz({
      built,
      database,
      seed: 1,
      maxRequests: 0,
      maxSeconds: 0,
      only: /sabotage/,
    });
    const kinds = new Set(report.findings.map((f) => `${f.kind} ${f.route}`));
    assert.ok(kinds.has("foreignData GET /api/sabotage/leak"), [...kinds].join(", "));
    assert.ok(kinds.has("serverError GET /api/sabotage/crash"));
    assert.ok(
      kinds.has("schemaViolation GET /api/sabotage/shape") ||
        kinds.has("serverError GET /api/sabotage/shape"),
    );
  } finally {
    await built.app.close();
    await database.close();
  }
});
