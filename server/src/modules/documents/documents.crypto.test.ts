import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildPortalWorld } from "../portal/portal.fixtures.ts";
import { masterKeyOf } from "./documents.config.ts";
import { decryptChunk, unwrapDataKey } from "./documents.crypto.ts";
import { cleanPdf, upload } from "./documents.fixtures.ts";
import { rewrapDataKeys } from "./documents.keys.ts";

/**
 * Encryption at rest: a master key rotation re-wraps the data keys and leaves every file's chunks as they
 * were; a chunk changed in the database is detected, never served.
 */
describe("documents: key rotation and tampering", () => {
  let t: TestApp;
  let caseLead: Client;
  let url: string;
  const oldKey = masterKeyOf(randomBytes(32));
  const newKey = masterKeyOf(randomBytes(32));

  before(async () => {
    t = await createTestApp({ documents: { masterKeys: [oldKey] } });
    const w = await buildPortalWorld(t.database.db);
    caseLead = await logInAs(t.app, w.caseLead.username);
    url = `/api/households/${w.a.householdId}/documents`;
  });
  after(() => t?.close());

  test("rotating the master key re-wraps the data key, not the files; the file still opens", async () => {
    const pdf = cleanPdf("Voor de rotatie");
    const id = (
      await upload(t, caseLead, url, [["kind", "letter"]], [{ filename: "a.pdf", content: pdf }])
    ).json().items[0].id;
    const chunksBefore = await t.database.db
      .selectFrom("documentChunk")
      .select(["nonce", "data"])
      .where("documentId", "=", id)
      .execute();
    const keyBefore = await t.database.db
      .selectFrom("documentKey")
      .select(["masterKeyId", "wrappedKey"])
      .executeTakeFirstOrThrow();
    assert.equal(keyBefore.masterKeyId, oldKey.id);

    await assert.rejects(rewrapDataKeys(t.database.db, [newKey]), /not in DOCUMENT_MASTER_KEYS_PREVIOUS/);
    const result = await rewrapDataKeys(t.database.db, [newKey, oldKey]);
    assert.equal(result.rewrapped, 1);
    const keyAfter = await t.database.db
      .selectFrom("documentKey")
      .select(["masterKeyId", "wrappedKey"])
      .executeTakeFirstOrThrow();
    assert.equal(keyAfter.masterKeyId, newKey.id);
    assert.notDeepEqual(Buffer.from(keyAfter.wrappedKey), Buffer.from(keyBefore.wrappedKey));
    const chunksAfter = await t.database.db
      .selectFrom("documentChunk")
      .select(["nonce", "data"])
      .where("documentId", "=", id)
      .execute();
    assert.deepEqual(
      chunksAfter.map((c) => Buffer.from(c.data).toString("hex")),
      chunksBefore.map((c) => Buffer.from(c.data).toString("hex")),
      "the file was not re-encrypted",
    );

    // Only the new master key is needed now: it unwraps the data key, which opens the unchanged chunks.
    const row = await t.database.db
      .selectFrom("documentKey")
      .select(["id", "municipalityId", "wrappedKey"])
      .executeTakeFirstOrThrow();
    const dataKey = unwrapDataKey(newKey, row.municipalityId, row.id, Buffer.from(row.wrappedKey));
    const first = chunksAfter[0] as { nonce: Uint8Array; data: Uint8Array };
    const plain = decryptChunk({ id: row.id, key: dataKey }, id, 0, true, {
      nonce: Buffer.from(first.nonce),
      data: Buffer.from(first.data),
    });
    assert.deepEqual(plain, pdf);
    assert.throws(() =>
      unwrapDataKey(masterKeyOf(randomBytes(32)), row.municipalityId, row.id, Buffer.from(row.wrappedKey)),
    );
    const res = await caseLead.get(`/api/documents/${id}/content`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, pdf);
  });

  test("a chunk changed in the database is detected: the download breaks off instead of serving it", async () => {
    const id = (
      await upload(t, caseLead, url, [["kind", "letter"]], [{ filename: "b.pdf", content: cleanPdf("Echt") }])
    ).json().items[0].id;
    const chunk = await t.database.db
      .selectFrom("documentChunk")
      .select("data")
      .where("documentId", "=", id)
      .executeTakeFirstOrThrow();
    const changed = Buffer.from(chunk.data);
    changed[10] = (changed[10] ?? 0) ^ 0xff;
    await t.database.db
      .updateTable("documentChunk")
      .set({ data: changed })
      .where("documentId", "=", id)
      .execute();
    const res = await caseLead.get(`/api/documents/${id}/content`).catch((e: Error) => e);
    assert.ok(
      res instanceof Error || res.rawPayload.length === 0 || !res.rawPayload.includes(Buffer.from("Echt")),
    );
  });
});
