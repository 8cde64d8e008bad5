import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildPortalWorld } from "../../modules/portal/portal.fixtures.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildUser } from "../../test/factories.ts";
import { startTestSmtp, type TestSmtp } from "../../test/smtp.ts";
import { createSmtpMailer } from "./mailer.ts";
import { BACKOFF_SECONDS, deliverOutbox, MAX_ATTEMPTS } from "./outbox-delivery.ts";

/**
 * E-mail over SMTP: the app runs with SMTP_URL pointing at a real SMTP server in this process and its
 * background jobs on; a resident asks for a login code through the API like the portal does.
 */
describe("e-mail delivery from the outbox", () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let admin: Client;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      smtpUrl: smtp.url,
      mailFrom: "Wijkwerk <noreply@gemeente.example>",
      jobsEnabled: true,
    });
    world = await buildPortalWorld(t.database.db);
    const administrator = await buildUser(t.database.db, world.municipality.id, { role: "administrator" });
    admin = await logInAs(t.app, administrator.username);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test("a requested login code arrives at the resident's address, exactly once, with nothing personal but the code", async () => {
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/portal/login/code",
      payload: { username: world.usernameA },
    });
    assert.equal(asked.statusCode, 202);
    const [mail] = await smtp.waitFor(1);
    assert.ok(mail);
    const account = await t.database.db
      .selectFrom("appUser")
      .select(["email", "displayName", "username"])
      .where("username", "=", world.usernameA)
      .executeTakeFirstOrThrow();
    assert.deepEqual(mail.to, [account.email]);
    assert.equal(mail.from, "noreply@gemeente.example");
    const code = /inlogcode is (\d{6})/.exec(mail.raw)?.[1];
    assert.ok(code, "the e-mail carries the six-digit code");
    for (const personal of ["Selin", "Aydin", "Mert", "1985", world.usernameA, "Familie"])
      assert.ok(!mail.raw.includes(personal), `the e-mail does not mention ${personal}`);

    // Later delivery runs send nothing more: the message is marked sent. Wait for a run that started
    // after the e-mail arrived and finished.
    const arrived = new Date();
    let laterRun = false;
    for (let i = 0; i < 300 && !laterRun; i++) {
      const later = await t.database.db
        .selectFrom("jobRun")
        .select("id")
        .where("job", "=", "outbox.deliver")
        .where("state", "=", "succeeded")
        .where("startedAt", ">", arrived)
        .executeTakeFirst();
      laterRun = later !== undefined;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(laterRun, "another delivery run finished");
    assert.equal(smtp.received.length, 1);
    const row = await t.database.db
      .selectFrom("outboxMessage")
      .select(["state", "attempts", "sentAt"])
      .where("kind", "=", "loginCode")
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "sent");
    assert.equal(row.attempts, 1);

    // The code from the e-mail logs the resident in.
    const login = await t.app.inject({
      method: "POST",
      url: "/api/portal/login",
      payload: { username: world.usernameA, code },
    });
    assert.equal(login.statusCode, 200);
  });

  test("a refused address is dead at once; a temporary failure is retried with back-off until the last attempt", async () => {
    const db = t.database.db;
    await t.jobs.runner?.stop(); // drive delivery by hand with a clock
    const mailer = createSmtpMailer(smtp.url, "noreply@gemeente.example");
    const refused = await buildUser(db, world.municipality.id, { username: "weg-adres" });
    await db.updateTable("appUser").set({ email: "weg@example.org" }).where("id", "=", refused.id).execute();
    const later = await buildUser(db, world.municipality.id, { username: "later-adres" });
    await db.updateTable("appUser").set({ email: "later@example.org" }).where("id", "=", later.id).execute();
    smtp.refuse("weg@example.org", 550, "5.1.1 <weg@example.org>: no such user");
    smtp.refuse("later@example.org", 451, "4.3.0 try again later");
    for (const user of [refused, later])
      await db
        .insertInto("outboxMessage")
        .values({
          municipalityId: world.municipality.id,
          recipientUserId: user.id,
          kind: "newMessage",
          subject: "U heeft een nieuw bericht in Wijkwerk",
          body: "Log in om het te lezen.",
        })
        .execute();

    let now = new Date();
    const first = await deliverOutbox(db, mailer, { now: () => now });
    assert.deepEqual(first, { sent: 0, retried: 1, dead: 1 });
    const dead = await db
      .selectFrom("outboxMessage")
      .select(["state", "lastError"])
      .where("recipientUserId", "=", refused.id)
      .executeTakeFirstOrThrow();
    assert.equal(dead.state, "dead");
    assert.match(dead.lastError ?? "", /^550/);
    assert.ok(!(dead.lastError ?? "").includes("weg@example.org"), "no address in the stored error");

    const waiting = () =>
      db
        .selectFrom("outboxMessage")
        .select(["state", "attempts", "nextAttemptAt"])
        .where("recipientUserId", "=", later.id)
        .executeTakeFirstOrThrow();
    let row = await waiting();
    assert.equal(row.state, "pending");
    assert.equal(new Date(row.nextAttemptAt).getTime(), now.getTime() + (BACKOFF_SECONDS[0] ?? 0) * 1000);
    // Nothing is due before the back-off has passed.
    assert.deepEqual(await deliverOutbox(db, mailer, { now: () => now }), { sent: 0, retried: 0, dead: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(new Date(row.nextAttemptAt).getTime() + 1000);
      await deliverOutbox(db, mailer, { now: () => now });
      row = await waiting();
    }
    assert.equal(row.state, "dead");
    assert.equal(row.attempts, MAX_ATTEMPTS);
    mailer.close();
  });

  test("the administrator sees the backlog and the dead messages without their content, and can send one again", async () => {
    const overview = await admin.get("/api/operations/outbox");
    assert.equal(overview.statusCode, 200);
    const body = overview.json() as {
      smtpConfigured: boolean;
      backlog: { dead: number };
      messages: { id: string; state: string; lastError: string | null }[];
    };
    assert.equal(body.smtpConfigured, true);
    assert.equal(body.backlog.dead, 2);
    assert.ok(!overview.body.includes("Log in om het te lezen"), "no message text");
    assert.ok(!overview.body.includes("@example.org"), "no addresses");
    const [first] = body.messages.filter((m) => m.state === "dead");
    assert.ok(first);
    const retried = await admin.post(`/api/operations/outbox/${first.id}/retry`);
    assert.equal(retried.statusCode, 200);
    assert.equal((retried.json() as { state: string }).state, "pending");
    assert.equal((await admin.post(`/api/operations/outbox/${first.id}/retry`)).statusCode, 404);
    const professional = await logInAs(t.app, world.caseLead.username);
    assert.equal((await professional.get("/api/operations/outbox")).statusCode, 403);
  });
});
