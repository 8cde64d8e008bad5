import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMunicipality, buildOrganisation, buildTeam, buildUser } from "../../test/factories.ts";
import { loadAreas } from "../areas/areas.loader.ts";
import { REFERENCE_DIR } from "./cbs.layouts.ts";
import { importShippedCbsFiles } from "./cbs.repository.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_open_cases_per_neighbourhood.

type Client = Awaited<ReturnType<typeof logInAs>>;

describe("area analysis: CBS figures, demand index, caseload per area, budget", () => {
  let t: TestApp;
  let municipalityId: string;
  let teamId: string;
  let lead: { id: string };
  const clients = new Map<string, Client>();
  const as = (role: string): Client => {
    const client = clients.get(role);
    if (!client) throw new Error(`no client for ${role}`);
    return client;
  };

  /** An open case for a household whose main contact lives in the buurt (arranged as the owner). */
  async function openCaseIn(neighbourhoodCode: string) {
    const db = t.database.db;
    const [householdId, residentId, caseId] = [randomUUID(), randomUUID(), randomUUID()];
    await db
      .insertInto("household")
      .values({
        municipalityId,
        id: householdId,
        name: "Huishouden",
        registeredByTeamId: teamId,
        registeredByUserId: lead.id,
      })
      .execute();
    await db
      .insertInto("resident")
      .values({
        municipalityId,
        id: residentId,
        givenName: "Inwoner",
        familyName: "Test",
        birthDate: "1970-01-01",
        neighbourhoodCode,
      })
      .execute();
    await db
      .insertInto("householdMember")
      .values({ municipalityId, householdId, residentId, relation: "self", isMainContact: true })
      .execute();
    await db
      .insertInto("caseFile")
      .values({
        municipalityId,
        id: caseId,
        householdId,
        teamId,
        allocatedByUserId: lead.id,
        allocationGrounds: "test",
        openedByUserId: lead.id,
      })
      .execute();
  }

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const m = await buildMunicipality(db, { code: "GM0344" });
    municipalityId = m.id;
    await loadAreas(db, m.id, "GM0344");
    const started = performance.now();
    await importShippedCbsFiles(db, m.id, "GM0344");
    assert.ok(performance.now() - started < 10_000, "the demo import takes seconds");
    const org = await buildOrganisation(db, m.id);
    teamId = (await buildTeam(db, m.id, { areaCodes: ["WK034403"] })).id;
    await buildTeam(db, m.id, { areaCodes: ["WK034401", "WK034402"] });
    for (const role of ["administrator", "policyOfficer", "teamLead", "professional", "partner"]) {
      const user = await buildUser(db, m.id, { role, organisationId: org.id });
      if (role === "teamLead") {
        lead = user;
        await db
          .insertInto("teamMembership")
          .values({ municipalityId, teamId, userId: user.id, organisationId: org.id, hoursPerWeek: 32 })
          .execute();
      }
      clients.set(role, await logInAs(t.app, user.username));
    }
  });
  after(() => t.close());

  test("the policy officer sees wijken of the richest year with source, and '.' as unknown (null)", async () => {
    const res = await as("policyOfficer").get("/api/area-analysis");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.year, 2023);
    assert.deepEqual(body.sources, ["kwb-2023"]);
    assert.deepEqual(body.years, [2024, 2023, 2017, 2015]);
    assert.equal(body.areas.length, 10);
    const overvecht = body.areas.find((a: { code: string }) => a.code === "WK034403");
    const figure = (name: string) =>
      overvecht.indicators.find((i: { indicator: string }) => i.indicator === name);
    assert.ok(figure("inhabitants").value > 30000);
    assert.equal(figure("inhabitants").sourceTable, "kwb-2023");
    assert.equal(figure("socialMinimumHouseholdsPct").value, null);
    assert.ok(overvecht.demandIndex > 100, "Overvecht is above the city average");
    assert.deepEqual(overvecht.missingComponents, ["lowIncome"]);
    const buurten = (
      await as("policyOfficer").get("/api/area-analysis?level=neighbourhood&year=2024")
    ).json();
    assert.equal(buurten.areas.length, 111);
    assert.deepEqual(buurten.sources.sort(), ["85984NED", "kwb-2024"]);
    const missingYear = await as("policyOfficer").get("/api/area-analysis?year=2019");
    assert.equal(missingYear.statusCode, 422);
    assert.match(missingYear.json().message, /geen CBS-cijfers voor 2019/);
  });

  test("open cases per area: counts only, and fewer than 5 suppressed for the policy officer", async () => {
    for (let i = 0; i < 3; i++) await openCaseIn("BU03440311");
    const cases = async (who: Client) =>
      (await who.get("/api/area-analysis?year=2023"))
        .json()
        .areas.find((a: { code: string }) => a.code === "WK034403");
    assert.deepEqual((await cases(as("policyOfficer"))).openCases, { value: null, suppressed: true });
    const admin = await cases(as("administrator"));
    assert.deepEqual(admin.openCases, { value: 3, suppressed: false });
    assert.ok(Math.abs(admin.expectedCases - 3) < 3, "expected cases is a share of the 3 actual ones");
    for (let i = 0; i < 2; i++) await openCaseIn("BU03440312");
    assert.deepEqual((await cases(as("policyOfficer"))).openCases, { value: 5, suppressed: false });
    assert.deepEqual((await cases(as("policyOfficer"))).signals, { value: 0, suppressed: false });
  });

  test("weights: must sum to 1 (422, Dutch) — a policy officer sets them, a team lead may not", async () => {
    const wrong = await as("policyOfficer").post("/api/area-analysis/weights", {
      weights: { elderly: 0.5, lowIncome: 0.4 },
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.json().message, /tellen op tot 0,9; samen moeten ze precies 1 zijn/);
    assert.equal(
      (await as("teamLead").post("/api/area-analysis/weights", { weights: { elderly: 1 } })).statusCode,
      403,
    );
    const ok = await as("policyOfficer").post("/api/area-analysis/weights", { weights: { elderly: 1 } });
    assert.equal(ok.statusCode, 200, ok.body);
    const after = (await as("teamLead").get("/api/area-analysis?year=2023")).json();
    assert.equal(after.weightsAreDefault, false);
    const west = after.areas.find((a: { code: string }) => a.code === "WK034401");
    const elderly = west.components.find((c: { component: string }) => c.component === "elderly");
    assert.ok(Math.abs(west.demandIndex - 100 * elderly.relative) < 1e-6, "only 65+ counts now");
    await as("policyOfficer").post("/api/area-analysis/weights", {
      weights: {
        elderly: 0.25,
        singlePersonHouseholds: 0.2,
        lowIncome: 0.2,
        socialAssistance: 0.2,
        corporationHousing: 0.15,
      },
    });
  });

  test("an administrator uploads a CBS file as text/csv or JSON; the report lists what was wrong", async () => {
    const csv =
      "gwb_code_10,regio,a_inw,a_65_oo,kolom_x\nWK034401,West,30000,.,1\nBU03449999,Nergens,5,1,1\nWK034402,Noordwest,abc,10,1\n";
    const upload = (who: Client, query: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/area-analysis/imports?${query}`,
        headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken, "content-type": "text/csv" },
        payload: csv,
      });
    assert.equal((await upload(as("policyOfficer"), "year=2024&sourceTable=kwb-2024")).statusCode, 403);
    const res = await upload(as("administrator"), "year=2024&sourceTable=kwb-2024&fileName=eigen.csv");
    assert.equal(res.statusCode, 201, res.body);
    const { report } = res.json();
    assert.deepEqual(report.unknownColumns, ["kolom_x"]);
    assert.deepEqual(report.unknownCodes, [{ row: 3, code: "BU03449999" }]);
    assert.deepEqual(report.notANumber, [{ row: 4, column: "a_inw", value: "abc" }]);
    assert.equal(report.rowsImported, 2);
    const imports = (await as("policyOfficer").get("/api/area-analysis/imports")).json().items;
    assert.equal(imports[0].fileName, "eigen.csv");
    const dry = await as("administrator").post("/api/area-analysis/imports", {
      content: csv,
      year: 2024,
      sourceTable: "kwb-2024",
      dryRun: true,
    });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().stored, false);
    assert.equal(
      (await as("policyOfficer").get("/api/area-analysis/imports")).json().items.length,
      imports.length,
    );
    const bad = await as("administrator").post("/api/area-analysis/imports", { content: "a,b\n1,2\n" });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().message, /geen bekend CBS-bestand/);
    assert.equal(
      (await as("administrator").post("/api/area-analysis/imports", { file: "x" })).statusCode,
      400,
    );
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "=", "areaAnalysis.imported")
      .execute();
    assert.equal(audit.length, 1);
  });

  test("boundaries as SVG paths for wijken and buurten of the municipality", async () => {
    const wijken = (await as("policyOfficer").get("/api/area-analysis/boundaries?level=district")).json();
    assert.equal(wijken.areas.length, 10);
    assert.match(wijken.areas[0].path, /^M[\d.]+,[\d.]+L/);
    assert.match(wijken.viewBox, /^0 0 800 \d+$/);
    const buurten = (
      await as("policyOfficer").get("/api/area-analysis/boundaries?level=neighbourhood")
    ).json();
    assert.equal(buurten.areas.length, 111);
  });

  test("population budget: the whole budget is distributed and every team is explained", async () => {
    const res = await as("policyOfficer").get(
      "/api/area-analysis/budget?budget=1000000&populationShare=0.5&hourlyRate=80&year=2023",
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(
      body.teams.reduce((s: number, x: { modelAmount: number }) => s + x.modelAmount, 0),
      1000000,
    );
    for (const team of body.teams)
      assert.match(team.explanation, /krijgt €\s[\d.]+ omdat het [\d,]+% van de inwoners bedient/);
    const withLead = body.teams.find((x: { teamId: string }) => x.teamId === teamId);
    assert.equal(withLead.currentAmount, 32 * 52 * 80);
    assert.equal((await as("professional").get("/api/area-analysis/budget")).statusCode, 403);
  });

  test("permissions per role", async () => {
    const expected: Record<string, Record<string, number>> = {
      "/api/area-analysis": {
        administrator: 200,
        policyOfficer: 200,
        teamLead: 200,
        professional: 403,
        partner: 403,
      },
      "/api/area-analysis/budget": {
        administrator: 200,
        policyOfficer: 200,
        teamLead: 200,
        professional: 403,
        partner: 403,
      },
      "/api/staffing/co-funding": {
        administrator: 200,
        policyOfficer: 200,
        teamLead: 200,
        professional: 403,
        partner: 403,
      },
    };
    for (const [url, byRole] of Object.entries(expected))
      for (const [role, status] of Object.entries(byRole))
        assert.equal((await as(role).get(url)).statusCode, status, `${role} ${url}`);
  });
});

describe("area analysis: other municipalities and tenants", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("Nieuwegein gets its own rows of the five-municipality files and the coarse CBS map; Utrecht's figures stay hidden", async () => {
    const db = t.database.db;
    const nieuwegein = await buildMunicipality(db, { code: "GM0356" });
    const utrecht = await buildMunicipality(db, { code: "GM0344" });
    await importShippedCbsFiles(db, nieuwegein.id, "GM0356");
    await importShippedCbsFiles(db, utrecht.id, "GM0344");
    const officer = await logInAs(
      t.app,
      (await buildUser(db, nieuwegein.id, { role: "policyOfficer" })).username,
    );
    const body = (await officer.get("/api/area-analysis?level=neighbourhood&year=2024")).json();
    assert.equal(body.areas.length, 39);
    assert.ok(body.areas.every((a: { code: string }) => a.code.startsWith("BU0356")));
    const map = (await officer.get("/api/area-analysis/boundaries?level=district")).json();
    assert.equal(map.areas.length, 21);
    assert.match(map.source, /CBS\/PDOK/);
    assert.ok(fs.existsSync(path.join(REFERENCE_DIR, "geo_wijken_2014_5gm_cbs-pdok.geojson")));
  });
});
