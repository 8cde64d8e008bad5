import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { type Clamd, EICAR, EICAR_SIGNATURE, startClamd, withoutClamd } from "../../test/clamd.ts";
import { auditActions, buildOutsider, buildPortalWorld } from "../portal/portal.fixtures.ts";
import { cleanPdf, docx, tinyPng, upload } from "./documents.fixtures.ts";

/**
 * Documents in the dossier (issue 20): upload through the API with a real ClamAV daemon, list, preview,
 * download, confidentiality, withdrawal — every read audited.
 */
describe("documents in the dossier", { skip: withoutClamd }, () => {
  let clamd: Clamd;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let caseLead: Client;
  let colleague: Client;
  let householdId: string;
  const url = () => `/api/households/${householdId}/documents`;

  before(async () => {
    clamd = await startClamd();
    t = await createTestApp({ documents: { clamavUrl: clamd.url } });
    world = await buildPortalWorld(t.database.db);
    householdId = world.a.householdId;
    caseLead = await logInAs(t.app, world.caseLead.username);
    colleague = await logInAs(t.app, world.colleague.username);
  });
  after(async () => {
    await t?.close();
    await clamd?.stop();
  });

  test("a clean PDF is accepted: scanned, listed with who uploaded it, downloaded as it was sent", async () => {
    const pdf = cleanPdf();
    const res = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "letter"],
        ["documentDate", "2024-03-01"],
        ["title", "Aanmaning energiebedrijf"],
      ],
      [{ filename: "aanmaning.pdf", content: pdf, type: "application/pdf" }],
    );
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.warning, null, "a scanner is configured: no warning");
    const doc = body.items[0];
    assert.equal(doc.status, "available");
    assert.equal(doc.scan, "clean");
    assert.equal(doc.mediaType, "application/pdf");
    assert.equal(doc.title, "Aanmaning energiebedrijf");
    assert.equal(doc.kindName, "Brief");
    assert.equal(doc.documentDate, "2024-03-01");
    assert.equal(doc.sizeBytes, pdf.length);
    assert.match(doc.sha256, /^[0-9a-f]{64}$/);

    const list = await caseLead.get(url());
    assert.equal(list.statusCode, 200);
    const listed = list.json().items[0];
    assert.equal(listed.id, doc.id);
    assert.equal(listed.uploadedByName, world.caseLead.displayName);

    const download = await caseLead.get(`/api/documents/${doc.id}/content`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, pdf, "the same bytes come back");
    assert.match(String(download.headers["content-disposition"]), /^attachment; filename="aanmaning.pdf"/);
    assert.equal(download.headers["cache-control"], "no-store");
    assert.equal(download.headers["x-content-type-options"], "nosniff");
    assert.match(String(download.headers["content-security-policy"]), /sandbox/);

    const preview = await caseLead.get(`/api/documents/${doc.id}/content?disposition=inline`);
    assert.equal(preview.statusCode, 200);
    assert.match(String(preview.headers["content-disposition"]), /^inline;/);
    assert.equal(preview.headers["content-type"], "application/pdf");
    assert.match(String(preview.headers["content-security-policy"]), /default-src 'none'.*sandbox/);

    const uploads = await auditActions(t.database.db, "document.uploaded");
    assert.equal(uploads.at(-1)?.resourceId, doc.id);
    assert.equal((await auditActions(t.database.db, "document.downloaded")).at(-1)?.resourceId, doc.id);
    assert.equal((await auditActions(t.database.db, "document.viewed")).at(-1)?.resourceId, doc.id);
    const listedEvent = (await auditActions(t.database.db, "document.listed")).at(-1);
    assert.deepEqual((listedEvent?.details as undefined | { documentIds: string[] })?.documentIds, [doc.id]);
  });

  test("the stored file is encrypted: the database holds no readable byte of it", async () => {
    const text = "Geheime brief met BSN 111222333 en schuld 4321 euro";
    const res = await upload(
      t,
      caseLead,
      url(),
      [["kind", "letter"]],
      [{ filename: "brief.txt", content: Buffer.from(text) }],
    );
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().items[0].id;
    const chunks = await t.database.db
      .selectFrom("documentChunk")
      .select("data")
      .where("documentId", "=", id)
      .execute();
    assert.equal(chunks.length, 1);
    assert.ok(!Buffer.from(chunks[0]?.data as Uint8Array).includes(Buffer.from("Geheime")));
    assert.equal((await caseLead.get(`/api/documents/${id}/content`)).body, text);
  });

  test("EICAR is refused by the scanner, nothing is stored, and the refusal is audited with the signature", async () => {
    const before = await t.database.db.selectFrom("document").select("id").execute();
    const res = await upload(
      t,
      caseLead,
      url(),
      [["kind", "letter"]],
      [{ filename: "brief.txt", content: Buffer.from(EICAR) }],
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error, "virusFound");
    assert.match(res.json().message, /virus/);
    const after = await t.database.db.selectFrom("document").select("id").execute();
    assert.equal(after.length, before.length, "no document row left");
    const refused = (await auditActions(t.database.db, "document.refused")).at(-1);
    assert.equal(refused?.householdId, householdId);
    assert.equal((refused?.details as undefined | { reason: string })?.reason, "virusFound");
    assert.equal((refused?.details as undefined | { signature: string })?.signature, EICAR_SIGNATURE);
  });

  test("EICAR inside a Word document (a zip) is found too", async () => {
    const res = await upload(
      t,
      caseLead,
      url(),
      [["kind", "report"]],
      [{ filename: "verslag.docx", content: docx([{ name: "word/media/x.txt", data: Buffer.from(EICAR) }]) }],
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error, "virusFound");
  });

  test("a photo from the phone's camera and a Word document are accepted; several files at once", async () => {
    const res = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "letter"],
        ["title", "Foto brief"],
        ["title", "Verslag"],
      ],
      [
        { filename: "IMG_0001.png", content: tinyPng(), type: "image/png" },
        { filename: "verslag.docx", content: docx() },
      ],
    );
    assert.equal(res.statusCode, 201, res.body);
    const [photo, word] = res.json().items;
    assert.equal(photo.preview, "image");
    assert.equal(photo.title, "Foto brief");
    assert.equal(word.mediaType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.equal(word.preview, null, "no preview of Office files");
    const preview = await caseLead.get(`/api/documents/${word.id}/content?disposition=inline`);
    assert.equal(preview.statusCode, 422);
  });

  test("medical information: only the case lead and the author; the team does not see it", async () => {
    const bad = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "medical"],
        ["confidentiality", "team"],
      ],
      [{ filename: "huisarts.pdf", content: cleanPdf() }],
    );
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error, "medicalForCaseLead");
    const res = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "medical"],
        ["confidentiality", "caseLead"],
      ],
      [{ filename: "huisarts.pdf", content: cleanPdf("Brief van de huisarts") }],
    );
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().items[0].id;
    const team = (await colleague.get(url())).json().items as { id: string }[];
    assert.equal(team.length > 0, true, "the colleague sees the team's documents");
    assert.ok(!team.some((d) => d.id === id), "but not the medical letter");
    assert.equal((await colleague.get(`/api/documents/${id}/content`)).statusCode, 404);
    assert.equal((await caseLead.get(`/api/documents/${id}/content`)).statusCode, 200);
  });

  test("another team gets 404 for the list, the file and an upload; the refusals are audited", async () => {
    const outsider = await buildOutsider(
      t.database.db,
      world.municipality.id,
      world.organisation.id,
      (
        await t.database.db
          .insertInto("team")
          .values({
            municipalityId: world.municipality.id,
            name: "Ander team",
            model: "integrated",
            areaCodes: [],
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    const client = await logInAs(t.app, outsider.username);
    const list = (await caseLead.get(url())).json().items as { id: string }[];
    const id = list[0]?.id as string;
    assert.equal((await client.get(url())).statusCode, 404);
    assert.equal((await client.get(`/api/documents/${id}/content`)).statusCode, 404);
    const res = await upload(
      t,
      client,
      url(),
      [["kind", "letter"]],
      [{ filename: "x.pdf", content: cleanPdf() }],
    );
    assert.equal(res.statusCode, 404);
    const refusals = await auditActions(t.database.db, "access.refused");
    assert.ok(refusals.some((r) => r.actorUserId === outsider.id));
  });

  test("a document is withdrawn with a reason: kept, hidden from everyone, and it can no longer be opened", async () => {
    const res = await upload(
      t,
      caseLead,
      url(),
      [["kind", "other"]],
      [{ filename: "fout.pdf", content: cleanPdf("Verkeerd dossier") }],
    );
    const id = res.json().items[0].id;
    assert.equal(res.json().items[0].allowed.withdraw, true);
    const short = await caseLead.post(`/api/documents/${id}/withdraw`, { reason: "x" });
    assert.equal(short.statusCode, 422);
    const done = await caseLead.post(`/api/documents/${id}/withdraw`, {
      reason: "Hoort bij een ander huishouden",
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.ok(!((await caseLead.get(url())).json().items as { id: string }[]).some((d) => d.id === id));
    assert.equal((await caseLead.get(`/api/documents/${id}/content`)).statusCode, 404);
    const kept = await t.database.db
      .selectFrom("document")
      .select(["withdrawalReason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(kept.withdrawalReason, "Hoort bij een ander huishouden");
    const event = (await auditActions(t.database.db, "document.withdrawn")).at(-1);
    assert.ok(!JSON.stringify(event).includes("ander huishouden"), "the reason stays out of the audit trail");
  });

  test("linked to a plan goal of this household; a goal of another household is refused", async () => {
    const goal = await t.database.db.selectFrom("planGoal").select(["id", "householdId"]).execute();
    const own = goal.find((g) => g.householdId === householdId)?.id as string;
    const other = goal.find((g) => g.householdId !== householdId)?.id as string;
    const ok = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "decision"],
        ["linkType", "planGoal"],
        ["linkId", own],
      ],
      [{ filename: "beschikking.pdf", content: cleanPdf("Beschikking") }],
    );
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json().items[0].link, { type: "planGoal", id: own });
    const bad = await upload(
      t,
      caseLead,
      url(),
      [
        ["kind", "decision"],
        ["linkType", "planGoal"],
        ["linkId", other],
      ],
      [{ filename: "beschikking.pdf", content: cleanPdf("Beschikking") }],
    );
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error, "linkNotInHousehold");
  });

  test("the municipality extends the list of kinds; an unknown kind is refused", async () => {
    const admin = await logInAs(
      t.app,
      (
        await t.database.db
          .insertInto("appUser")
          .values({
            municipalityId: world.municipality.id,
            username: "docbeheer",
            displayName: "Beheer",
            email: null,
            role: "administrator",
            homeOrganisationId: world.organisation.id,
            passwordHash: (
              await t.database.db
                .selectFrom("appUser")
                .select("passwordHash")
                .where("id", "=", world.caseLead.id)
                .executeTakeFirstOrThrow()
            ).passwordHash,
            totpSecret: null,
            oidcSubject: null,
            lockedUntil: null,
            disabledAt: null,
          })
          .returning("username")
          .executeTakeFirstOrThrow()
      ).username,
    );
    const added = await admin.post("/api/document-kinds", { name: "Huurcontract" });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal((await admin.post("/api/document-kinds", { name: "huurcontract" })).statusCode, 409);
    assert.equal((await caseLead.post("/api/document-kinds", { name: "Anders" })).statusCode, 403);
    const kinds = (await caseLead.get("/api/document-kinds")).json().items as {
      code: string;
      name: string;
    }[];
    const code = kinds.find((k) => k.name === "Huurcontract")?.code as string;
    const res = await upload(
      t,
      caseLead,
      url(),
      [["kind", code]],
      [{ filename: "huur.pdf", content: cleanPdf() }],
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().items[0].kindName, "Huurcontract");
    const unknown = await upload(
      t,
      caseLead,
      url(),
      [["kind", "poem"]],
      [{ filename: "x.pdf", content: cleanPdf() }],
    );
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().error, "unknownKind");
  });
});
