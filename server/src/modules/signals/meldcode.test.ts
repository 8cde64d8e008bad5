import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { member } from "../households/dossier.factories.ts";
import { BUURT, buildSignalWorld, personSignal } from "./signals.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_assert_meldcode_skip, app_assert_meldcode_decision.

/**
 * The meldcode huiselijk geweld en kindermishandeling holds whatever the decision: a signal of domestic
 * violence or a concern about a child ends without a case or a report to Veilig Thuis only by a team
 * lead's decision with a reason, and never before steps 1–4 are recorded (or skipped by the team lead,
 * with why); the decision itself is step 5. Every decision kind the API knows is tried.
 */
describe("the meldcode on every path", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let partner: Client;
  let worker: Client;
  let lead: Client;
  let house = 100;

  const submit = async (over: Record<string, unknown> = {}) => {
    house += 1;
    const res = await partner.post(
      "/api/signals",
      personSignal({ houseNumber: house, category: "domesticViolence", urgency: "high", ...over }),
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const recordSteps = async (client: Client, id: string, steps = [1, 2, 3, 4]) => {
    for (const step of steps) {
      const res = await client.post(`/api/signals/${id}/meldcode-steps`, {
        step,
        note: `Stap ${step} gedaan en besproken`,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
  };
  const state = async (id: string) =>
    (
      await t.database.db
        .selectFrom("signal")
        .select(["triageState", "decidedByUserId"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).triageState;
  const householdWithoutCase = async () =>
    (
      await worker.post("/api/households", {
        members: [member({ bsn: null, familyName: `Zonder${house}`, postcode: null, houseNumber: null })],
      })
    ).json().id as string;
  const householdWithCase = async () => {
    const id = await householdWithoutCase();
    const opened = await worker.post(`/api/households/${id}/cases`, {
      caseLeadUserId: w.worker.id,
      allocationGrounds: "Lopende hulp",
    });
    assert.equal(opened.statusCode, 201, opened.body);
    return id;
  };
  /** The decisions that end a signal without a case or a report, with what each one needs. */
  const endingWithout = async (): Promise<[string, Record<string, unknown>][]> => [
    ["noAction", {}],
    ["refer", { referredTo: "Maatschappelijk werk" }],
    ["neighbourhood", {}],
    ["linkHousehold", { householdId: await householdWithoutCase() }],
  ];

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    partner = await logInAs(t.app, w.partner.username);
    worker = await logInAs(t.app, w.worker.username);
    lead = await logInAs(t.app, w.lead.username);
  });
  after(() => t.close());

  test("a professional cannot end a meldcode signal without a case or a report, by any decision", async () => {
    for (const [decision, extra] of await endingWithout()) {
      const id = await submit();
      await recordSteps(worker, id);
      const res = await worker.post(`/api/signals/${id}/decision`, {
        decision,
        reason: "Lijkt mee te vallen",
        ...extra,
      });
      assert.equal(res.statusCode, 403, `${decision}: ${res.body}`);
      assert.match(res.json().message, /teamleider/);
      assert.equal(await state(id), "new", decision);
    }
  });

  test("also not for a concern about a child, nor through another signal at the same address", async () => {
    const child = await submit({ category: "childConcern" });
    await recordSteps(worker, child);
    const refer = await worker.post(`/api/signals/${child}/decision`, {
      decision: "refer",
      referredTo: "Opvoedondersteuning",
    });
    assert.equal(refer.statusCode, 403, refer.body);
    // A loneliness signal about the same door: one decision answers the group, so the meldcode applies.
    const lonely = await partner.post(
      "/api/signals",
      personSignal({ houseNumber: house, category: "loneliness" }),
    );
    const res = await worker.post(`/api/signals/${lonely.json().id}/decision`, { decision: "neighbourhood" });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(await state(child), "new");
  });

  test("the team lead ends it, with a reason, once steps 1–4 are recorded; the decision is step 5", async () => {
    for (const [decision, extra] of await endingWithout()) {
      const id = await submit();
      const withoutReason = await lead.post(`/api/signals/${id}/decision`, { decision, ...extra });
      assert.equal(withoutReason.statusCode, 422, `${decision}: ${withoutReason.body}`);
      assert.equal(withoutReason.json().details.field, "reason");
      const withoutSteps = await lead.post(`/api/signals/${id}/decision`, {
        decision,
        reason: "Veilig Thuis is al betrokken via de politie.",
        ...extra,
      });
      assert.equal(withoutSteps.statusCode, 422, `${decision}: ${withoutSteps.body}`);
      assert.equal(withoutSteps.json().error, "meldcodeStepsMissing");
      assert.deepEqual(withoutSteps.json().details.missingSteps, [1, 2, 3, 4]);
      assert.match(withoutSteps.json().message, /stap 1, 2, 3 en 4/);
      await recordSteps(worker, id);
      const ok = await lead.post(`/api/signals/${id}/decision`, {
        decision,
        reason: "Veilig Thuis is al betrokken via de politie.",
        ...extra,
      });
      assert.equal(ok.statusCode, 200, `${decision}: ${ok.body}`);
      const steps = ok.json().meldcodeSteps as { step: number; done: boolean; skipped: boolean }[];
      assert.deepEqual(
        steps.map((s) => s.done),
        [true, true, true, true, true],
        `${decision}: step 5 is the decision`,
      );
      assert.notEqual(await state(id), "new");
    }
  });

  test("with a case or a report to Veilig Thuis a professional decides, after steps 1–4", async () => {
    const toCase = await submit();
    const body = {
      decision: "openCase",
      allocationGrounds: "Huiselijk geweld: hulp organiseren (stap 5 meldcode).",
      members: [
        member({
          givenName: "Nora",
          familyName: `Veilig${house}`,
          bsn: null,
          postcode: null,
          houseNumber: null,
          houseNumberAddition: null,
          neighbourhoodCode: null,
        }),
      ],
    };
    const early = await worker.post(`/api/signals/${toCase}/decision`, body);
    assert.equal(early.statusCode, 422, early.body);
    assert.equal(early.json().error, "meldcodeStepsMissing");
    assert.equal(await state(toCase), "new", "no case was opened either");
    await recordSteps(worker, toCase);
    const opened = await worker.post(`/api/signals/${toCase}/decision`, body);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(await state(toCase), "caseOpened");

    const report = await submit();
    await recordSteps(worker, report);
    const reported = await worker.post(`/api/signals/${report}/decision`, { decision: "reportVeiligThuis" });
    assert.equal(reported.statusCode, 200, reported.body);
    assert.equal(reported.json().referredTo, "Veilig Thuis");
    assert.equal(reported.json().reportedToVeiligThuis, true);

    const linked = await submit();
    await recordSteps(worker, linked);
    const withCase = await worker.post(`/api/signals/${linked}/decision`, {
      decision: "linkHousehold",
      householdId: await householdWithCase(),
    });
    assert.equal(withCase.statusCode, 200, withCase.body);
    assert.ok(withCase.json().caseId, "linked to the household's open case");
  });

  test("outreach keeps the signal open and needs no steps", async () => {
    const id = await submit();
    const res = await worker.post(`/api/signals/${id}/decision`, {
      decision: "outreach",
      outreachUserId: w.colleague.id,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await state(id), "outreach");
  });

  test("a step is skipped only by the team lead, with why; then it counts", async () => {
    const id = await submit();
    const denied = await worker.post(`/api/signals/${id}/meldcode-steps`, {
      step: 3,
      note: "Gesprek niet veilig mogelijk",
      skipped: true,
    });
    assert.equal(denied.statusCode, 403, denied.body);
    const skipped = await lead.post(`/api/signals/${id}/meldcode-steps`, {
      step: 3,
      note: "Gesprek met betrokkene niet veilig mogelijk; politie is ter plaatse.",
      skipped: true,
    });
    assert.equal(skipped.statusCode, 201, skipped.body);
    const step3 = (skipped.json().meldcodeSteps as { step: number; skipped: boolean }[]).find(
      (s) => s.step === 3,
    );
    assert.equal(step3?.skipped, true);
    await recordSteps(worker, id, [1, 2, 4]);
    const reported = await worker.post(`/api/signals/${id}/decision`, { decision: "reportVeiligThuis" });
    assert.equal(reported.statusCode, 200, reported.body);
  });

  test("a neighbourhood initiative does not close a meldcode signal", async () => {
    const id = await submit({ neighbourhoodCode: BUURT.overvecht });
    await recordSteps(worker, id);
    const res = await worker.post("/api/signals/initiatives", {
      teamId: w.team.id,
      neighbourhoodCode: BUURT.overvecht,
      category: "domesticRelations",
      title: "Buurtgesprekken",
      description: "Gesprekken over samenleven in de buurt.",
      signalIds: [id],
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.json().message, /meldcode/);
    assert.equal(await state(id), "new");
  });

  test("the database refuses a meldcode signal closed around the service", async () => {
    const id = await submit();
    await recordSteps(worker, id);
    // A professional's decision without a case or report, written straight into the table.
    await assert.rejects(
      sql`update signal set triage_state = 'noAction', decided_at = now(), decided_by_user_id = ${w.worker.id},
        decision_reason = 'Geen actie' where id = ${id}`.execute(t.database.db),
      /meldcode/,
    );
    // A team lead's decision, but step 5 and the others not all recorded.
    const other = await submit();
    await assert.rejects(
      sql`update signal set triage_state = 'referred', referred_to = 'Elders', decided_at = now(),
        decided_by_user_id = ${w.lead.id}, decision_reason = 'Elders beter' where id = ${other}`.execute(
        t.database.db,
      ),
      /meldcode/,
    );
    assert.equal(await state(other), "new");
  });
});
