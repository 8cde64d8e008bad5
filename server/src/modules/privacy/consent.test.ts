import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { withActor } from "../../platform/context.ts";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { DEFAULT_PURPOSES } from "./categories.ts";
import { buildPrivacyWorld } from "./privacy.fixtures.ts";
import { assertSharingAllowed } from "./sharing.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_seed_default_purposes, app_seed_purposes_on_new_municipality.

describe("legal basis and consent", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
  });
  after(() => t.close());

  test("every municipality starts with the register of purposes (same as DEFAULT_PURPOSES)", async () => {
    const admin = await logInAs(t.app, w.users.administrator.username);
    const res = (await admin.get("/api/privacy/purposes")).json();
    const got = (res.items as { code: string; categories: string[]; retentionMonths: number }[])
      .map((p) => [p.code, [...p.categories].sort(), p.retentionMonths])
      .sort();
    const want = DEFAULT_PURPOSES.map((p) => [p.code, [...p.categories].sort(), p.retentionMonths]).sort();
    assert.deepEqual(got, want);
  });

  test("bad consent input gets a precise Dutch refusal and saves nothing", async () => {
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const url = `/api/households/${w.dossiers.network.householdId}/consents`;
    const base = {
      purposeCode: "reciprocityMatching",
      recipientOrganisationIds: [w.organisations.gp.id],
      categories: ["personalDetails"],
      validFrom: "2026-02-01",
      givenHow: "written",
    };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { validUntil: "2026-01-01" },
        "consentEndsBeforeStart",
        /einddatum .*2026-01-01.* vóór de begindatum .*2026-02-01/,
      ],
      [{ recipientOrganisationIds: [crypto.randomUUID()] }, "unknownOrganisation", /Onbekende organisatie/],
      [{ categories: ["horoscope"] }, "unknownCategory", /Onbekende gegevenscategorie: horoscope/],
      [{ categories: ["justice"] }, "categoryOutsidePurpose", /gebruikt geen gegevens over justitie/],
      [{ purposeCode: "astrology" }, "unknownPurpose", /staat niet in het doelenregister/],
      [{ validFrom: "2026-02-30" }, "invalidDate", /bestaat niet/],
    ];
    for (const [patch, code, message] of cases) {
      const res = await c.post(url, { ...base, ...patch });
      assert.equal(res.statusCode, 422, `${code}: ${res.body}`);
      assert.equal(res.json().error, code);
      assert.match(res.json().message, message);
    }
    assert.equal((await c.get(url)).json().items.length, 0);
  });

  test("a consent-based purpose: sharing is refused until consent covers recipient and categories, and again after withdrawal", async () => {
    const householdId = w.dossiers.network.householdId;
    const share = () =>
      withActor(
        t.database.db,
        w.actor(w.users.networkInvolved),
        { clientIp: null, now: new Date("2026-03-01T10:00:00Z") },
        (ctx) =>
          assertSharingAllowed(ctx, {
            householdId,
            action: "reciprocityMatch",
            recipients: [{ organisationId: w.organisations.gp.id }],
            categories: ["personalDetails", "socialNetwork"],
          }),
      );
    await assert.rejects(share(), (e: Error) =>
      /toestemming van het huishouden|geen toestemming vastgelegd/.test(e.message),
    );
    const c = await logInAs(t.app, w.users.networkInvolved.username);
    const url = `/api/households/${householdId}/consents`;
    const narrow = await c.post(url, {
      purposeCode: "reciprocityMatching",
      recipientOrganisationIds: [w.organisations.gp.id],
      categories: ["personalDetails"],
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
      givenHow: "verbal",
    });
    assert.equal(narrow.statusCode, 201, narrow.body);
    await assert.rejects(share(), /dekt geen gegevens over sociaal netwerk/);
    const wide = await c.post(url, {
      purposeCode: "reciprocityMatching",
      recipientOrganisationIds: [w.organisations.gp.id],
      categories: ["personalDetails", "socialNetwork"],
      validFrom: "2026-01-01",
      givenHow: "digital",
    });
    assert.equal(wide.statusCode, 201);
    const ok = await share();
    assert.equal(ok.consentId, wide.json().id);
    await c.post(`/api/consents/${wide.json().id}/withdraw`, { note: "Wil het toch niet" });
    await assert.rejects(share(), /dekt geen gegevens over sociaal netwerk/);
    await c.post(`/api/consents/${narrow.json().id}/withdraw`, {});
    await assert.rejects(share(), /ingetrokken op/);
  });

  test("a public-task purpose needs no consent to involve a professional, but a category outside the purpose is refused", async () => {
    const result = await withActor(t.database.db, w.actor(w.users.caseLead), { clientIp: null }, (ctx) =>
      assertSharingAllowed(ctx, {
        householdId: w.dossiers.integrated.householdId,
        action: "involveProfessional",
        recipients: [{ organisationId: w.organisations.debt.id }],
      }),
    );
    assert.equal(result.purposeCode, "wmoSupport");
    assert.equal(result.consentId, null);
    await assert.rejects(
      withActor(t.database.db, w.actor(w.users.caseLead), { clientIp: null }, (ctx) =>
        assertSharingAllowed(ctx, {
          householdId: w.dossiers.integrated.householdId,
          action: "involveProfessional",
          recipients: [{ organisationId: w.organisations.debt.id }],
          categories: ["justice"],
        }),
      ),
      /mag geen gegevens over justitie gebruiken/,
    );
  });

  test("the purpose of a case can be set; an unknown purpose is refused", async () => {
    const c = await logInAs(t.app, w.users.caseLead.username);
    const url = `/api/households/${w.dossiers.integrated.householdId}/purpose`;
    assert.equal((await c.request("PUT", url, { purposeCode: "debtCounselling" })).statusCode, 200);
    const bad = await c.request("PUT", url, { purposeCode: "astrology" });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().message, /doelenregister/);
  });
});
