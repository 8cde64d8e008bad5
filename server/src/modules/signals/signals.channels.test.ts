import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { BUURT, buildSignalWorld, personSignal, placeSignal } from "./signals.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_signal_group_for_address, app_signal_status.

describe("signal intake: partners, residents and partner systems", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let partner: Awaited<ReturnType<typeof logInAs>>;
  const signalCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("signal")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const api = (body: unknown, key: string | null, ip = "10.0.0.1") =>
    t.app.inject({
      method: "POST",
      url: "/api/partner-api/v1/signals",
      remoteAddress: ip,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      payload: body as Record<string, unknown>,
    });
  const publicPost = (body: unknown, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/GM0344/signals",
      remoteAddress: ip,
      payload: body as Record<string, unknown>,
    });

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    partner = await logInAs(t.app, w.partner.username);
  });
  after(() => t.close());

  test("a partner submits a signal; it is routed to the team serving the buurt and audited", async () => {
    const res = await partner.post("/api/signals", personSignal());
    assert.equal(res.statusCode, 201, res.body);
    const { id, referenceCode, status } = res.json();
    assert.match(referenceCode, /^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(status, "received");
    const row = await t.database.db
      .selectFrom("signal")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.teamId, w.team.id, "Overvecht buurt → the Overvecht team");
    assert.equal(row.postcode, "3562 AB");
    assert.equal(row.reporterUserId, w.partner.id);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .selectAll()
      .where("resourceId", "=", id)
      .execute();
    assert.ok(audit.some((a) => a.action === "signal.submitted" && a.actorUserId === w.partner.id));
    const oost = await partner.post("/api/signals", placeSignal({ neighbourhoodCode: BUURT.oost }));
    const oostRow = await t.database.db
      .selectFrom("signal")
      .select("teamId")
      .where("id", "=", oost.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(oostRow.teamId, w.otherTeam.id, "Oost buurt → the other team");
  });

  test("a partner sees only their own signals, with status and never case content", async () => {
    const other = await logInAs(t.app, w.otherPartner.username);
    const own = await other.post(
      "/api/signals",
      personSignal({ personName: "Meneer Bakker", houseNumber: 40 }),
    );
    assert.equal(own.statusCode, 201);
    const mine = (await partner.get("/api/signals/mine")).json().items as {
      id: string;
      personName: string;
    }[];
    assert.ok(mine.length >= 1);
    assert.ok(!mine.some((s) => s.id === own.json().id), "the other partner's signal is not listed");
    assert.equal((await partner.get(`/api/signals/mine/${own.json().id}`)).statusCode, 404);
    const detail = (await other.get(`/api/signals/mine/${own.json().id}`)).json();
    assert.deepEqual(
      Object.keys(detail).filter((k) => /case|household|decision|team|outreach/i.test(k)),
      [],
      "no case, household, team or decision fields",
    );
    // Partners have no access to the triage side at all.
    assert.equal((await partner.get("/api/signals/queue")).statusCode, 403);
    assert.equal((await partner.get(`/api/signals/${own.json().id}`)).statusCode, 403);
  });

  test("bad input gets a precise answer and stores nothing", async () => {
    const before = await signalCount();
    const cases: [Record<string, unknown>, number, string][] = [
      [personSignal({ personName: "" }), 422, "personRequired"],
      [personSignal({ postcode: null }), 422, "addressRequired"],
      [personSignal({ postcode: "0123 AB" }), 422, "invalidPostcode"],
      [personSignal({ neighbourhoodCode: null }), 422, "neighbourhoodRequired"],
      [personSignal({ neighbourhoodCode: "BU03559999" }), 422, "unknownNeighbourhood"],
      [personSignal({ category: "alien" }), 422, "unknownCategory"],
      [personSignal({ observation: "kort" }), 422, "observationTooShort"],
      [personSignal({ observation: "x".repeat(4001) }), 422, "observationTooLong"],
      [personSignal({ urgency: "whenever" }), 400, "invalidRequest"],
      [personSignal({ reporterEmail: "geen-adres" }), 422, "invalidEmail"],
    ];
    for (const [body, status, code] of cases) {
      const res = await partner.post("/api/signals", body);
      assert.equal(res.statusCode, status, `${code}: ${res.body}`);
      assert.equal(res.json().error, code);
      assert.ok(res.json().message.length > 10);
    }
    const huge = await partner.post("/api/signals", personSignal({ observation: "x".repeat(70_000) }));
    assert.equal(huge.statusCode, 413, "oversized bodies (attachments) are refused");
    assert.equal(await signalCount(), before, "nothing was stored");
  });

  test("a resident reports without login, anonymously, and looks up the status by reference code", async () => {
    const form = await t.app.inject({ method: "GET", url: "/api/public/GM0344/signal-form" });
    assert.equal(form.statusCode, 200);
    assert.ok(form.json().neighbourhoods.some((n: { code: string }) => n.code === BUURT.overvecht));
    const res = await publicPost(
      {
        ...personSignal({ houseNumber: 77, reporterName: "Buurman", reporterPhone: "0612345678" }),
        anonymous: true,
      },
      "10.1.0.1",
    );
    assert.equal(res.statusCode, 201, res.body);
    const { referenceCode } = res.json();
    const row = await t.database.db
      .selectFrom("signal")
      .selectAll()
      .where("referenceCode", "=", referenceCode)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, "public");
    assert.equal(row.anonymous, true);
    assert.equal(row.reporterName, null, "an anonymous report keeps no contact details");
    assert.equal(row.teamId, w.team.id);
    const status = await t.app.inject({
      method: "GET",
      url: `/api/public/GM0344/signals/${referenceCode.toLowerCase()}`,
    });
    assert.equal(status.statusCode, 200);
    assert.deepEqual(Object.keys(status.json()).sort(), [
      "receivedAt",
      "referenceCode",
      "status",
      "statusDate",
    ]);
    assert.equal(status.json().status, "received");
    const unknown = await t.app.inject({ method: "GET", url: "/api/public/GM0344/signals/SG-AAAA-AAAA" });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().message, /referentiecode/);
    // A partner's signal cannot be looked up through the public form.
    const partnerRef = (await partner.post("/api/signals", personSignal({ houseNumber: 3 }))).json()
      .referenceCode;
    assert.equal(
      (await t.app.inject({ method: "GET", url: `/api/public/GM0344/signals/${partnerRef}` })).statusCode,
      404,
    );
  });

  test("the public form stores nothing when validation fails and refuses floods per address", async () => {
    const before = await signalCount();
    const bad = await publicPost({ ...placeSignal({ neighbourhoodCode: "BU99999999" }) }, "10.2.0.1");
    assert.equal(bad.statusCode, 422);
    assert.equal(await signalCount(), before);
    const auditBefore = await t.database.db
      .selectFrom("auditEvent")
      .select("id")
      .where("actorRole", "=", "public")
      .execute();
    for (let i = 0; i < 4; i++) assert.equal((await publicPost(placeSignal(), "10.2.0.1")).statusCode, 201);
    const flood = await publicPost(placeSignal(), "10.2.0.1");
    assert.equal(flood.statusCode, 429);
    assert.ok(Number(flood.headers["retry-after"]) > 0);
    assert.match(flood.json().message, /te veel/);
    assert.equal(
      (await publicPost(placeSignal(), "10.2.0.2")).statusCode,
      201,
      "another address is not blocked",
    );
    const auditAfter = await t.database.db
      .selectFrom("auditEvent")
      .select("id")
      .where("actorRole", "=", "public")
      .execute();
    assert.equal(auditAfter.length - auditBefore.length, 5, "each stored public signal is audited");
    assert.equal(
      (await t.app.inject({ method: "GET", url: "/api/public/GM9999/signal-form" })).statusCode,
      404,
    );
  });

  test("a partner system submits with its API key; the same reference answers with the existing signal", async () => {
    const body = {
      ...personSignal({ category: "debtsRentArrears", houseNumber: 5 }),
      externalReference: "HA-2026-0001",
    };
    const first = await api(body, w.housingKey);
    assert.equal(first.statusCode, 201, first.body);
    const again = await api(body, w.housingKey);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);
    assert.equal(again.json().duplicate, true);
    const rows = await t.database.db
      .selectFrom("signal")
      .select(["id", "reporterOrganisationId"])
      .where("externalReference", "=", "HA-2026-0001")
      .execute();
    assert.equal(rows.length, 1, "no second signal");
    assert.equal(rows[0]?.reporterOrganisationId, w.housing.id);
    // The same reference from another partner is that partner's own signal.
    const police = await api(body, w.policeKey);
    assert.equal(police.statusCode, 201);
    assert.notEqual(police.json().id, first.json().id);
    const status = await t.app.inject({
      method: "GET",
      url: "/api/partner-api/v1/signals/HA-2026-0001",
      headers: { authorization: `Bearer ${w.housingKey}` },
    });
    assert.equal(status.statusCode, 200);
    assert.equal(
      status.json().id,
      first.json().id,
      "a key sees its own organisation's signal, not the police one",
    );
    assert.equal(
      (
        await t.app.inject({
          method: "GET",
          url: "/api/partner-api/v1/signals/NOPE-1",
          headers: { authorization: `Bearer ${w.housingKey}` },
        })
      ).statusCode,
      404,
    );
  });

  test("a missing, invalid or revoked API key is 401 and stores nothing; keys are issued and revoked by the administrator", async () => {
    const before = await signalCount();
    const body = { ...placeSignal(), externalReference: "X-1" };
    for (const key of [null, "wk_nietgeldignietgeldignietgeldig", "verkeerd-formaat"]) {
      const res = await api(body, key);
      assert.equal(res.statusCode, 401, String(key));
      assert.match(res.json().message, /API-sleutel/);
    }
    const admin = await logInAs(t.app, w.administrator.username);
    const issued = await admin.post("/api/partner-api-keys", {
      organisationId: w.housing.id,
      label: "Huurachterstanden-koppeling",
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const { token, id } = issued.json();
    assert.match(token, /^wk_/);
    const stored = await t.database.db
      .selectFrom("partnerApiKey")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.keyHash, token);
    assert.ok(
      !JSON.stringify((await admin.get("/api/partner-api-keys")).json()).includes(token),
      "the token is shown once",
    );
    assert.equal((await api({ ...body, externalReference: "X-2" }, token)).statusCode, 201);
    assert.equal((await admin.post(`/api/partner-api-keys/${id}/revoke`)).statusCode, 200);
    assert.equal((await api({ ...body, externalReference: "X-3" }, token)).statusCode, 401);
    assert.equal(await signalCount(), before + 1);
    assert.equal(
      (await partner.post("/api/partner-api-keys", { organisationId: w.housing.id, label: "x" })).statusCode,
      403,
    );
    const professional = await logInAs(t.app, w.worker.username);
    assert.equal((await professional.get("/api/partner-api-keys")).statusCode, 403);
  });

  test("routing rules of the administrator take precedence over the team's area", async () => {
    const admin = await logInAs(t.app, w.administrator.username);
    const rule = await admin.post("/api/signal-routing-rules", {
      areaCode: "WK034403",
      category: "debtsRentArrears",
      teamId: w.otherTeam.id,
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const routed = await api(
      { ...personSignal({ category: "debtsRentArrears", houseNumber: 9 }), externalReference: "HA-RULE-1" },
      w.housingKey,
    );
    const row = await t.database.db
      .selectFrom("signal")
      .select(["teamId", "routingRuleId"])
      .where("id", "=", routed.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(row.teamId, w.otherTeam.id);
    assert.ok(row.routingRuleId);
    const normal = await partner.post("/api/signals", personSignal({ houseNumber: 10 }));
    const normalRow = await t.database.db
      .selectFrom("signal")
      .select("teamId")
      .where("id", "=", normal.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(normalRow.teamId, w.team.id, "other categories still follow the team's area");
    assert.equal(
      (await admin.post("/api/signal-routing-rules", { areaCode: "WK035501", teamId: w.team.id })).statusCode,
      422,
    );
    assert.equal((await admin.post("/api/signal-routing-rules", { teamId: w.team.id })).statusCode, 422);
    const removed = await admin.request("DELETE", `/api/signal-routing-rules/${rule.json().items[0].id}`);
    assert.equal(removed.statusCode, 200);
  });
});
