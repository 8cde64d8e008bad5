import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { jobCatalogue } from "../../platform/jobs/catalogue.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { auditActions, buildPortalWorld } from "../portal/portal.fixtures.ts";
import { cleanPdf, upload } from "./documents.fixtures.ts";

/**
 * An upload cut off by a stopped process (a crash, a deploy) stays 'scanning' with the chunks it got so
 * far: nobody can open it, but it takes up the household's space. The background job removes it once
 * it is clearly abandoned, and leaves uploads that may still be running alone.
 */
describe("documents: unfinished uploads of a stopped process are removed", () => {
  let t: TestApp;
  let caseLead: Client;
  let householdId: string;

  before(async () => {
    t = await createTestApp();
    const world = await buildPortalWorld(t.database.db);
    householdId = world.a.householdId;
    caseLead = await logInAs(t.app, world.caseLead.username);
  });
  after(() => t?.close());

  async function uploaded(title: string): Promise<string> {
    const res = await upload(
      t,
      caseLead,
      `/api/households/${householdId}/documents`,
      [
        ["kind", "letter"],
        ["title", title],
      ],
      [{ filename: "brief.pdf", content: cleanPdf(title), type: "application/pdf" }],
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json().items[0].id;
  }

  /** What a process that stopped mid-upload leaves behind (the database itself is the subject here). */
  async function leftScanning(id: string, minutesAgo: number) {
    await t.database.db
      .updateTable("document")
      .set({ status: "scanning", uploadedAt: new Date(Date.now() - minutesAgo * 60_000) })
      .where("id", "=", id)
      .execute();
  }

  const chunksOf = async (id: string) =>
    Number(
      (
        await t.database.db
          .selectFrom("documentChunk")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("documentId", "=", id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  test("the job removes an upload abandoned hours ago with its chunks, keeps a recent one and finished ones", async () => {
    const abandoned = await uploaded("Afgebroken upload");
    const recent = await uploaded("Upload die nog loopt");
    const finished = await uploaded("Gewoon opgeslagen");
    await leftScanning(abandoned, 180);
    await leftScanning(recent, 10);
    assert.ok((await chunksOf(abandoned)) > 0);

    const job = jobCatalogue({ mailer: undefined, maintenance: t.database.db }).find(
      (j) => j.name === "documents.removeUnfinished",
    );
    assert.ok(job, "the job is in the catalogue");
    const summary = await job.run({ db: t.database.db, now: new Date() });
    assert.equal(summary.removed, 1);

    const left = await t.database.db.selectFrom("document").select(["id", "status"]).execute();
    const ids = left.map((d) => d.id);
    assert.ok(!ids.includes(abandoned), "the abandoned upload is gone");
    assert.equal(await chunksOf(abandoned), 0, "with its chunks");
    assert.ok(ids.includes(recent), "an upload that may still be running stays");
    assert.ok(ids.includes(finished), "a finished document stays");

    const audit = await auditActions(t.database.db, "document.unfinishedRemoved");
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]?.details, { removed: 1 });

    const titles = (await caseLead.get(`/api/households/${householdId}/documents`))
      .json()
      .items.map((d: { title: string }) => d.title);
    assert.ok(titles.includes("Gewoon opgeslagen"));
    assert.ok(!titles.includes("Afgebroken upload"));
  });

  test("without the owner's connection the job reports that it was skipped", async () => {
    const job = jobCatalogue({ mailer: undefined }).find((j) => j.name === "documents.removeUnfinished");
    assert.deepEqual(await job?.run({ db: t.database.db, now: new Date() }), {
      skipped: "noOwnerConnection",
    });
  });
});
