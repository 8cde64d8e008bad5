import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDirectoryEntry } from "../directory/directory.factories.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { buildPortalWorld, closeCase } from "../portal/portal.fixtures.ts";
import { buildSignalWorld, personSignal } from "../signals/signals.fixtures.ts";
import { REMINDER_SUBJECT } from "./reminders.jobs.ts";

/**
 * The reminder jobs put what is due on the worklist of the person who must act and announce it by an
 * e-mail that says only how many reminders wait. Run twice, they add nothing twice.
 */
describe("reminder jobs", () => {
  let t: TestApp;
  let portal: Awaited<ReturnType<typeof buildPortalWorld>>;
  let signals: Awaited<ReturnType<typeof buildSignalWorld>>;
  let caseLead: Client;
  const run = async (name: string, now = new Date()) => {
    const job = t.jobs.definitions.find((d) => d.name === name);
    assert.ok(job, name);
    return job.run({ db: t.database.db, now });
  };

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    portal = await buildPortalWorld(db);
    signals = await buildSignalWorld(db);
    const today = todayInNetherlands(new Date());
    // Arrange what has come due: household A's plan review today, household B closed with its
    // aftercare check-in today, a social-map entry past its review date.
    await db
      .updateTable("planReview")
      .set({ dueOn: today })
      .where("planId", "=", portal.a.planId ?? "")
      .execute();
    await closeCase(db, {
      municipalityId: portal.municipality.id,
      caseId: portal.b.caseId,
      householdId: portal.b.householdId,
      residentId: portal.b.residentId,
      assessorUserId: portal.colleague.id,
    });
    await db
      .updateTable("caseFile")
      .set({ aftercareDate: today })
      .where("id", "=", portal.b.caseId)
      .execute();
    await buildDirectoryEntry(db, signals.municipality.id, { reviewDate: "2020-01-01" });
    for (const user of [portal.caseLead, portal.colleague, signals.lead, signals.administrator])
      await db
        .updateTable("appUser")
        .set({ email: `${user.username}@example.org` })
        .where("id", "=", user.id)
        .execute();
    caseLead = await logInAs(t.app, portal.caseLead.username);
  });
  after(() => t.close());

  const remindersOf = (userId: string) =>
    t.database.db.selectFrom("reminder").selectAll().where("userId", "=", userId).orderBy("kind").execute();
  const noticesTo = (userId: string) =>
    t.database.db
      .selectFrom("outboxMessage")
      .select(["subject", "body"])
      .where("recipientUserId", "=", userId)
      .where("kind", "=", "reminder")
      .execute();

  test("plan review, aftercare check-in and social-map review land on the right worklists, announced without personal data", async () => {
    const summary = await run("reminders.create");
    assert.deepEqual(
      { aftercare: summary.aftercareCheckIn, review: summary.planReview, directory: summary.directoryReview },
      { aftercare: 1, review: 1, directory: 1 },
    );
    assert.deepEqual(
      (await remindersOf(portal.caseLead.id)).map((r) => r.kind),
      ["planReview"],
    );
    assert.deepEqual(
      (await remindersOf(portal.colleague.id)).map((r) => r.kind),
      ["aftercareCheckIn"],
    );
    assert.deepEqual(
      (await remindersOf(signals.administrator.id)).map((r) => r.kind),
      ["directoryReview"],
    );
    const [notice] = await noticesTo(portal.colleague.id);
    assert.equal(notice?.subject, REMINDER_SUBJECT);
    assert.match(notice?.body ?? "", /1 nieuwe herinnering\b/);
    for (const personal of ["Aydin", "Boer", "Familie", "Selin", "Piet"])
      assert.ok(!notice?.body.includes(personal));

    // The next day's run finds the same things due: nothing new, no second e-mail.
    const again = await run("reminders.create");
    assert.deepEqual([again.planReview, again.aftercareCheckIn, again.directoryReview], [0, 0, 0]);
    assert.equal(again.announced, 0);
    assert.equal((await noticesTo(portal.colleague.id)).length, 1);
  });

  test("a signal not decided by its deadline goes to the team lead, and again at three times the deadline", async () => {
    const partner = await logInAs(t.app, signals.partner.username);
    const submitted = await partner.post("/api/signals", personSignal());
    assert.equal(submitted.statusCode, 201, submitted.body);
    const db = t.database.db;
    // Received four days ago with one day allowed: the deadline has passed, and so have three days.
    await sql`update signal set received_at = now() - interval '4 days', deadline_at = now() - interval '3 days'
      where municipality_id = ${signals.municipality.id}`.execute(db);
    const first = await run("signals.escalate");
    assert.equal(first.signalDeadline, 1);
    assert.equal(first.signalDeadlineTripled, 1);
    assert.deepEqual(
      (await remindersOf(signals.lead.id)).map((r) => r.kind),
      ["signalDeadline", "signalDeadlineTripled"],
    );
    const [notice] = await noticesTo(signals.lead.id);
    assert.ok(notice && !notice.body.includes("Jansen"));
    const second = await run("signals.escalate");
    assert.deepEqual([second.signalDeadline, second.signalDeadlineTripled], [0, 0]);
    assert.equal((await remindersOf(signals.worker.id)).length, 0, "professionals are not escalated to");
  });

  test("the case lead sees their reminders on the worklist and dismisses them; nobody else can", async () => {
    const mine = await caseLead.get("/api/worklist/reminders");
    assert.equal(mine.statusCode, 200);
    const items = (mine.json() as { items: { id: string; kind: string; caseId: string }[] }).items;
    assert.deepEqual(
      items.map((i) => [i.kind, i.caseId]),
      [["planReview", portal.a.caseId]],
    );
    const id = items[0]?.id ?? "";
    const colleague = await logInAs(t.app, portal.colleague.username);
    assert.equal((await colleague.post(`/api/worklist/reminders/${id}/dismiss`)).statusCode, 404);
    assert.equal((await caseLead.post(`/api/worklist/reminders/${id}/dismiss`)).statusCode, 204);
    assert.equal(
      ((await caseLead.get("/api/worklist/reminders")).json() as { items: unknown[] }).items.length,
      0,
    );
  });
});
