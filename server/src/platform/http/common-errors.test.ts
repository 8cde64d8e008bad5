import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestApp, type TestApp } from "../../test/app.ts";

// API clients generate code from docs/openapi.json: a status a route really answers must be in it, as JSON
// with the Error shape, also where no use case throws it (the body limit, a path segment too long).
let app: TestApp;
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
before(async () => {
  app = await createTestApp();
  doc = (await app.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
});
after(async () => {
  await app.close();
});

function declared(method: string, path: string, status: number): boolean {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  return JSON.stringify(response?.content ?? {}).includes('"application/json":{"schema":{"$ref"');
}

test("a body over the limit is a 413 the document declares", async () => {
  const response = await app.app.inject({
    method: "POST",
    url: "/api/portal/login/code",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ username: "x".repeat(1_100_000) }),
  });
  assert.equal(response.statusCode, 413);
  assert.equal(response.json().message, "De gegevens zijn te groot.");
  assert.ok(declared("post", "/api/portal/login/code", 413));
});

test("an id too long for the router is a 414 the document declares", async () => {
  const response = await app.app.inject({ method: "GET", url: `/api/public/${"a".repeat(150)}/areas` });
  assert.equal(response.statusCode, 414);
  assert.ok(declared("get", "/api/public/{municipalityCode}/areas", 414));
});

test("a CSV download declares its refusals as JSON, as it sends them", async () => {
  const response = await app.app.inject({ method: "GET", url: "/api/outcomes.csv" });
  assert.equal(response.statusCode, 401);
  assert.match(String(response.headers["content-type"]), /application\/json/);
  assert.ok(declared("get", "/api/outcomes.csv", 401));
  assert.ok(declared("get", "/api/outcomes.csv", 403));
});

test("routes declare what their kind of route can answer, and not more", () => {
  const statuses = (method: string, path: string) =>
    Object.keys(doc.paths[path]?.[method]?.responses ?? {}).filter((s) => s >= "400");
  // A change of one record by id, behind a permission.
  assert.deepEqual(statuses("put", "/api/plans/{planId}"), [
    "400",
    "401",
    "403",
    "404",
    "409",
    "413",
    "414",
    "415",
    "422",
    "503",
  ]);
  // A list without input, for any logged-in user with the permission: no 400, 404 or 409.
  assert.deepEqual(statuses("get", "/api/portal-desk/inbox"), ["401", "403", "503"]);
});
