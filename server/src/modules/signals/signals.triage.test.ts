import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { member } from "../households/dossier.factories.ts";
import { BUURT, buildSignalWorld, personSignal, placeSignal } from "./signals.fixtures.ts";
import { triageDeadline } from "./signals.rules.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_signal_facts.

describe("triage, meldcode, feedback and the neighbourhood view", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let partner: Awaited<ReturnType<typeof logInAs>>;
  let worker: Awaited<ReturnType<typeof logInAs>>;
  let lead: Awaited<ReturnType<typeof logInAs>>;
  const submit = async (over: Record<string, unknown>) => {
    const res = await partner.post("/api/signals", personSignal(over));
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    partner = await logInAs(t.app, w.partner.username);
    worker = await logInAs(t.app, w.worker.username);
    lead = await logInAs(t.app, w.lead.username);
  });
  after(() => t.close());

  test("deadlines count working days and skip the weekend", () => {
    const friday = new Date("2026-03-06T10:00:00+01:00");
    const d = { acuteWorkingDays: 0, highWorkingDays: 2, normalWorkingDays: 5, lowWorkingDays: 10 };
    assert.equal(triageDeadline(friday, "acute", d).toISOString(), "2026-03-06T22:59:59.000Z");
    assert.equal(
      triageDeadline(friday, "high", d).toISOString(),
      "2026-03-10T22:59:59.000Z",
      "Fri + 2 working days = Tue",
    );
    assert.equal(
      triageDeadline(new Date("2026-07-03T10:00:00+02:00"), "normal", d).toISOString(),
      "2026-07-10T21:59:59.000Z",
    );
  });

  test("two signals about one address are grouped; one decision answers both", async () => {
    const a = await submit({ houseNumber: 21, category: "loneliness" });
    const other = await logInAs(t.app, w.otherPartner.username);
    const b = (
      await other.post(
        "/api/signals",
        personSignal({ houseNumber: 21, postcode: "3562 AB", category: "nuisance" }),
      )
    ).json().id;
    const queue = (await worker.get("/api/signals/queue")).json().items as {
      id: string;
      groupId: string;
      groupSize: number;
    }[];
    const qa = queue.find((i) => i.id === a);
    const qb = queue.find((i) => i.id === b);
    assert.ok(qa && qb);
    assert.equal(qa.groupId, qb.groupId);
    assert.equal(qa.groupSize, 2);
    const res = await worker.post(`/api/signals/${a}/decision`, {
      decision: "outreach",
      outreachUserId: w.colleague.id,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().group.length, 2);
    const attempt = await worker.post(`/api/signals/${b}/contact-attempts`, {
      method: "homeVisit",
      outcome: "notHome",
      note: "Niemand thuis",
    });
    assert.equal(attempt.statusCode, 201, attempt.body);
    const rows = await t.database.db
      .selectFrom("signal")
      .select(["triageState", "outreachUserId", "firstContactAt"])
      .where("id", "in", [a, b])
      .execute();
    assert.ok(
      rows.every(
        (r) => r.triageState === "outreach" && r.outreachUserId === w.colleague.id && r.firstContactAt,
      ),
    );
    // The partner now sees "in progress", with a date, and nothing about who went.
    const mine = (await partner.get(`/api/signals/mine/${a}`)).json();
    assert.equal(mine.status, "inProgress");
    assert.ok(mine.statusDate);
    const refer = await worker.post(`/api/signals/${a}/decision`, {
      decision: "refer",
      referredTo: "Schuldhulp Utrecht",
    });
    assert.equal(refer.statusCode, 200);
    assert.equal((await partner.get(`/api/signals/mine/${a}`)).json().status, "handled");
    assert.equal(
      (await worker.post(`/api/signals/${b}/decision`, { decision: "refer", referredTo: "X" })).statusCode,
      409,
      "b was decided with a",
    );
  });

  test("triage opens a case: the household dossier is registered and the case opened", async () => {
    const id = await submit({ houseNumber: 31, personName: "Familie Yilmaz" });
    const missing = await worker.post(`/api/signals/${id}/decision`, {
      decision: "openCase",
      allocationGrounds: "Zorgen",
    });
    assert.equal(missing.statusCode, 422);
    const res = await worker.post(`/api/signals/${id}/decision`, {
      decision: "openCase",
      allocationGrounds: "Signaal huisarts: vereenzaming, erop af geweest.",
      members: [
        member({
          givenName: "Ayse",
          familyName: "Yilmaz",
          bsn: null,
          postcode: null,
          houseNumber: null,
          houseNumberAddition: null,
          neighbourhoodCode: null,
        }),
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const { householdId, caseId } = res.json();
    assert.ok(householdId && caseId);
    const resident = await t.database.db
      .selectFrom("resident")
      .select(["postcode", "houseNumber", "neighbourhoodCode"])
      .where("familyName", "=", "Yilmaz")
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      resident,
      { postcode: "3562 AB", houseNumber: 31, neighbourhoodCode: BUURT.overvecht },
      "address from the signal",
    );
    const dossier = await worker.get(`/api/households/${householdId}`);
    assert.equal(dossier.statusCode, 200);
    // The partner sees "handled" but no household, case or decision.
    const mine = await partner.get(`/api/signals/mine/${id}`);
    assert.equal(mine.json().status, "handled");
    assert.ok(!JSON.stringify(mine.json()).includes(householdId));
    assert.ok(!JSON.stringify(mine.json()).includes(caseId));
    assert.equal((await partner.get(`/api/households/${householdId}`)).statusCode, 403);

    // A second signal at the same address suggests that household and links to it.
    const again = await submit({ houseNumber: 31, personName: "Mevrouw Yilmaz", category: "finances" });
    const matches = await worker.get(`/api/signals/${again}/matches`);
    assert.equal(matches.statusCode, 200);
    const match = matches.json().items.find((m: { householdId: string }) => m.householdId === householdId);
    assert.ok(match, matches.body);
    assert.deepEqual(match.reasons.sort(), ["address", "name"]);
    assert.equal(match.openCaseId, caseId);
    const link = await worker.post(`/api/signals/${again}/decision`, {
      decision: "linkHousehold",
      householdId,
    });
    assert.equal(link.statusCode, 200, link.body);
    assert.equal(link.json().caseId, caseId);
    // The other team neither sees these signals nor their matches.
    const outsider = await logInAs(t.app, w.outsider.username);
    assert.equal((await outsider.get(`/api/signals/${again}`)).statusCode, 404);
  });

  test("meldcode: steps are shown and only a team lead closes with no action", async () => {
    const id = await submit({ houseNumber: 44, category: "domesticViolence", urgency: "high" });
    const detail = (await worker.get(`/api/signals/${id}`)).json();
    assert.equal(detail.meldcode, true);
    assert.equal(detail.meldcodeSteps.length, 5);
    assert.equal(detail.allowed.noAction, false);
    const denied = await worker.post(`/api/signals/${id}/decision`, {
      decision: "noAction",
      reason: "Lijkt mee te vallen",
    });
    assert.equal(denied.statusCode, 403);
    assert.match(denied.json().message, /teamleider/);
    assert.equal(
      (await worker.post(`/api/signals/${id}/meldcode-steps`, { step: 1, note: "Signalen vastgelegd" }))
        .statusCode,
      201,
    );
    assert.equal(
      (await worker.post(`/api/signals/${id}/meldcode-steps`, { step: 1, note: "nogmaals" })).statusCode,
      409,
    );
    const leadDetail = (await lead.get(`/api/signals/${id}`)).json();
    assert.equal(leadDetail.allowed.noAction, true);
    assert.equal(
      (await lead.post(`/api/signals/${id}/decision`, { decision: "noAction" })).statusCode,
      422,
      "a reason is required",
    );
    for (const step of [2, 3, 4])
      await worker.post(`/api/signals/${id}/meldcode-steps`, { step, note: `Stap ${step} gedaan` });
    const ok = await lead.post(`/api/signals/${id}/decision`, {
      decision: "noAction",
      reason: "Veilig Thuis is al betrokken.",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const other = await submit({ houseNumber: 45, category: "nuisance" });
    assert.equal(
      (await worker.post(`/api/signals/${other}/decision`, { decision: "noAction", reason: "Eenmalig" }))
        .statusCode,
      200,
    );
    const plain = await submit({ houseNumber: 46, category: "loneliness" });
    assert.equal(
      (await worker.post(`/api/signals/${plain}/meldcode-steps`, { step: 1, note: "x" })).statusCode,
      422,
    );
  });

  test("overdue signals are marked in the queue", async () => {
    const id = await submit({ houseNumber: 50, urgency: "acute" });
    await t.database.db
      .updateTable("signal")
      .set({
        receivedAt: new Date(Date.now() - 3 * 86_400_000),
        deadlineAt: new Date(Date.now() - 2 * 86_400_000),
      })
      .where("id", "=", id)
      .execute();
    const item = (await worker.get("/api/signals/queue"))
      .json()
      .items.find((i: { id: string }) => i.id === id);
    assert.equal(item.overdue, true);
  });

  test("the neighbourhood view shows clusters on real boundaries; a team starts an initiative", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        await submit({
          subject: "place",
          personName: null,
          postcode: null,
          houseNumber: null,
          street: "Zamenhofdreef",
          neighbourhoodCode: BUURT.overvecht2,
          category: "loneliness",
        }),
      );
    await partner.post("/api/signals", placeSignal());
    const view = await worker.get("/api/signals/neighbourhood?minimum=3");
    assert.equal(view.statusCode, 200, view.body);
    const cluster = view
      .json()
      .clusters.find(
        (c: { neighbourhoodCode: string; category: string }) =>
          c.neighbourhoodCode === BUURT.overvecht2 && c.category === "loneliness",
      );
    assert.ok(cluster);
    assert.ok(cluster.count >= 4);
    assert.equal(cluster.neighbourhoodName, "Zamenhofdreef en omgeving");
    const map = (await worker.get("/api/signals/map")).json();
    assert.equal(map.buurten.length, 111, "Utrecht's 111 buurten");
    assert.ok(map.buurten.some((b: { code: string }) => b.code === BUURT.overvecht2));
    const started = await worker.post("/api/signals/initiatives", {
      teamId: w.team.id,
      neighbourhoodCode: BUURT.overvecht2,
      category: "loneliness",
      title: "Koffieochtend Zamenhofdreef",
      description: "Wekelijkse koffieochtend met de bewonerscommissie.",
      signalIds: ids,
    });
    assert.equal(started.statusCode, 201, started.body);
    const rows = await t.database.db
      .selectFrom("signal")
      .select(["triageState", "initiativeId"])
      .where("id", "in", ids)
      .execute();
    assert.ok(rows.every((r) => r.triageState === "neighbourhood" && r.initiativeId === started.json().id));
    const outsider = await logInAs(t.app, w.outsider.username);
    const foreign = await outsider.post("/api/signals/initiatives", {
      teamId: w.team.id,
      neighbourhoodCode: BUURT.overvecht2,
      category: "loneliness",
      title: "x",
      description: "y",
      signalIds: [],
    });
    assert.equal(foreign.statusCode, 422);
    const outsiderView = (await outsider.get("/api/signals/neighbourhood?minimum=1")).json();
    assert.ok(
      !outsiderView.clusters.some(
        (c: { neighbourhoodCode: string }) => c.neighbourhoodCode === BUURT.overvecht2,
      ),
      "other team sees only its own",
    );
    assert.equal((await partner.get("/api/signals/neighbourhood")).statusCode, 403);
  });

  test("figures per source, category and buurt, with CSV; policy sees the municipality, never names", async () => {
    const policy = await logInAs(t.app, w.policyOfficer.username);
    const res = await policy.get("/api/signals/figures");
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json();
    assert.ok(f.total > 5);
    assert.ok(f.bySource.some((r: { key: string }) => r.key === "partner"));
    assert.ok(f.byCategory.some((r: { key: string }) => r.key === "loneliness"));
    assert.ok(f.referrals.some((r: { key: string }) => r.key === "Schuldhulp Utrecht"));
    // Policy staff see no number from 1 to 4 (signals.smallNumbers.test.ts): withheld as null.
    const small = (n: number | null) => n === null || n === 0 || n >= 5;
    assert.ok(small(f.cases.becameCase) && small(f.firstContact.contacted));
    assert.ok(f.byCategory.every((r: { count: number | null }) => small(r.count)));
    const teamView = (await lead.get("/api/signals/figures")).json();
    assert.ok(teamView.cases.becameCase >= 2, "the team lead sees the team's own counts exactly");
    assert.ok(teamView.firstContact.contacted >= 1);
    assert.ok(!JSON.stringify(f).includes("Yilmaz"));
    const csv = await policy.get("/api/signals/figures.csv");
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers["content-type"] as string, /text\/csv/);
    assert.match(
      csv.body,
      /\r\ncategorie;loneliness;/,
      "written by the shared CSV library, quoted only where needed",
    );
    assert.equal(
      (await policy.get("/api/signals/queue")).statusCode,
      403,
      "policy has no access to signal content",
    );
    assert.equal((await worker.get("/api/signals/figures")).statusCode, 403);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("actorUserId", "=", w.policyOfficer.id)
      .execute();
    assert.ok(audit.some((a) => a.action === "signal.figuresExported"));
  });

  test("every read of a signal with personal data is audited", async () => {
    const id = await submit({ houseNumber: 60 });
    await worker.get(`/api/signals/${id}`);
    await worker.get(`/api/signals/${id}/matches`);
    const actions = (
      await t.database.db
        .selectFrom("auditEvent")
        .select("action")
        .where("resourceId", "=", id)
        .where("actorUserId", "=", w.worker.id)
        .execute()
    ).map((a) => a.action);
    assert.ok(actions.includes("signal.viewed"));
    assert.ok(actions.includes("signal.matchesViewed"));
  });
});
