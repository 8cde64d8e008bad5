import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildOutcomeWorld } from "../outcomes/outcomes.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_seed_default_prices, app_seed_prices_on_new_municipality.

let app: TestApp;
let world: Awaited<ReturnType<typeof buildOutcomeWorld>>;
type Price = {
  id: string;
  code: string;
  price: number;
  unit: string;
  year: number;
  source: string;
  indicative: boolean;
};

before(async () => {
  app = await createTestApp();
  world = await buildOutcomeWorld(app.database.db);
});
after(() => app.close());

describe("Effectencalculator", () => {
  test("the default price list states a source and a year for every price", async () => {
    const client = await logInAs(app.app, world.worker.username);
    const res = await client.get("/api/social-prices");
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Price[];
    assert.ok(items.length >= 10);
    assert.ok(items.every((p) => p.source.length > 10 && p.year >= 2000 && p.unit));
    assert.ok(
      items.every((p) => /Indicatief/.test(p.source) && p.indicative),
      "the defaults say they are indicative, and are marked so",
    );
  });

  test("a price the municipality replaces with its own amount and source is no longer indicative", async () => {
    const admin = await logInAs(app.app, world.admin.username);
    const prices = (await admin.get("/api/social-prices")).json().items as Price[];
    const hour = prices.find((p) => p.code === "volunteerHour") as Price;
    const own = { item: "Uur inzet vrijwilliger", unit: "hour", price: 12.5, stakeholder: "municipality" };
    const keptIndicative = await admin.request("PUT", `/api/social-prices/${hour.id}`, {
      ...own,
      source: hour.source,
      year: 2025,
    });
    assert.equal(keptIndicative.statusCode, 200, keptIndicative.body);
    assert.equal(keptIndicative.json().indicative, true, "still the indicative source");
    const contract = await admin.request("PUT", `/api/social-prices/${hour.id}`, {
      ...own,
      source: "Subsidiebeschikking vrijwilligerscentrale 2025",
      year: 2025,
    });
    assert.deepEqual(
      [contract.json().price, contract.json().year, contract.json().indicative],
      [12.5, 2025, false],
    );
    const noYear = await admin.request("PUT", `/api/social-prices/${hour.id}`, { ...own, source: "Eigen" });
    assert.equal(noYear.statusCode, 422);
    assert.match(noYear.json().message, /zonder jaartal/);
    const after = (await admin.get("/api/social-prices")).json().items as Price[];
    assert.equal(
      after.find((p) => p.id === hour.id)?.price,
      12.5,
      "the refused change left the price as it was",
    );
  });

  test("a case lead builds both scenarios; totals per stakeholder are the hand-computed ones", async () => {
    const client = await logInAs(app.app, world.worker.username);
    const prices = (await client.get("/api/social-prices")).json().items as Price[];
    const id = (code: string) => (prices.find((p) => p.code === code) as Price).id;
    const caseId = world.cases[0]?.caseId as string;
    const add = (body: Record<string, unknown>) => client.post(`/api/impact/cases/${caseId}/entries`, body);
    assert.equal(
      (
        await add({
          scenario: "actual",
          priceId: id("teamProfessionalHour"),
          monthOffset: 0,
          quantity: 40,
          description: "Huisbezoeken en regelwerk",
          professionalUserId: world.worker.id,
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (
        await add({
          scenario: "counterfactual",
          priceId: id("eviction"),
          monthOffset: 4,
          quantity: 1,
          description: "Huisuitzetting",
        })
      ).statusCode,
      201,
    );
    const last = await add({
      scenario: "counterfactual",
      priceId: id("shelterMonth"),
      monthOffset: 4,
      quantity: 6,
      description: "Opvang",
    });
    assert.equal(last.statusCode, 201, last.body);
    const body = last.json();
    // 40 h × € 80 = € 3.200; eviction € 8.000 (corporation); 6 × € 3.000 shelter = € 18.000 (municipality).
    assert.equal(body.result.actual.total, 320000);
    assert.deepEqual(body.result.counterfactual.totals, {
      municipality: 1800000,
      healthInsurer: 0,
      housingCorporation: 800000,
      resident: 0,
    });
    assert.deepEqual(body.result.benefit, {
      municipality: 1480000,
      healthInsurer: 0,
      housingCorporation: 800000,
      resident: 0,
    });
    assert.equal(body.result.netBenefit, 2280000);
    assert.equal(body.result.counterfactual.months[4].housingCorporation, 800000);
    assert.equal(
      body.entries.find((e: { professionalName: string | null }) => e.professionalName)?.professionalName,
      world.worker.displayName,
    );
    // What happened: opening, ZRM, goal, actions and closure on the same month scale; pseudonymised.
    const kinds = new Set((body.events as { kind: string }[]).map((e) => e.kind));
    for (const k of ["caseOpened", "assessment", "finalAssessment", "goalSet", "action", "caseClosed"])
      assert.ok(kinds.has(k), k);
    assert.deepEqual(
      body.zrm
        .find((z: { domain: string }) => z.domain === "finances")
        .points.map((p: { monthOffset: number; level: number }) => [p.monthOffset, p.level]),
      [
        [0, 2],
        [1, 4],
      ],
    );
    assert.match(body.label, /^Casus [0-9A-F]{4}-/);
    assert.doesNotMatch(last.body, /Inwoner|Nr1/, "no resident name in the calculator");
  });

  test("opening a case's calculator is an audited read of personal data", async () => {
    const client = await logInAs(app.app, world.worker.username);
    const c = world.cases[1] as (typeof world.cases)[number];
    assert.equal((await client.get(`/api/impact/cases/${c.caseId}`)).statusCode, 200);
    const events = await sql<{ householdId: string }>`select household_id from audit_event
      where municipality_id = ${world.municipality.id} and action = 'impactCalculator.viewed' and resource_id = ${c.caseId}`.execute(
      app.database.db,
    );
    assert.deepEqual(
      events.rows.map((e) => e.householdId),
      [c.householdId],
    );
  });

  test("bad entries and prices get precise messages; nothing is half-saved", async () => {
    const client = await logInAs(app.app, world.worker.username);
    const caseId = world.cases[2]?.caseId as string;
    const prices = (await client.get("/api/social-prices")).json().items as Price[];
    const priceId = (prices[0] as Price).id;
    const zeroQuantity = await client.post(`/api/impact/cases/${caseId}/entries`, {
      scenario: "actual",
      priceId,
      monthOffset: 0,
      quantity: 0,
      description: "x",
    });
    assert.equal(zeroQuantity.statusCode, 422);
    const late = await client.post(`/api/impact/cases/${caseId}/entries`, {
      scenario: "counterfactual",
      priceId,
      monthOffset: 121,
      quantity: 1,
      description: "x",
    });
    assert.match(late.json().message, /tussen 0/);
    const outsider = await client.post(`/api/impact/cases/${caseId}/entries`, {
      scenario: "actual",
      priceId,
      monthOffset: 0,
      quantity: 1,
      description: "x",
      professionalUserId: world.leadB.id,
    });
    assert.equal(outsider.json().error, "unknownProfessional");
    assert.equal((await client.get(`/api/impact/cases/${caseId}`)).json().entries.length, 0);

    const policy = await logInAs(app.app, world.policy.username);
    const base = { item: "Dagbesteding", price: 55.5, stakeholder: "municipality", source: "Contract 2026" };
    const noUnit = await policy.post("/api/social-prices", { ...base, year: 2026 });
    assert.equal(noUnit.statusCode, 422);
    assert.equal(noUnit.json().error, "unitRequired");
    const noYear = await policy.post("/api/social-prices", { ...base, unit: "day" });
    assert.equal(noYear.json().error, "yearRequired");
    const ok = await policy.post("/api/social-prices", { ...base, unit: "day", year: 2026 });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().price, 55.5);
    const worker = await logInAs(app.app, world.worker.username);
    assert.equal(
      (await worker.post("/api/social-prices", { ...base, unit: "day", year: 2026 })).statusCode,
      403,
    );
  });

  test("who may open it: the team's professionals, not policy staff or another team", async () => {
    const caseId = world.cases[0]?.caseId as string;
    const policy = await logInAs(app.app, world.policy.username);
    assert.equal((await policy.get(`/api/impact/cases/${caseId}`)).statusCode, 403);
    const leadB = await logInAs(app.app, world.leadB.username);
    assert.equal((await leadB.get(`/api/impact/cases/${caseId}`)).statusCode, 404);
    assert.equal((await leadB.get(`/api/impact/teams/${world.teamA.id}`)).statusCode, 403);
    const worker = await logInAs(app.app, world.worker.username);
    assert.equal((await worker.get(`/api/impact/teams/${world.teamA.id}`)).statusCode, 403);
  });

  test("the team overview adds up the team's cases", async () => {
    const worker = await logInAs(app.app, world.worker.username);
    const prices = (await worker.get("/api/social-prices")).json().items as Price[];
    const hourId = (prices.find((p) => p.code === "teamProfessionalHour") as Price).id;
    const second = world.cases[3]?.caseId as string;
    await worker.post(`/api/impact/cases/${second}/entries`, {
      scenario: "actual",
      priceId: hourId,
      monthOffset: 1,
      quantity: 10,
      description: "Gesprekken",
    });
    const lead = await logInAs(app.app, world.lead.username);
    const res = await lead.get(`/api/impact/teams/${world.teamA.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const overview = res.json();
    assert.equal(overview.totals.cases, 2);
    assert.equal(overview.totals.withCounterfactual, 1);
    assert.equal(overview.totals.actualTotal, 320000 + 80000);
    assert.equal(overview.totals.counterfactualTotal, 2600000);
    assert.equal(overview.totals.netBenefit, 2600000 - 400000);
  });
});
