import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { Readable } from "node:stream";
import { after, afterEach, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { type Clamd, freePort, startClamd, withoutClamd } from "../../test/clamd.ts";
import { auditActions, buildPortalWorld } from "../portal/portal.fixtures.ts";
import {
  cleanPdf,
  docx,
  multipart,
  pdfWithHiddenJavaScript,
  pdfWithJavaScript,
  upload,
  windowsProgram,
} from "./documents.fixtures.ts";

/**
 * Bad input at the upload (issue 20): each a clear Dutch message and nothing half-stored — no document
 * row, no chunk — whatever went wrong: content, size, count, name, the scanner or the connection.
 */
describe("documents: bad input is refused and nothing is half-stored", { skip: withoutClamd }, () => {
  let clamd: Clamd;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let caseLead: Client;
  let url: string;
  let saved: TestApp["config"]["documents"];

  const stored = async () => ({
    documents: (await t.database.db.selectFrom("document").select("id").execute()).length,
    chunks: (await t.database.db.selectFrom("documentChunk").select("seq").execute()).length,
  });
  const refusedWith = async (
    res: { statusCode: number; json(): { error: string; message: string } },
    status: number,
    error: string,
    before: { documents: number; chunks: number },
  ) => {
    assert.equal(res.statusCode, status, JSON.stringify(res.json()));
    assert.equal(res.json().error, error);
    assert.ok(res.json().message.length > 20, "a Dutch sentence, not a code");
    assert.deepEqual(await stored(), before, "nothing stored");
  };

  before(async () => {
    clamd = await startClamd();
    t = await createTestApp({ documents: { clamavUrl: clamd.url } });
    saved = { ...t.config.documents };
    world = await buildPortalWorld(t.database.db);
    caseLead = await logInAs(t.app, world.caseLead.username);
    url = `/api/households/${world.a.householdId}/documents`;
  });
  afterEach(() => {
    Object.assign(t.config.documents, saved);
  });
  after(async () => {
    await t?.close();
    await clamd?.stop();
  });

  test("a renamed program, an empty file and an unknown type are refused (and the program audited)", async () => {
    const before = await stored();
    await refusedWith(
      await upload(
        t,
        caseLead,
        url,
        [["kind", "letter"]],
        [{ filename: "brief.pdf", content: windowsProgram() }],
      ),
      422,
      "executable",
      before,
    );
    assert.equal(
      (
        (await auditActions(t.database.db, "document.refused")).at(-1)?.details as
          | undefined
          | { reason: string }
      )?.reason,
      "executable",
    );
    await refusedWith(
      await upload(
        t,
        caseLead,
        url,
        [["kind", "letter"]],
        [{ filename: "leeg.pdf", content: Buffer.alloc(0) }],
      ),
      422,
      "emptyFile",
      before,
    );
    await refusedWith(
      await upload(
        t,
        caseLead,
        url,
        [["kind", "letter"]],
        [{ filename: "data.bin", content: Buffer.from([0, 1, 2, 3, 255, 254]) }],
      ),
      422,
      "typeNotAllowed",
      before,
    );
  });

  test("a PDF with JavaScript is refused, also when the name is escaped or hidden in an object stream", async () => {
    const before = await stored();
    for (const content of [pdfWithJavaScript(), pdfWithHiddenJavaScript()])
      await refusedWith(
        await upload(t, caseLead, url, [["kind", "letter"]], [{ filename: "brief.pdf", content }]),
        422,
        "pdfActiveContent",
        before,
      );
  });

  test("a zip bomb and an Office file with macros are refused", async () => {
    const before = await stored();
    t.config.documents.maxUnpackedBytes = 4 * 1024 * 1024;
    const bomb = docx([{ name: "word/media/zeros.bin", data: Buffer.alloc(16 * 1024 * 1024) }]);
    assert.ok(bomb.length < 100_000, "a small file that unpacks to 16 MB");
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "report"]], [{ filename: "verslag.docx", content: bomb }]),
      422,
      "zipBomb",
      before,
    );
    // The directory claims a small size; unpacking shows the truth.
    const lying = docx([
      { name: "word/media/zeros.bin", data: Buffer.alloc(16 * 1024 * 1024), claimedSize: 1000 },
    ]);
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "report"]], [{ filename: "verslag.docx", content: lying }]),
      422,
      "officeDamaged",
      before,
    );
    const manyDocx = docx(
      Array.from({ length: 2100 }, (_, i) => ({ name: `word/x${i}.xml`, data: Buffer.from("<a/>") })),
    );
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "report"]], [{ filename: "veel.docx", content: manyDocx }]),
      422,
      "zipBomb",
      before,
    );
    const macros = docx([{ name: "word/vbaProject.bin", data: Buffer.from("Attribute VB_Name") }]);
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "report"]], [{ filename: "m.docx", content: macros }]),
      422,
      "officeMacros",
      before,
    );
  });

  test("a file of 200 MB is refused at the limit with nothing stored; a declared size above any upload is refused unread", async () => {
    const before = await stored();
    const body = multipart([["kind", "letter"]], [{ filename: "groot.pdf", content: Buffer.alloc(0) }]);
    const [head, tail] = [
      body.payload.subarray(0, body.payload.indexOf("\r\n\r\n", body.payload.indexOf("filename")) + 4),
      Buffer.from(body.payload.subarray(body.payload.lastIndexOf("\r\n--"))),
    ];
    let sent = 0;
    const total = 200 * 1024 * 1024;
    const zeros = Buffer.alloc(1024 * 1024);
    const payload = Readable.from(
      (async function* () {
        yield head;
        yield cleanPdf().subarray(0, 9);
        for (; sent < total; sent += zeros.length) yield zeros;
        yield tail;
      })(),
    );
    const res = await t.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: caseLead.cookie,
        "x-csrf-token": caseLead.csrfToken,
        "content-type": body.contentType,
      },
      payload,
    });
    await refusedWith(res, 413, "fileTooLarge", before);
    // Memory stays flat: past the limit the bytes are counted and dropped, never collected (see bench/README.md).
    const declared = await t.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: caseLead.cookie,
        "x-csrf-token": caseLead.csrfToken,
        "content-type": body.contentType,
        "content-length": String(total * 2),
      },
      payload: "x",
    });
    assert.equal(declared.statusCode, 413);
  });

  test("50 files at once are refused and none of them is kept", async () => {
    const before = await stored();
    const files = Array.from({ length: 50 }, (_, i) => ({
      filename: `brief-${i}.pdf`,
      content: cleanPdf(`Brief ${i}`),
    }));
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "letter"]], files),
      400,
      "tooManyFiles",
      before,
    );
  });

  test("file names with path separators or control characters are refused", async () => {
    const before = await stored();
    for (const filename of [
      "../../etc/passwd.pdf",
      "map\\brief.pdf",
      "brief\u0007.pdf",
      "factuur\u202Efdp.exe",
    ])
      await refusedWith(
        await upload(t, caseLead, url, [["kind", "letter"]], [{ filename, content: cleanPdf() }]),
        400,
        "fileNameInvalid",
        before,
      );
  });

  test("a scanner that is down or too slow: refused, never stored unscanned", async () => {
    const before = await stored();
    t.config.documents.clamavUrl = `tcp://127.0.0.1:${await freePort()}`;
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "letter"]], [{ filename: "a.pdf", content: cleanPdf() }]),
      503,
      "scannerUnavailable",
      before,
    );
    // A scanner that accepts the connection and then never answers.
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    t.config.documents.clamavUrl = `tcp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    t.config.documents.scanTimeoutMs = 500;
    const slow = await upload(
      t,
      caseLead,
      url,
      [["kind", "letter"]],
      [{ filename: "a.pdf", content: cleanPdf() }],
    );
    silent.close();
    await refusedWith(slow, 503, "scannerUnavailable", before);
    assert.match(slow.json().message, /te traag/);
  });

  test("without a scanner: refused in production, accepted with a visible warning in development", async () => {
    const before = await stored();
    t.config.documents.clamavUrl = undefined;
    t.config.documents.requireScanner = true;
    await refusedWith(
      await upload(t, caseLead, url, [["kind", "letter"]], [{ filename: "a.pdf", content: cleanPdf() }]),
      503,
      "scannerNotConfigured",
      before,
    );
    t.config.documents.requireScanner = false;
    const res = await upload(
      t,
      caseLead,
      url,
      [["kind", "letter"]],
      [{ filename: "a.pdf", content: cleanPdf() }],
    );
    assert.equal(res.statusCode, 201);
    assert.match(res.json().warning, /geen virusscanner/);
    assert.equal(res.json().items[0].scan, "notScanned");
    const settings = (await caseLead.get("/api/document-settings")).json();
    assert.equal(settings.scanner, "missingAllowed");
    assert.match(settings.warning, /geen virusscanner/);
  });

  test("the household's limit counts every document (app_household_document_bytes), also those only the case lead sees", async () => {
    const used = Number(
      (
        await t.database.db
          .selectFrom("document")
          .select((eb) => eb.fn.sum<number>("sizeBytes").as("n"))
          .where("householdId", "=", world.a.householdId)
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
    const pdf = cleanPdf("Medisch");
    t.config.documents.maxHouseholdBytes = used + pdf.length + 10;
    const medical = await upload(
      t,
      caseLead,
      url,
      [
        ["kind", "medical"],
        ["confidentiality", "caseLead"],
      ],
      [{ filename: "arts.pdf", content: pdf }],
    );
    assert.equal(medical.statusCode, 201, medical.body);
    const colleague = await logInAs(t.app, world.colleague.username);
    const access = await t.database.db
      .selectFrom("householdAccess")
      .select("level")
      .where("userId", "=", world.colleague.id)
      .where("householdId", "=", world.a.householdId)
      .execute();
    if (!access.some((a) => a.level === "edit" || a.level === "caseLead")) {
      const c = await t.database.db
        .selectFrom("caseFile")
        .select("version")
        .where("id", "=", world.a.caseId)
        .executeTakeFirstOrThrow();
      const involved = await caseLead.post(`/api/cases/${world.a.caseId}/professionals`, {
        version: c.version,
        userId: world.colleague.id,
        roleInCase: "GGZ",
      });
      assert.equal(involved.statusCode, 201, involved.body);
    }
    const before = await stored();
    await refusedWith(
      await upload(
        t,
        colleague,
        url,
        [["kind", "letter"]],
        [{ filename: "b.pdf", content: cleanPdf("Nog een brief") }],
      ),
      413,
      "householdFull",
      before,
    );
  });

  test("an upload interrupted halfway leaves nothing behind", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as net.AddressInfo).port;
    const before = await stored();
    const body = multipart(
      [["kind", "letter"]],
      [{ filename: "brief.pdf", content: Buffer.concat([cleanPdf(), Buffer.alloc(3 * 1024 * 1024)]) }],
    );
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: url,
        headers: {
          cookie: caseLead.cookie,
          "x-csrf-token": caseLead.csrfToken,
          "content-type": body.contentType,
          "content-length": String(body.payload.length),
        },
      });
      req.on("error", () => resolve());
      req.write(body.payload.subarray(0, 2 * 1024 * 1024 + 500), () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
    });
    for (let i = 0; i < 50; i++) {
      const now = await stored();
      if (now.documents === before.documents && now.chunks === before.chunks) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(await stored(), before);
  });

  test("an unknown field is refused before anything is stored", async () => {
    const before = await stored();
    await refusedWith(
      await upload(
        t,
        caseLead,
        url,
        [
          ["kind", "letter"],
          ["householdId", world.b.householdId],
        ],
        [{ filename: "a.pdf", content: cleanPdf() }],
      ),
      400,
      "unknownField",
      before,
    );
  });
});
