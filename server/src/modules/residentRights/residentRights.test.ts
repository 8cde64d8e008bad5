import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildUser } from "../../test/factories.ts";
import { buildDossier, buildPrivacyWorld } from "../privacy/privacy.fixtures.ts";
import { runRetention } from "./retention.ts";
import { discoverPersonalTables, EXPORT_EXCLUDED, tablesWithPersonColumns } from "./schemaCatalogue.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_household_access_log.

describe("residents' privacy rights", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
  });
  after(() => t.close());

  test("the export covers every table that holds personal data (fails when a new one is not covered)", async () => {
    const c = await logInAs(t.app, w.users.caseLead.username);
    const res = await c.get(`/api/residents/${w.dossiers.integrated.residentId}/export`);
    assert.equal(res.statusCode, 200, res.body);
    const exported = res.json();
    const covered = new Set([...Object.keys(exported.tables), ...Object.keys(EXPORT_EXCLUDED)]);
    const personal = await discoverPersonalTables(t.database.db);
    const uncovered = personal.map((p) => p.table).filter((table) => !covered.has(table));
    assert.deepEqual(
      uncovered,
      [],
      "tables with resident_id/household_id the export does not cover (give the app SELECT, or list them in EXPORT_EXCLUDED with a reason)",
    );
    assert.deepEqual(exported.notReadable, []);
    // A table with names, BSN or birth dates must be reachable from a resident or household too.
    const personLike = await tablesWithPersonColumns(t.database.db);
    const unreachable = personLike.filter((table) => !covered.has(table));
    assert.deepEqual(unreachable, [], "tables with person columns but no household_id/resident_id");
    for (const reason of Object.values(EXPORT_EXCLUDED)) assert.ok(reason.length > 20);
  });

  test("the export holds the resident's records and who accessed them, readable and machine-readable", async () => {
    const c = await logInAs(t.app, w.users.caseLead.username);
    const json = (await c.get(`/api/residents/${w.dossiers.integrated.residentId}/export`)).json();
    assert.equal(json.tables.resident[0].familyName, "Jansen");
    assert.equal(json.tables.journal_entry.length, 1);
    assert.equal(json.tables.assessment_score.length, 4);
    assert.ok(json.accessLog.some((a: { action: string }) => a.action === "resident.exported"));
    const html = await c.get(`/api/residents/${w.dossiers.integrated.residentId}/export?format=html`);
    assert.match(html.headers["content-type"] as string, /text\/html/);
    assert.match(html.body, /Wie heeft uw gegevens ingezien/);
    assert.match(html.body, /Jansen/);
  });

  test("an export for a resident outside one's access, or of another municipality, is 404", async () => {
    const colleague = await logInAs(t.app, w.users.networkOther.username);
    assert.equal(
      (await colleague.get(`/api/residents/${w.dossiers.integrated.residentId}/export`)).statusCode,
      404,
    );
    const other = await buildMunicipality(t.database.db);
    const stranger = await buildUser(t.database.db, other.id, { role: "teamLead" });
    const s = await logInAs(t.app, stranger.username);
    assert.equal((await s.get(`/api/residents/${w.dossiers.integrated.residentId}/export`)).statusCode, 404);
    assert.equal(
      (
        await s.post(`/api/residents/${w.dossiers.integrated.residentId}/corrections`, {
          changes: { familyName: "X" },
          reason: "verzoek",
        })
      ).statusCode,
      404,
    );
  });

  test("correction keeps the old values; bad input is refused; a reader may not correct", async () => {
    const c = await logInAs(t.app, w.users.caseLead.username);
    const url = `/api/residents/${w.dossiers.integrated.residentId}/corrections`;
    const bad = await c.post(url, { changes: { postcode: "0000 XX" }, reason: "Verhuisd" });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().message, /postcode/);
    const unknown = await c.post(url, { changes: { shoeSize: "44" }, reason: "Verzoek inwoner" });
    assert.equal(unknown.statusCode, 422);
    const ok = await c.post(url, {
      changes: { familyName: "Jansen-de Boer", postcode: "3564ab" },
      reason: "Verzoek inwoner (art. 16 AVG)",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const items = ok.json().items as { field: string; oldValue: string; newValue: string }[];
    assert.deepEqual(items.map((i) => [i.field, i.oldValue, i.newValue]).sort(), [
      ["familyName", "Jansen", "Jansen-de Boer"],
      ["postcode", "3563 AB", "3564 AB"],
    ]);
    const colleague = await logInAs(t.app, w.users.colleague.username);
    assert.equal(
      (await colleague.post(url, { changes: { givenName: "Mia" }, reason: "Verzoek inwoner" })).statusCode,
      403,
    );
  });

  test("retention with a clock that moves forward: deleted or anonymised per purpose, logged without content", async () => {
    const db = t.database.db;
    const mid = w.municipality.id;
    const closedAt = new Date("2026-01-31T12:00:00Z");
    const wmo = await buildDossier(db, {
      municipalityId: mid,
      teamId: w.teams.integrated.id,
      openedBy: w.users.integratedLead.id,
      status: "closed",
      closedAt,
      purposeCode: "wmoSupport",
      resident: { givenName: "Wim", familyName: "Wmo" },
    });
    const youth = await buildDossier(db, {
      municipalityId: mid,
      teamId: w.teams.integrated.id,
      openedBy: w.users.integratedLead.id,
      status: "closed",
      closedAt,
      purposeCode: "youthSupport",
      resident: { givenName: "Joep", familyName: "Jong" },
    });
    const debt = await buildDossier(db, {
      municipalityId: mid,
      teamId: w.teams.integrated.id,
      openedBy: w.users.integratedLead.id,
      status: "closed",
      closedAt,
      purposeCode: "debtCounselling",
      resident: { givenName: "Sanne", familyName: "Schuld" },
    });
    const signal = await buildDossier(db, {
      municipalityId: mid,
      teamId: w.teams.integrated.id,
      openedBy: w.users.integratedLead.id,
      withCase: false,
      createdAt: closedAt,
      resident: { givenName: "Sam", familyName: "Signaal" },
    });
    const exists = async (id: string) =>
      (await db.selectFrom("household").select("name").where("id", "=", id).executeTakeFirst())?.name ?? null;
    const at = (iso: string) => runRetention(db, { now: new Date(iso) });

    await at("2026-02-01T00:00:00Z");
    assert.ok(await exists(signal.householdId), "a day later everything is kept");
    await at("2026-08-01T00:00:00Z");
    assert.equal(
      await exists(signal.householdId),
      null,
      "a household from a signal that led to nothing: gone after 6 months",
    );
    assert.ok(await exists(wmo.householdId));
    const anonymising = await at("2033-02-01T00:00:00Z");
    assert.equal(anonymising[0]?.rowCounts.journal_entry, 1, "the log counts what was removed per table");
    assert.equal(
      await exists(debt.householdId),
      "Geanonimiseerd huishouden",
      "debt counselling is anonymised after 7 years",
    );
    const scores = await db
      .selectFrom("assessmentScore")
      .select("level")
      .where("householdId", "=", debt.householdId)
      .execute();
    assert.equal(scores.length, 4, "figures stay for the monitor");
    assert.equal(
      (await db.selectFrom("journalEntry").select("id").where("householdId", "=", debt.householdId).execute())
        .length,
      0,
    );
    const resident = await db
      .selectFrom("resident")
      .select(["familyName", "bsn", "postcode", "birthDate"])
      .where("id", "=", debt.residentId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(resident, {
      familyName: "Geanonimiseerd",
      bsn: null,
      postcode: null,
      birthDate: "1971-01-01",
    });
    assert.ok(await exists(wmo.householdId), "Wmo: not yet after 7 years");
    await at("2041-02-01T00:00:00Z");
    assert.equal(await exists(wmo.householdId), null, "Wmo: gone after 15 years");
    assert.equal(
      (await db.selectFrom("resident").select("id").where("id", "=", wmo.residentId).execute()).length,
      0,
    );
    assert.ok(await exists(youth.householdId), "youth: kept for 20 years");
    await at("2046-02-01T00:00:00Z");
    assert.equal(await exists(youth.householdId), null);
    assert.equal(
      await exists(debt.householdId),
      "Geanonimiseerd huishouden",
      "an anonymised household is not processed again",
    );

    const runs = await db
      .selectFrom("retentionRun")
      .selectAll()
      .where("municipalityId", "=", mid)
      .orderBy("clock")
      .execute();
    assert.deepEqual(
      runs.map((r) => r.deletedHouseholdIds.length + r.anonymisedHouseholdIds.length),
      [1, 1, 1, 1],
    );
    assert.ok(runs[0]?.deletedHouseholdIds.includes(signal.householdId));
    const logged = JSON.stringify(runs);
    for (const secret of ["Signaal", "Wmo", "Schuld", "Jong", "post ongeopend"])
      assert.ok(!logged.includes(secret), secret);
    const audit = await db
      .selectFrom("auditEvent")
      .select("details")
      .where("action", "=", "retention.ran")
      .where("municipalityId", "=", mid)
      .execute();
    assert.equal(audit.length, 4);
    // The dossiers of open cases were never touched.
    assert.ok(await exists(w.dossiers.integrated.householdId));
  });
});
