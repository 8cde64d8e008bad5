import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { sealAuditEvents, verifyAuditChain } from "../../platform/audit/chain.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMembership, buildUser } from "../../test/factories.ts";
import { cleanPdf, upload } from "../documents/documents.fixtures.ts";
import { member, scores2017 } from "../households/dossier.factories.ts";
import { buildPortalWorld, logInResident } from "../portal/portal.fixtures.ts";
import { seedDefaultPurposes } from "../privacy/privacy.service.ts";
import { buildSignalWorld, personSignal } from "../signals/signals.fixtures.ts";
import { runRetention } from "./retention.ts";

const DAY = 86_400_000;
const MONTH = 31 * DAY;
/** Free texts written through the API; none may reach the retention log. */
const SECRETS = [
  "Geheim-Journaal hartkloppingen",
  "Geheim-Bericht over de huur",
  "Geheim-Netwerk Tante Wilma",
  "Geheim-Toestemming getekend",
  "Geheim-Nood crisis in de nacht",
  "Geheim-Verwijzing na gesprek",
  "Aydin",
  "Selin",
  "de Boer",
];

/**
 * The clock moves past each retention period; every kind of record is gone from every table when its
 * period ends, the log names kind, id, date and rule without content, kept records are kept and the log
 * says why, and the audit chain still verifies.
 */
describe("retention for every kind of record", () => {
  let t: TestApp;
  let p: Awaited<ReturnType<typeof buildPortalWorld>>;
  let s: Awaited<ReturnType<typeof buildSignalWorld>>;
  const start = Date.now();
  const ids: Record<string, string> = {};
  let conferenceNoteId = "";

  const exists = async (table: string, column: string, id: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
          where ${sql.ref(column)}::text = ${id}`.execute(t.database.db)
      ).rows[0]?.n,
    );
  const at = (ms: number) => runRetention(t.database.db, { now: new Date(start + ms) });
  const log = async (kind: string, recordId: string) =>
    (
      await t.database.db
        .selectFrom("retentionLogEntry")
        .select(["outcome", "keptBecause", "rule", "recordDate"])
        .where("kind", "=", kind)
        .where("recordId", "=", recordId)
        .execute()
    ).map((e) => `${e.outcome}${e.keptBecause ? `:${e.keptBecause}` : ""}`);
  const ok = (res: { statusCode: number; body: string }, what: string) =>
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    p = await buildPortalWorld(db);
    s = await buildSignalWorld(db);
    await seedDefaultPurposes(db, p.municipality.id);
    await seedDefaultPurposes(db, s.municipality.id);
    const lead = await logInAs(t.app, p.caseLead.username);
    const teamLead = await p.member("teamLead");
    const admin = await buildUser(db, p.municipality.id, {
      role: "administrator",
      organisationId: p.organisation.id,
    });
    const adminClient = await logInAs(t.app, admin.username);
    const a = p.a;
    const base = `/api/portal/households/${a.householdId}`;

    // The resident logs in (code, outbox, session), writes, asks for an export; the case lead answers.
    const resident = await logInResident(t.app, db, p.usernameA);
    ok(await resident.post(`${base}/messages`, { text: "Geheim-Bericht over de huur" }), "message");
    // A document in the dossier (issue 20), stored encrypted in chunks.
    const uploaded = await upload(
      t,
      lead,
      `/api/households/${a.householdId}/documents`,
      [["kind", "letter"]],
      [{ filename: "brief.pdf", content: cleanPdf() }],
    );
    ok(uploaded, "document");
    ids.document = uploaded.json().items[0].id;
    ok(await lead.post(`/api/portal-desk/cases/${a.caseId}/messages`, { text: "Ik bel u morgen." }), "reply");
    const asked = await resident.post(`${base}/export-request`);
    ok(asked, "export request");
    ids.exportRequest = asked.json().id;
    ok(await lead.post(`/api/export-requests/${ids.exportRequest}/deliver`), "deliver");
    // The dossier: a journal entry, a network member, a consent withdrawn.
    ok(
      await lead.post(`/api/households/${a.householdId}/journal`, {
        caseId: a.caseId,
        kind: "homeVisit",
        occurredOn: "2026-01-05",
        text: "Geheim-Journaal hartkloppingen",
      }),
      "journal",
    );
    ok(
      await lead.post(`/api/households/${a.householdId}/network`, {
        name: "Geheim-Netwerk Tante Wilma",
        relation: "family",
        contactFrequency: "weekly",
        closeness: 1,
      }),
      "network",
    );
    const consent = await lead.post(`/api/households/${a.householdId}/consents`, {
      purposeCode: "wmoSupport",
      recipientRoles: ["professional"],
      categories: ["personalDetails"],
      validFrom: "2026-01-01",
      givenHow: "written",
      note: "Geheim-Toestemming getekend",
    });
    ok(consent, "consent");
    ids.consent = consent.json().id;
    ok(await lead.post(`/api/consents/${ids.consent}/withdraw`, { note: "Ingetrokken" }), "withdraw");
    // Break the glass by a professional of another team; their team lead reviews it.
    const otherTeam = (
      await db.selectFrom("team").select("id").where("municipalityId", "=", p.municipality.id).execute()
    ).length;
    assert.ok(otherTeam >= 1);
    const { buildTeam } = await import("../../test/factories.ts");
    const team2 = await buildTeam(db, p.municipality.id);
    const outsider = await buildUser(db, p.municipality.id, {
      role: "professional",
      organisationId: p.organisation.id,
    });
    // Emergency access is reviewed by the household's team lead (issue 15), not the requester's.
    const householdLead = await buildUser(db, p.municipality.id, {
      role: "teamLead",
      organisationId: p.organisation.id,
    });
    await buildMembership(db, p.municipality.id, team2.id, outsider.id, p.organisation.id);
    await buildMembership(db, p.municipality.id, p.team.id, householdLead.id, p.organisation.id);
    const o = await logInAs(t.app, outsider.username);
    const granted = await o.post("/api/emergency-access", {
      householdId: a.householdId,
      reason: "Geheim-Nood crisis in de nacht, regiehouder onbereikbaar",
    });
    ok(granted, "emergency");
    ids.emergency = granted.json().id;
    ok(await o.post(`/api/emergency-access/${ids.emergency}/end`), "end emergency");
    ok(
      await (await logInAs(t.app, householdLead.username)).post(
        `/api/emergency-access/${ids.emergency}/review`,
        {
          note: "Terecht",
        },
      ),
      "review",
    );
    // A conference on A whose decision is done, with a learning note.
    const tl = await logInAs(t.app, teamLead.username);
    const planned = await lead.post("/api/conferences", {
      teamId: p.team.id,
      title: "Overleg",
      scheduledAt: new Date(start).toISOString(),
      memberUserIds: [teamLead.id],
    });
    ok(planned, "conference");
    ids.conference = planned.json().id;
    const item = await lead.post(`/api/conferences/${ids.conference}/agenda`, {
      householdId: a.householdId,
      presentation: "pseudonymised",
    });
    ok(item, "agenda");
    const decided = await lead.post(`/api/conferences/${ids.conference}/decisions`, {
      agendaItemId: item.json().agenda[0].id,
      kind: "escalation",
      description: "Teamleider beslist over inzet",
    });
    ok(decided, "decision");
    ok(
      await tl.post(`/api/conference-decisions/${decided.json().agenda[0].decisions[0].id}/complete`),
      "complete",
    );
    const note = await lead.post("/api/learning-notes", {
      teamId: p.team.id,
      conferenceId: ids.conference,
      text: "Vraag eerder door naar het netwerk.",
    });
    ok(note, "learning note");
    conferenceNoteId = note.json().id;
    // Close A and B through the API; B is kept by a legal hold.
    for (const h of [a, p.b]) {
      const client = h === a ? lead : await logInAs(t.app, p.colleague.username);
      const d = (await client.get(`/api/households/${h.householdId}`)).json();
      ok(
        await client.post(`/api/cases/${h.caseId}/close`, {
          version: d.cases[0].version,
          reason: "goalsAchieved",
          finalAssessment: { residentId: h.residentId, assessedOn: "2026-01-05", scores: scores2017(4) },
          escalationPrevented: "yes",
          escalationExplanation: "Huisuitzetting voorkomen.",
          residentInformed: true,
          residentInformedHow: "In het laatste gesprek.",
          aftercareDate: "2099-01-01",
        }),
        "close",
      );
    }
    const refused = await lead.post("/api/legal-holds", { householdId: p.b.householdId, reason: "Mag niet" });
    assert.equal(refused.statusCode, 403, "only the functional administrator places a hold");
    const hold = await adminClient.post("/api/legal-holds", {
      householdId: p.b.householdId,
      reason: "Klacht bij de ombudsman, kenmerk 2026-17",
    });
    ok(hold, "hold");
    ids.hold = hold.json().id;
    // Household C: a closed case and a new open one (the open case keeps the household).
    ids.c = (
      await lead.post("/api/households", {
        members: [
          member({
            bsn: null,
            familyName: "Open",
            postcode: null,
            houseNumber: null,
            houseNumberAddition: null,
            neighbourhoodCode: null,
          }),
        ],
      })
    ).json().id;
    const firstCase = (
      await lead.post(`/api/households/${ids.c}/cases`, {
        caseLeadUserId: p.caseLead.id,
        allocationGrounds: "Eerste",
      })
    ).json().id;
    const dc = (await lead.get(`/api/households/${ids.c}`)).json();
    ok(
      await lead.post(`/api/cases/${firstCase}/close`, {
        version: dc.cases[0].version,
        reason: "goalsAchieved",
        finalAssessment: { residentId: dc.members[0].id, assessedOn: "2026-01-05", scores: scores2017(4) },
        escalationPrevented: "unknown",
        escalationExplanation: "Onbekend.",
        residentInformed: true,
        residentInformedHow: "Telefonisch.",
        aftercareDate: "2099-01-01",
      }),
      "close c",
    );
    ok(
      await lead.post(`/api/households/${ids.c}/cases`, {
        caseLeadUserId: p.caseLead.id,
        allocationGrounds: "Opnieuw",
      }),
      "second case",
    );
    // A duplicate registration merged into C: the empty shell goes after the no-case period, and with
    // it C's merge note (which refers to it) — the one reference across households the job must follow.
    ids.merged = (
      await lead.post("/api/households", {
        members: [
          member({
            bsn: null,
            givenName: "Dubbel",
            familyName: "Geregistreerd",
            postcode: null,
            houseNumber: null,
            houseNumberAddition: null,
            neighbourhoodCode: null,
          }),
        ],
      })
    ).json().id;
    ok(
      await tl.post(`/api/households/${ids.c}/merge`, { mergedHouseholdId: ids.merged, note: "Dubbel" }),
      "merge",
    );
    // An emergency access on C that nobody reviewed yet.
    const unreviewed = await o.post("/api/emergency-access", {
      householdId: ids.c,
      reason: "Tweede crisis, regiehouder onbereikbaar in de nacht",
    });
    ok(unreviewed, "second emergency");
    ids.unreviewed = unreviewed.json().id;

    // Signals (municipality GM0344): one decided, one open, one held; a household without a case; keys.
    const partner = await logInAs(t.app, s.partner.username);
    const worker = await logInAs(t.app, s.worker.username);
    const signal = async (house: number) => {
      const res = await partner.post("/api/signals", personSignal({ houseNumber: house }));
      ok(res, "signal");
      return res.json().id as string;
    };
    ids.signalDecided = await signal(201);
    ok(
      await worker.post(`/api/signals/${ids.signalDecided}/decision`, {
        decision: "refer",
        referredTo: "Maatschappelijk werk",
        reason: "Geheim-Verwijzing na gesprek",
      }),
      "refer",
    );
    ids.signalOpen = await signal(202);
    ids.signalHeld = await signal(203);
    ok(
      await worker.post(`/api/signals/${ids.signalHeld}/decision`, { decision: "neighbourhood" }),
      "decide held",
    );
    const sAdmin = await logInAs(t.app, s.administrator.username);
    ok(
      await sAdmin.post("/api/legal-holds", { signalId: ids.signalHeld, reason: "Bezwaar van de melder" }),
      "hold signal",
    );
    ids.householdWithoutCase = (
      await worker.post("/api/households", { members: [member({ bsn: null, familyName: "Zonder" })] })
    ).json().id;
    const apiSignal = await t.app.inject({
      method: "POST",
      url: "/api/partner-api/v1/signals",
      headers: { authorization: `Bearer ${s.policeKey}` },
      payload: { ...personSignal({ houseNumber: 204 }), externalReference: "POL-1" },
    });
    ok(apiSignal, "api signal");
    const keys = (await sAdmin.get("/api/partner-api-keys")).json().items as {
      id: string;
      organisationId: string;
    }[];
    ids.keyUnused = keys.find((k) => k.organisationId === s.housing.id)?.id ?? "";
    ids.keyUsed = keys.find((k) => k.organisationId === s.police.id)?.id ?? "";
    for (const k of [ids.keyUnused, ids.keyUsed])
      ok(await sAdmin.post(`/api/partner-api-keys/${k}/revoke`), "revoke");
    ids.userA = a.userId as string;
  });
  after(() => t.close());

  test("a day later: ended sessions and used login codes are gone; nothing else", async () => {
    assert.ok((await exists("session", "municipality_id", p.municipality.id)) > 0);
    await at(2 * DAY);
    assert.equal(await exists("session", "municipality_id", p.municipality.id), 0);
    assert.equal(await exists("one_time_code", "user_id", ids.userA as string), 0);
    assert.ok(
      (await exists("outbox_message", "recipient_user_id", ids.userA as string)) > 0,
      "outbox: 30 days",
    );
    assert.equal(await exists("household", "id", p.a.householdId), 1);
  });

  test("after 40 days the outbox is empty", async () => {
    await at(40 * DAY);
    assert.equal(await exists("outbox_message", "municipality_id", p.municipality.id), 0);
  });

  test("after 7 months: the signal without a case and the household without a case are gone; open and held ones stay", async () => {
    await at(7 * MONTH);
    assert.equal(await exists("signal", "id", ids.signalDecided as string), 0);
    assert.equal(await exists("signal_meldcode_step", "signal_id", ids.signalDecided as string), 0);
    assert.equal(await exists("household", "id", ids.householdWithoutCase as string), 0);
    assert.deepEqual(await log("signal", ids.signalDecided as string), ["deleted"]);
    assert.equal(await exists("household", "id", ids.merged as string), 0, "the merged-away shell");
    assert.equal(await exists("household_merge", "merged_household_id", ids.merged as string), 0);
    assert.equal(await exists("household", "id", ids.c as string), 1);
    assert.equal(await exists("signal", "id", ids.signalOpen as string), 1);
    assert.deepEqual(await log("signal", ids.signalOpen as string), ["kept:openSignal"]);
    assert.equal(await exists("signal", "id", ids.signalHeld as string), 1);
    assert.deepEqual(await log("signal", ids.signalHeld as string), ["kept:legalHold"]);
  });

  test("after 13 months: the withdrawn consent, the delivered export and the unused revoked key are gone", async () => {
    await at(13 * MONTH);
    assert.equal(await exists("consent", "id", ids.consent as string), 0);
    assert.equal(await exists("export_request", "id", ids.exportRequest as string), 0);
    assert.equal(await exists("export_delivery", "request_id", ids.exportRequest as string), 0);
    assert.equal(await exists("partner_api_key", "id", ids.keyUnused as string), 0);
    assert.equal(
      await exists("partner_api_key", "id", ids.keyUsed as string),
      1,
      "a signal still refers to it",
    );
    assert.ok((await log("partnerApiKey", ids.keyUsed as string)).includes("kept:referenced"));
    assert.equal(await exists("household", "id", p.a.householdId), 1, "the dossier itself stays");
  });

  test("after 25 months: the ended conference and the message thread of the closed case are gone", async () => {
    await at(25 * MONTH);
    for (const table of ["case_conference", "conference_participant"])
      assert.equal(
        await exists(table, table === "case_conference" ? "id" : "conference_id", ids.conference as string),
        0,
      );
    assert.equal(await exists("conference_agenda_item", "conference_id", ids.conference as string), 0);
    const note = await t.database.db
      .selectFrom("caseLearningNote")
      .select("conferenceId")
      .where("id", "=", conferenceNoteId)
      .executeTakeFirstOrThrow();
    assert.equal(note.conferenceId, null, "what the team learned stays, without the meeting");
    assert.equal(await exists("portal_message", "case_id", p.a.caseId), 0);
    assert.deepEqual(await log("messageThread", p.a.caseId), ["deleted"]);
  });

  test("after 61 months: the reviewed emergency access is gone; one awaiting review is kept", async () => {
    await at(61 * MONTH);
    assert.equal(await exists("emergency_access", "id", ids.emergency as string), 0);
    assert.equal(await exists("emergency_access", "id", ids.unreviewed as string), 1);
    assert.ok((await log("emergencyAccess", ids.unreviewed as string)).includes("kept:awaitingReview"));
  });

  test("after 16 years: household A is gone from every table; B is kept by its hold, C by its open case", async () => {
    await at(16 * 12 * MONTH);
    const personal = await sql<{ table: string; column: string }>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and column_name in ('household_id', 'resident_id')
        and table_name not in ('audit_event')`.execute(t.database.db);
    for (const { table, column } of personal.rows) {
      const id = column === "household_id" ? p.a.householdId : p.a.residentId;
      assert.equal(await exists(table, column, id), 0, `${table}.${column}`);
    }
    assert.equal(await exists("household", "id", p.a.householdId), 0);
    assert.equal(await exists("resident", "id", p.a.residentId), 0);
    assert.equal(
      await exists("document_chunk", "document_id", ids.document as string),
      0,
      "the file's chunks too",
    );
    assert.equal(await exists("app_user", "id", ids.userA as string), 0, "the resident's portal account too");
    assert.deepEqual(await log("household", p.a.householdId), ["deleted"]);
    assert.deepEqual(await log("residentAccount", ids.userA as string), ["deleted"]);
    assert.equal(await exists("household", "id", p.b.householdId), 1);
    assert.ok((await log("household", p.b.householdId)).includes("kept:legalHold"));
    assert.equal(await exists("household", "id", ids.c as string), 1);
    assert.ok((await log("household", ids.c as string)).includes("kept:openCase"));
    // The hold is released: the next run removes B, the hold with it.
    const admin = await buildUser(t.database.db, p.municipality.id, {
      role: "administrator",
      organisationId: p.organisation.id,
    });
    const client: Client = await logInAs(t.app, admin.username);
    ok(await client.post(`/api/legal-holds/${ids.hold}/release`), "release");
    await at(16 * 12 * MONTH + DAY);
    assert.equal(await exists("household", "id", p.b.householdId), 0);
    assert.equal(await exists("legal_hold", "id", ids.hold as string), 0);
  });

  test("the log names kind, id, date and rule, never content; the audit chain still verifies", async () => {
    const db = t.database.db;
    const entries = await db.selectFrom("retentionLogEntry").selectAll().execute();
    assert.ok(entries.length > 10);
    for (const e of entries) {
      assert.ok(e.kind && e.recordId && e.rule, JSON.stringify(e));
      assert.ok(e.recordDate === null || /^\d{4}-\d{2}-\d{2}$/.test(String(e.recordDate)), JSON.stringify(e));
    }
    assert.deepEqual(
      entries.filter((e) => e.outcome === "failed"),
      [],
      "nothing failed",
    );
    const kinds = new Set(entries.map((e) => e.kind));
    for (const kind of [
      "household",
      "residentAccount",
      "signal",
      "consentWithdrawn",
      "conference",
      "messageThread",
      "exportDelivery",
      "partnerApiKey",
      "emergencyAccess",
      "session",
      "oneTimeCode",
      "outbox",
    ])
      assert.ok(kinds.has(kind), `the log has ${kind}`);
    const logged = JSON.stringify([entries, await db.selectFrom("retentionRun").selectAll().execute()]);
    for (const secret of SECRETS) assert.ok(!logged.includes(secret), secret);
    const audits = JSON.stringify(
      await db
        .selectFrom("auditEvent")
        .select(["reason", "details"])
        .where("action", "=", "retention.ran")
        .execute(),
    );
    for (const secret of SECRETS) assert.ok(!audits.includes(secret), secret);
    await sealAuditEvents(db);
    const verified = await verifyAuditChain(db);
    assert.deepEqual(verified.problems, []);
    assert.ok(verified.checked > 50);
    // The administrator reads the log through the API.
    const admin = await buildUser(db, p.municipality.id, {
      role: "administrator",
      organisationId: p.organisation.id,
    });
    const read = await (await logInAs(t.app, admin.username)).get("/api/retention/log");
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(read.json().runs.length > 0);
  });
});
