import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDossierWorld, member, scores2017 } from "../households/dossier.factories.ts";

interface Problem {
  field: string;
  message: string;
}

/**
 * Closure (§1.11) holds in the service and in the database: one answer names every problem with the
 * field it belongs to, and each rule is a CHECK of its own, so removing one is noticed.
 */
describe("closing a case: every rule named at once, every rule in the database", () => {
  let t: TestApp;
  let worker: Client;
  let householdId = "";
  let residentId = "";
  let caseId = "";

  const version = async () => {
    const d = (await worker.get(`/api/households/${householdId}`)).json() as { cases: { version: number }[] };
    return d.cases[0]?.version ?? 0;
  };
  const complete = async (over: Record<string, unknown> = {}) => ({
    version: await version(),
    reason: "goalsAchieved",
    finalAssessment: { residentId, assessedOn: "2026-01-05", scores: scores2017(4) },
    escalationPrevented: "yes",
    escalationExplanation: "Zonder steun was een uithuiszetting gevolgd.",
    residentInformed: true,
    residentInformedHow: "In het laatste huisbezoek.",
    aftercareDate: "2099-03-01",
    ...over,
  });
  const problemsOf = (res: { statusCode: number; json(): unknown; body: string }) => {
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json() as { error: string; message: string; details: { problems: Problem[] } };
    assert.equal(body.error, "closureIncomplete");
    return body;
  };

  before(async () => {
    t = await createTestApp();
    const world = await buildDossierWorld(t.database.db);
    worker = await logInAs(t.app, world.worker.username);
    householdId = (await worker.post("/api/households", { members: [member()] })).json().id;
    const d = (await worker.get(`/api/households/${householdId}`)).json() as { members: { id: string }[] };
    residentId = d.members[0]?.id ?? "";
    caseId = (
      await worker.post(`/api/households/${householdId}/cases`, {
        caseLeadUserId: world.worker.id,
        allocationGrounds: "Aanmelding huisarts",
      })
    ).json().id;
  });
  after(() => t.close());

  test("one answer names every missing or wrong field, each with its field", async () => {
    const res = await worker.post(
      `/api/cases/${caseId}/close`,
      await complete({
        reason: "weetIkVeel",
        escalationPrevented: null,
        escalationExplanation: "  ",
        residentInformed: false,
        residentInformedHow: null,
        aftercareDate: "2020-01-01",
      }),
    );
    const body = problemsOf(res);
    assert.deepEqual(body.details.problems.map((p) => p.field).sort(), [
      "aftercareDate",
      "escalationExplanation",
      "escalationPrevented",
      "reason",
      "residentInformedHow",
    ]);
    for (const p of body.details.problems) assert.ok(p.message.length > 10, p.field);
    assert.match(body.message, /zwaardere zorg/);
    assert.match(body.message, /waarom de inwoner/);
    assert.match(body.message, /nazorg/);
    const assessments = await t.database.db.selectFrom("assessment").select("id").execute();
    assert.equal(assessments.length, 0, "nothing half-saved");
  });

  test("a missing 'heavier care prevented' is named next to any other closure message", async () => {
    for (const other of [
      { reason: "weetIkVeel" },
      { aftercareDate: "2020-01-01" },
      { residentInformed: false, residentInformedHow: "" },
    ]) {
      const body = problemsOf(
        await worker.post(
          `/api/cases/${caseId}/close`,
          await complete({ escalationPrevented: null, ...other }),
        ),
      );
      const fields = body.details.problems.map((p) => p.field);
      assert.ok(fields.includes("escalationPrevented"), JSON.stringify(other));
      assert.equal(fields.length, 2, JSON.stringify(fields));
      assert.match(body.message, /zwaardere zorg is voorkomen/);
    }
  });

  test("not told: the reason why is required, and accepted", async () => {
    const missing = problemsOf(
      await worker.post(
        `/api/cases/${caseId}/close`,
        await complete({ residentInformed: false, residentInformedHow: null }),
      ),
    );
    assert.deepEqual(
      missing.details.problems.map((p) => p.field),
      ["residentInformedHow"],
    );
    const ok = await worker.post(
      `/api/cases/${caseId}/close`,
      await complete({
        residentInformed: false,
        residentInformedHow: "Inwoner is verhuisd, brief gestuurd.",
      }),
    );
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test("each closure rule is its own CHECK in the database", async () => {
    const db = t.database.db;
    const row = await db
      .selectFrom("caseFile")
      .select(["status", "residentInformed"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "closed");
    const breaks: [string, string][] = [
      ["closed_at = null", "case_file_closed_at"],
      ["closure_reason = null", "case_file_closed_reason"],
      ["final_assessment_id = null", "case_file_closed_final_assessment"],
      ["escalation_prevented = null", "case_file_closed_escalation_prevented"],
      ["escalation_explanation = ' '", "case_file_closed_escalation_explanation"],
      ["escalation_explanation = null", "case_file_closed_escalation_explanation"],
      ["resident_informed = null", "case_file_closed_resident_informed"],
      ["resident_informed_how = null", "case_file_closed_resident_informed_how"],
      ["resident_informed = false, resident_informed_how = '  '", "case_file_closed_resident_informed_how"],
      ["aftercare_date = null", "case_file_closed_aftercare_date"],
    ];
    for (const [set, constraint] of breaks) {
      await assert.rejects(
        sql`update case_file set ${sql.raw(set)} where id = ${caseId}`.execute(db),
        (error: { constraint?: string; message?: string }) => {
          assert.equal(error.constraint ?? error.message, constraint, set);
          return true;
        },
        set,
      );
    }
  });
});
