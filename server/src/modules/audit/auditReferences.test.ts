import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { scanAuditForRecordText } from "../../test/auditScan.ts";
import { entryInput } from "../directory/directory.factories.ts";
import { member, scores2017 } from "../households/dossier.factories.ts";
import { seedDefaultPurposes } from "../privacy/privacy.service.ts";
import { buildSignalWorld, personSignal } from "../signals/signals.fixtures.ts";

/**
 * The audit trail holds references, not content: after a day of work through the API that writes free
 * text everywhere (decision reasons, notes, names, explanations), no audit event's reason or details
 * repeats the text of a record it points to, so retention can remove that text with its record.
 */
describe("audit events hold references, not the text of records", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let worker: Client;
  let lead: Client;
  const ok = (res: { statusCode: number; body: string }, what: string) =>
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    await seedDefaultPurposes(t.database.db, w.municipality.id);
    worker = await logInAs(t.app, w.worker.username);
    lead = await logInAs(t.app, w.lead.username);
    const partner = await logInAs(t.app, w.partner.username);
    const admin = await logInAs(t.app, w.administrator.username);

    // Triage with a reason.
    const signal = await partner.post("/api/signals", personSignal({ houseNumber: 70 }));
    ok(signal, "signal");
    ok(
      await worker.post(`/api/signals/${signal.json().id}/decision`, {
        decision: "refer",
        referredTo: "Schuldhulp Stad",
        reason: "Verwijzing na gesprek: mevrouw wil eerst zelf bellen met schuldhulp.",
      }),
      "decision",
    );
    // The social map: a deactivation with a reason.
    const entry = await admin.post("/api/directory/entries", entryInput({ name: "Koffiepunt Noord" }));
    ok(entry, "entry");
    ok(
      await admin.post(`/api/directory/entries/${entry.json().entry.id}/deactivate`, {
        reason: "Subsidie van het koffiepunt is per 1 april gestopt.",
      }),
      "deactivate",
    );
    // A dossier with every kind of note.
    const householdId = (
      await worker.post("/api/households", {
        members: [member({ givenName: "Yasmina", familyName: "Benali" })],
      })
    ).json().id as string;
    const residentId = (await worker.get(`/api/households/${householdId}`)).json().members[0].id as string;
    const caseId = (
      await worker.post(`/api/households/${householdId}/cases`, {
        caseLeadUserId: w.worker.id,
        allocationGrounds: "Huurachterstand en zorgen over de kinderen, gemeld door de huisarts.",
      })
    ).json().id as string;
    const version = async () => (await worker.get(`/api/households/${householdId}`)).json().cases[0].version;
    ok(
      await worker.post(`/api/cases/${caseId}/status`, {
        version: await version(),
        status: "intake",
        note: "Eerste huisbezoek gepland met de tolk erbij.",
      }),
      "status",
    );
    ok(
      await worker.post(`/api/households/${householdId}/journal`, {
        caseId,
        kind: "homeVisit",
        occurredOn: "2026-01-05",
        text: "Huisbezoek: de koelkast was leeg en de post lag ongeopend op tafel.",
      }),
      "journal",
    );
    ok(
      await worker.post(`/api/households/${householdId}/network`, {
        name: "Oom Driss Benali",
        relation: "family",
        contactFrequency: "weekly",
        closeness: 1,
        doesNow: "Brengt de kinderen naar school op dinsdag.",
        reluctance: ["doesNotWantThemToKnow"],
        reluctanceNote: "Yasmina wil niet dat haar oom van de schulden weet.",
      }),
      "network",
    );
    const consent = await worker.post(`/api/households/${householdId}/consents`, {
      purposeCode: "wmoSupport",
      recipientRoles: ["professional"],
      categories: ["personalDetails"],
      validFrom: "2026-01-01",
      givenHow: "written",
      note: "Getekend tijdens het huisbezoek in bijzijn van de tolk.",
    });
    ok(consent, "consent");
    ok(
      await worker.post(`/api/consents/${consent.json().id}/withdraw`, {
        note: "Trekt toestemming in na ruzie met de woningcorporatie.",
      }),
      "withdraw",
    );
    ok(
      await worker.post(`/api/residents/${residentId}/corrections`, {
        changes: { familyName: "Benali-Amrani" },
        reason: "Achternaam verkeerd gespeld bij de aanmelding.",
      }),
      "correction",
    );
    ok(
      await worker.post(`/api/cases/${caseId}/professionals`, {
        version: await version(),
        userId: w.colleague.id,
        roleInCase: "Jongerenwerk voor de oudste zoon",
      }),
      "involve",
    );
    ok(
      await worker.post(`/api/cases/${caseId}/professionals/${w.colleague.id}/end`, {
        version: await version(),
        reason: "Oudste zoon is verhuisd naar zijn vader in Amersfoort.",
      }),
      "end involvement",
    );
    const outsider = await logInAs(t.app, w.outsider.username);
    ok(
      await outsider.post("/api/emergency-access", {
        householdId,
        reason: "Crisis in de nacht, regiehouder niet bereikbaar, politie aan de deur.",
      }),
      "emergency",
    );
    ok(await outsider.get(`/api/households/${householdId}`), "emergency read");
    ok(
      await worker.post(`/api/cases/${caseId}/close`, {
        version: await version(),
        reason: "goalsAchieved",
        note: "Schulden in beeld, betalingsregeling loopt bij de corporatie.",
        finalAssessment: { residentId, assessedOn: "2026-01-05", scores: scores2017(4) },
        escalationPrevented: "yes",
        escalationExplanation: "Zonder hulp was uithuisplaatsing van de kinderen waarschijnlijk geweest.",
        residentInformed: false,
        residentInformedHow: "Mevrouw was twee keer niet thuis; brief met uitleg gestuurd.",
        aftercareDate: "2099-01-01",
      }),
      "close",
    );
    ok(
      await lead.post(`/api/cases/${caseId}/reopen`, {
        version: await version(),
        reason: "Nieuwe melding van de school over verzuim van de jongste.",
      }),
      "reopen",
    );
  });
  after(() => t.close());

  test("no audit event repeats free text of the records it points to", async () => {
    const findings = await scanAuditForRecordText(t.database.db);
    // Reads under emergency access are marked with the emergency access id only (app_mark_emergency_audit).
    assert.deepEqual(findings, [], JSON.stringify(findings, null, 1));
    const actions = (
      await sql<{ action: string }>`select distinct action from audit_event`.execute(t.database.db)
    ).rows.map((r) => r.action);
    for (const a of [
      "signal.triaged",
      "directory.entryDeactivated",
      "case.statusChanged",
      "journal.added",
      "network.memberAdded",
      "consent.withdrawn",
      "resident.corrected",
      "case.involvementEnded",
      "emergencyAccess.granted",
      "case.closed",
      "case.reopened",
    ])
      assert.ok(actions.includes(a), `the scenario wrote ${a}`);
  });

  test("the scan finds text copied into an audit event (it can fail)", async () => {
    await sql`insert into audit_event (municipality_id, action, resource_type, resource_id, reason)
      select municipality_id, 'journal.added', 'journal', id::text, left(text, 40) from journal_entry limit 1`.execute(
      t.database.db,
    );
    const findings = await scanAuditForRecordText(t.database.db);
    assert.ok(findings.some((f) => f.source === "journal_entry.text" && f.where === "reason"));
  });
});
