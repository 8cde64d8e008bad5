import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { createTestApp } from "../test/app.ts";
import { ConfigError, loadConfig } from "./config.ts";

/** Issue 18: configuration that refuses what would start an insecure server. */
describe("configuration", () => {
  const secret = randomBytes(32).toString("hex");

  test("an unknown NODE_ENV is refused instead of starting with development defaults", () => {
    for (const nodeEnv of ["Production", "prod", "staging", "PRODUCTION "])
      assert.throws(() => loadConfig({ NODE_ENV: nodeEnv, SESSION_SECRET: secret }), ConfigError, nodeEnv);
    assert.equal(loadConfig({}).nodeEnv, "development");
    assert.equal(loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).loadDemoData, false);
  });

  test("secrets are checked for length and randomness", () => {
    const production = (env: Record<string, string>) => loadConfig({ NODE_ENV: "production", ...env });
    assert.throws(() => production({}), /SESSION_SECRET/);
    for (const weak of [
      "a".repeat(32),
      "Welkom123456".repeat(3),
      "wijkwerk-development-secret-do-not-use",
      "abc123",
    ])
      assert.throws(() => production({ SESSION_SECRET: weak }), /SESSION_SECRET/, weak);
    assert.equal(production({ SESSION_SECRET: secret }).sessionSecret, secret);
    assert.ok(production({ SESSION_SECRET: randomBytes(32).toString("base64") }));
    assert.throws(
      () => production({ SESSION_SECRET: secret, AUDIT_WITNESS_KEY: "b".repeat(40) }),
      /AUDIT_WITNESS_KEY/,
    );
    assert.throws(
      () => loadConfig({ SESSION_SECRET: "x".repeat(32) }),
      /SESSION_SECRET/,
      "also outside production",
    );
  });

  test("the API reference is off in production unless API_DOCS=true", async () => {
    assert.equal(loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).apiDocs, false);
    assert.equal(
      loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret, API_DOCS: "true" }).apiDocs,
      true,
    );
    assert.equal(loadConfig({}).apiDocs, true);
    const off = await createTestApp({ apiDocs: false });
    const on = await createTestApp({ apiDocs: true });
    try {
      assert.equal((await off.app.inject({ url: "/api/docs" })).statusCode, 404);
      assert.notEqual((await on.app.inject({ url: "/api/docs" })).statusCode, 404);
    } finally {
      await off.close();
      await on.close();
    }
  });
});
