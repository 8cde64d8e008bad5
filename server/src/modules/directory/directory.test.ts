import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { withActor, withPublicContext } from "../../platform/context.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildOrganisation, buildUser } from "../../test/factories.ts";
import { buildDirectoryEntry, entryInput } from "./directory.factories.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_plan_directory_references.

interface Listed {
  total: number;
  items: { id: string; name: string; distanceKm: number | null; [key: string]: unknown }[];
}

describe("social map (serviceDirectory) API", () => {
  let t: TestApp;
  let municipalityId: string;
  let admin: Client;
  let professional: Client;
  let partner: Client;
  let policyOfficer: Client;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const m = await buildMunicipality(db, { code: "GM0344", name: "Utrecht" });
    municipalityId = m.id;
    const org = await buildOrganisation(db, m.id);
    for (const [username, role] of [
      ["sk-admin", "administrator"],
      ["sk-prof", "professional"],
      ["sk-partner", "partner"],
      ["sk-policy", "policyOfficer"],
    ] as const) {
      await buildUser(db, m.id, { username, role, organisationId: org.id });
    }
    admin = await logInAs(t.app, "sk-admin");
    professional = await logInAs(t.app, "sk-prof");
    partner = await logInAs(t.app, "sk-partner");
    policyOfficer = await logInAs(t.app, "sk-policy");

    await buildDirectoryEntry(db, m.id, {
      externalKey: "schuld",
      name: "Schuldhulpverlening Utrecht",
      description: "Hulp als u uw rekeningen niet meer kunt betalen.",
      kind: "individualProvision",
      lifeDomains: ["finances"],
      wmoPerformanceFields: [3, 5],
      neighbourhoodCode: "BU03441011",
      contactPersonName: "Petra Privé",
      contactPersonEmail: "petra@example.org",
    });
    await buildDirectoryEntry(db, m.id, {
      externalKey: "geld",
      name: "Geldcafé Overvecht",
      description: "Samen uw post en schulden op een rij zetten, met een kop koffie.",
      lifeDomains: ["finances"],
      wmoPerformanceFields: [3],
      servesWholeMunicipality: false,
      areaCodes: ["WK034403"],
      neighbourhoodCode: "BU03440322",
      cost: "contribution",
    });
    await buildDirectoryEntry(db, m.id, {
      externalKey: "intern",
      name: "Bemoeizorg schulden intern",
      description: "Alleen voor professionals: outreachende hulp bij schulden en zorgen.",
      isPublic: false,
      lifeDomains: ["finances", "mentalHealth"],
    });
    await buildDirectoryEntry(db, m.id, {
      externalKey: "oud",
      name: "Schuldenspreekuur dat gestopt is",
      description: "Dit spreekuur bestaat niet meer sinds vorig jaar.",
      activeFrom: "2019-01-01",
      activeUntil: "2020-12-31",
    });
    await buildDirectoryEntry(db, m.id, {
      externalKey: "koffie",
      name: "Koffieochtend Lombok",
      description: "Koffie en thee met buurtgenoten, gewoon binnenlopen.",
      lifeDomains: ["socialNetwork"],
      targetGroups: ["elderly", "lonely"],
      wmoPerformanceFields: [1],
      neighbourhoodCode: "BU03440121",
      reviewDate: "2020-01-01",
    });
  });
  after(() => t.close());

  const names = (body: Listed) => body.items.map((i) => i.name);

  test('"schulden" finds "schuldhulpverlening" (Dutch stemming plus prefix matching)', async () => {
    const res = await professional.get("/api/directory/entries?q=schulden");
    assert.equal(res.statusCode, 200, res.body);
    const found = names(res.json());
    assert.ok(found.includes("Schuldhulpverlening Utrecht"), `found ${found.join(", ")}`);
    assert.ok(found.includes("Geldcafé Overvecht"), "description matches too");
    assert.ok(!found.includes("Koffieochtend Lombok"));
    assert.ok(!found.includes("Schuldenspreekuur dat gestopt is"), "an ended entry is not found by default");
  });

  test("a name match ranks above a description match", async () => {
    const body: Listed = (await professional.get("/api/directory/entries?q=schuldhulpverlening")).json();
    assert.equal(body.items[0]?.name, "Schuldhulpverlening Utrecht");
  });

  test("filters combine with the text: life domain, kind, performance field, free, area, target group", async () => {
    const get = async (query: string) =>
      names((await professional.get(`/api/directory/entries?${query}`)).json());
    assert.deepEqual(await get("q=schulden&kind=individualProvision"), ["Schuldhulpverlening Utrecht"]);
    assert.deepEqual((await get("q=schulden&free=true")).sort(), [
      "Bemoeizorg schulden intern",
      "Schuldhulpverlening Utrecht",
    ]);
    assert.deepEqual(await get("performanceField=5"), ["Schuldhulpverlening Utrecht"]);
    assert.deepEqual(await get("targetGroup=lonely"), ["Koffieochtend Lombok"]);
    const overvecht = await get("lifeDomain=finances&area=BU03440322");
    assert.ok(overvecht.includes("Geldcafé Overvecht"), "serves the wijk of this buurt");
    const lombok = await get("lifeDomain=finances&area=BU03440121");
    assert.ok(!lombok.includes("Geldcafé Overvecht"), "does not serve Lombok");
    assert.ok(lombok.includes("Schuldhulpverlening Utrecht"), "serves the whole municipality");
  });

  test("ranking by distance to a given buurt", async () => {
    const body: Listed = (
      await professional.get("/api/directory/entries?lifeDomain=finances&near=BU03440321")
    ).json();
    assert.deepEqual(names(body).slice(0, 2), ["Geldcafé Overvecht", "Schuldhulpverlening Utrecht"]);
    const [near, far] = body.items;
    assert.ok(near && far && near.distanceKm !== null && far.distanceKm !== null);
    assert.ok(near.distanceKm < 1.5 && far.distanceKm > 5, `${near.distanceKm} km, ${far.distanceKm} km`);
    assert.equal(body.items.at(-1)?.distanceKm, null, "entries without an address come last");
    const unknown = await professional.get("/api/directory/entries?near=BU03079999");
    assert.equal(unknown.statusCode, 422);
  });

  test("entries past their review date are flagged and can be listed", async () => {
    const body: Listed = (await admin.get("/api/directory/entries?reviewOverdue=true")).json();
    assert.deepEqual(names(body), ["Koffieochtend Lombok"]);
    assert.equal(body.items[0]?.reviewOverdue, true);
  });

  test("the public endpoint needs no login, returns only public active entries and no personal data", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/public/GM0344/directory?q=schulden" });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as Listed & { municipalityName: string };
    assert.equal(body.municipalityName, "Utrecht");
    assert.deepEqual(names(body).sort(), ["Geldcafé Overvecht", "Schuldhulpverlening Utrecht"]);
    for (const field of [
      "contactPersonName",
      "contactPersonEmail",
      "contactPersonPhone",
      "externalKey",
      "updatedBy",
      "reviewDate",
    ]) {
      assert.ok(!res.body.includes(`"${field}"`), `public response has no ${field}`);
    }
    assert.ok(!res.body.includes("Petra") && !res.body.includes("petra@example.org"));
    const unknown = await t.app.inject({ method: "GET", url: "/api/public/GM0999/directory" });
    assert.equal(unknown.statusCode, 404);
    const list = await t.app.inject({ method: "GET", url: "/api/public/municipalities" });
    assert.deepEqual(list.json(), { items: [{ code: "GM0344", name: "Utrecht" }] });
  });

  test("row-level security: the public role cannot read internal entries even with a raw query", async () => {
    const rows = await withPublicContext(
      t.database.db,
      "GM0344",
      { clientIp: null },
      async (ctx) =>
        (
          await sql<{ externalKey: string }>`select external_key from directory_entry order by 1`.execute(
            ctx.trx,
          )
        ).rows,
    );
    assert.deepEqual(
      rows.map((r) => r.externalKey),
      ["geld", "koffie", "schuld"],
    );
    await withPublicContext(t.database.db, "GM0344", { clientIp: null }, (ctx) =>
      sql`update directory_entry set name = 'gehackt'`.execute(ctx.trx),
    );
    const changed = await t.database.db
      .selectFrom("directoryEntry")
      .select("id")
      .where("name", "=", "gehackt")
      .execute();
    assert.equal(changed.length, 0, "the public role changes nothing");
    const partnerRows = await withActor(
      t.database.db,
      {
        userId: "00000000-0000-0000-0000-000000000000",
        municipalityId,
        role: "partner",
        displayName: "p",
        organisationId: null,
        teamIds: [],
      },
      { clientIp: null },
      async (ctx) => (await sql`select id from directory_entry`.execute(ctx.trx)).rows,
    );
    assert.equal(partnerRows.length, 0, "a partner reads nothing through the database either");
  });

  test("permissions per role", async () => {
    const cases: [Client, string, "GET" | "POST", string, number][] = [
      [partner, "partner", "GET", "/api/directory/entries", 403],
      [policyOfficer, "policy officer", "GET", "/api/directory/entries", 200],
      [professional, "professional", "POST", "/api/directory/entries", 403],
      [policyOfficer, "policy officer", "POST", "/api/directory/import", 403],
      [professional, "professional", "GET", "/api/directory/export", 403],
      [policyOfficer, "policy officer", "GET", "/api/directory/export", 200],
      [partner, "partner", "POST", "/api/directory/suggestions", 403],
    ];
    for (const [client, who, method, url, expected] of cases) {
      const res = await client.request(method, url, method === "POST" ? entryInput() : undefined);
      assert.equal(res.statusCode, expected, `${who} ${method} ${url}: ${res.body}`);
    }
    const anonymous = await t.app.inject({ method: "GET", url: "/api/directory/entries" });
    assert.equal(anonymous.statusCode, 401);
  });

  test("an administrator creates an entry; bad input is named field by field", async () => {
    const created = await admin.post(
      "/api/directory/entries",
      entryInput({
        name: "Taalcafé",
        postcode: "3531ab",
        street: "Kanaalstraat",
        houseNumber: "12",
        neighbourhoodCode: "BU03440121",
        openingHours: [{ day: "tuesday", opens: "10:00", closes: "12:00" }],
      }),
    );
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().entry.postcode, "3531 AB");
    const bad = await admin.post(
      "/api/directory/entries",
      entryInput({
        wmoPerformanceFields: [10],
        servesWholeMunicipality: false,
        areaCodes: ["WK039999"],
        activeFrom: "2025-05-01",
        activeUntil: "2025-04-01",
        postcode: "12345",
        street: "X",
        houseNumber: "1",
        openingHours: [{ day: "monday", opens: "17:00", closes: "09:00" }],
      }),
    );
    assert.equal(bad.statusCode, 422);
    const fields = (bad.json().details.problems as { field: string }[]).map((p) => p.field).sort();
    assert.deepEqual(fields, [
      "activeUntil",
      "areaCodes",
      "openingHours",
      "postcode",
      "wmoPerformanceFields",
    ]);
  });

  test("a professional's suggestion is approved by the administrator and applied", async () => {
    const list: Listed = (await professional.get("/api/directory/entries?q=koffieochtend")).json();
    const entryId = list.items[0]?.id;
    assert.ok(entryId);
    const submitted = await professional.post("/api/directory/suggestions", {
      entryId,
      changes: {
        description: "Elke dinsdag en donderdag koffie en thee met buurtgenoten. Nu ook op vrijdag.",
      },
      note: "Sinds deze maand ook op vrijdag.",
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const invalid = await professional.post("/api/directory/suggestions", {
      entryId,
      changes: { wmoPerformanceFields: [12] },
      note: "Fout veld",
    });
    assert.equal(invalid.statusCode, 422);
    const own = await professional.get("/api/directory/suggestions");
    assert.equal(own.json().items.length, 1);
    const open = await admin.get("/api/directory/suggestions?status=open");
    assert.equal(open.json().items[0].suggestedByName.length > 0, true);
    const forbidden = await professional.post(
      `/api/directory/suggestions/${submitted.json().id}/approve`,
      {},
    );
    assert.equal(forbidden.statusCode, 403);
    const approved = await admin.post(`/api/directory/suggestions/${submitted.json().id}/approve`, {
      note: "Dank!",
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const entry = (await professional.get(`/api/directory/entries/${entryId}`)).json().entry;
    assert.match(entry.description, /Nu ook op vrijdag/);
    const again = await admin.post(`/api/directory/suggestions/${submitted.json().id}/approve`, {});
    assert.equal(again.statusCode, 409);
  });

  test("a suggested new entry becomes an entry when approved", async () => {
    const submitted = await professional.post("/api/directory/suggestions", {
      changes: entryInput({ name: "Repair Café Ondiep", externalKey: "repair-ondiep" }),
      note: "Nieuw in de wijk",
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const approved = await admin.post(`/api/directory/suggestions/${submitted.json().id}/approve`, {});
    assert.equal(approved.statusCode, 200, approved.body);
    const found: Listed = (await professional.get("/api/directory/entries?q=repair")).json();
    assert.deepEqual(names(found), ["Repair Café Ondiep"]);
  });

  test("deactivation needs a reason, keeps the entry and is audited; plans-in-use hook answers 0", async () => {
    const created = (
      await admin.post("/api/directory/entries", entryInput({ name: "Tijdelijk project" }))
    ).json();
    const id = created.entry.id as string;
    assert.equal(created.activePlanReferences, 0);
    const noReason = await admin.post(`/api/directory/entries/${id}/deactivate`, {});
    assert.equal(noReason.statusCode, 400);
    const done = await admin.post(`/api/directory/entries/${id}/deactivate`, { reason: "Subsidie gestopt" });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().entry.isActive, false);
    assert.equal(done.json().entry.deactivationReason, "Subsidie gestopt");
    const hidden: Listed = (await professional.get("/api/directory/entries?q=tijdelijk")).json();
    assert.equal(hidden.total, 0);
    const shown: Listed = (
      await professional.get("/api/directory/entries?q=tijdelijk&includeInactive=true")
    ).json();
    assert.equal(shown.total, 1);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select(["action", "reason"])
      .where("resourceId", "=", id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["directory.entryCreated", "directory.entryDeactivated"],
    );
    assert.equal(audit[1]?.reason, null, "the reason stays in the entry, not in the audit trail");
  });
});
