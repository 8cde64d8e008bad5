import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildUser } from "../../test/factories.ts";
import { parseOpeningHours } from "./directory.csv.ts";

const HEADER =
  "externalKey,name,description,kind,providerName,wmoPerformanceFields,lifeDomains,targetGroups,accessRoute,cost,servesWholeMunicipality,areaCodes,postcode,street,houseNumber,neighbourhoodCode,openingHours,isPublic";
const good = (key: string, name: string) =>
  `${key},${name},"Een goede omschrijving, met een komma erin.",collectiveProvision,Welzijn Utrecht,1|3,finances|socialNetwork,everyone,walkIn,free,nee,WK034403,3562 JT,Zamenhofdreef,18,BU03440321,"ma 09:00-12:00, 13:00-17:00; wo 09:00-12:00",ja`;

describe("social map CSV import and export", () => {
  let t: TestApp;
  let admin: Client;

  before(async () => {
    t = await createTestApp({ directoryImportMaxRows: 1000 });
    const m = await buildMunicipality(t.database.db, { code: "GM0344" });
    await buildUser(t.database.db, m.id, { username: "csv-admin", role: "administrator" });
    admin = await logInAs(t.app, "csv-admin");
  });
  after(() => t.close());

  const upload = (body: string | Buffer, query = "") =>
    t.app.inject({
      method: "POST",
      url: `/api/directory/import${query}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "text/csv" },
      payload: body,
    });
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("directoryEntry")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test("mixed good and bad rows: good rows are imported, every bad row is reported by row, field and reason", async () => {
    const csv = [
      HEADER,
      good("a-1", "Buurtkamer Dreef"),
      "a-2,Te kort,kort,collectiveProvision,Welzijn,10,finances,everyone,walkIn,free,nee,WK039999,12345,X,1,,ma 17:00-09:00,ja",
      good("a-3", "Koffie-inloop Tigris"),
      "a-4,Onbekende soort,Een goede omschrijving van iets,festival,Welzijn,1,finances,everyone,walkIn,free,ja,,,,,,,misschien",
      good("a-1", "Dubbele sleutel"),
    ].join("\n");
    const res = await upload(csv);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json();
    assert.equal(report.rows, 5);
    assert.equal(report.created, 2);
    assert.equal(report.updated, 0);
    assert.equal(report.rejected, 3);
    const at = (row: number) =>
      report.problems
        .filter((p: { row: number }) => p.row === row)
        .map((p: { field: string }) => p.field)
        .sort();
    assert.deepEqual(at(3), ["areaCodes", "description", "openingHours", "postcode", "wmoPerformanceFields"]);
    assert.deepEqual(at(5), ["isPublic", "kind"]);
    assert.deepEqual(at(6), ["externalKey"]);
    for (const p of report.problems) assert.ok(p.reason.length > 5, "each problem has a reason");
    assert.equal(await count(), 2);
  });

  test("re-importing updates by external key instead of duplicating", async () => {
    const res = await upload(
      [HEADER, good("a-1", "Buurtkamer De Dreef (nieuw)"), good("a-9", "Nieuwe plek")].join("\r\n"),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().created, res.json().updated], [1, 1]);
    assert.equal(await count(), 3);
    const row = await t.database.db
      .selectFrom("directoryEntry")
      .select("name")
      .where("externalKey", "=", "a-1")
      .executeTakeFirstOrThrow();
    assert.equal(row.name, "Buurtkamer De Dreef (nieuw)");
  });

  test("a dry run reports without writing", async () => {
    const res = await upload([HEADER, good("dry-1", "Alleen proberen")].join("\n"), "?dryRun=true");
    assert.equal(res.json().created, 1);
    assert.equal(await count(), 3);
  });

  test("file-level problems are refused with a precise message and change nothing", async () => {
    const latin1 = Buffer.from(`${HEADER}\n${good("l-1", "Caf\u00e9 De Ster")}`, "latin1");
    const cases: [string | Buffer, string, RegExp][] = [
      [latin1, "wrongEncoding", /geen UTF-8/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a", "utf16le")]), "wrongEncoding", /UTF-16/],
      [HEADER.replaceAll(",", "\t"), "wrongSeparator", /tab/],
      [good("x", "Zonder kopregel"), "missingHeader", /kolomnamen/],
      ["externalKey,name\nx,y", "missingColumn", /description/],
      [
        [HEADER, ...Array.from({ length: 1001 }, (_, i) => good(`r-${i}`, `Rij ${i}`))].join("\n"),
        "tooManyRows",
        /1\.001 rijen; het maximum is 1\.000/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await upload(body);
      assert.equal(res.statusCode, 422, `${code}: ${res.body}`);
      assert.equal(res.json().error, code);
      assert.match(res.json().message, message);
    }
    assert.equal(await count(), 3);
  });

  test("semicolon-separated files (Dutch spreadsheets) import too", async () => {
    const row = good("s-1", "Puntkomma-plek").replace(
      '"Een goede omschrijving, met een komma erin."',
      "Een omschrijving zonder komma",
    );
    const semicolon = [HEADER.replaceAll(",", ";"), row.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ";")].join(
      "\n",
    );
    const res = await upload(semicolon);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 1, res.body);
  });

  test("export round-trip: the exported file imports again as updates only, unchanged", async () => {
    const exported = await admin.get("/api/directory/export");
    assert.equal(exported.statusCode, 200);
    assert.match(exported.headers["content-type"] as string, /text\/csv/);
    const before = await t.database.db
      .selectFrom("directoryEntry")
      .selectAll()
      .orderBy("externalKey")
      .execute();
    const res = await upload(exported.rawPayload);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().created, res.json().updated, res.json().rejected], [0, before.length, 0]);
    const afterRows = await t.database.db
      .selectFrom("directoryEntry")
      .selectAll()
      .orderBy("externalKey")
      .execute();
    const strip = (rows: typeof before) => rows.map(({ updatedAt: _u, searchVector: _s, ...rest }) => rest);
    assert.deepEqual(strip(afterRows), strip(before));
  });

  test("opening hours notation", () => {
    assert.deepEqual(parseOpeningHours("ma 9.00-12:00, 13:00-17:00; za 10:00-12:00"), {
      periods: [
        { day: "monday", opens: "09:00", closes: "12:00" },
        { day: "monday", opens: "13:00", closes: "17:00" },
        { day: "saturday", opens: "10:00", closes: "12:00" },
      ],
    });
    assert.ok("problem" in parseOpeningHours("maandag 09:00-12:00"));
    assert.ok("problem" in parseOpeningHours("ma 9-12"));
  });
});
