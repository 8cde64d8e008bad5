import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildPrivacyWorld } from "../privacy/privacy.fixtures.ts";
import { BUURT, buildSignalWorld, personSignal } from "../signals/signals.fixtures.ts";
import { inDays } from "./conferences.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_dossier_people.

/**
 * Shared texts of a pseudonymised conference carry no identifying data: before an agenda question,
 * decision or learning note is saved, it is checked for the names of everyone recorded in the
 * household's dossier (residents, network members — also those who must not be told — and people named
 * in the intake), BSNs, postcodes with house numbers, phone numbers, e-mail addresses and birth dates.
 * The answer names what was found, not where else it occurs. What the minutes and policy views show is
 * checked the same way.
 */
describe("no identifying data in shared texts", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPrivacyWorld>>;
  let involved: Client;
  let other: Client;
  let conferenceId = "";
  let itemId = "";
  const householdId = () => w.dossiers.network.householdId;
  const refused = (res: { statusCode: number; body: string; json(): unknown }, found: RegExp) => {
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json() as { error: string; message: string };
    assert.equal(body.error, "personalDataInText");
    assert.match(body.message, found);
    return body.message;
  };

  before(async () => {
    t = await createTestApp();
    w = await buildPrivacyWorld(t.database.db);
    involved = await logInAs(t.app, w.users.networkInvolved.username);
    other = await logInAs(t.app, w.users.networkOther.username);
    const hh = householdId();
    // The dossier names more people than its residents: a network member the resident does not want
    // told, and a sister named in the intake.
    const member = await involved.post(`/api/households/${hh}/network`, {
      name: "Oom Driss Benali",
      relation: "family",
      contactFrequency: "monthly",
      closeness: 2,
      reluctance: ["doesNotWantThemToKnow"],
      reluctanceNote: "Mag niets weten van de schulden.",
    });
    assert.equal(member.statusCode, 201, member.body);
    const d = (await involved.get(`/api/households/${hh}`)).json();
    const intake = await involved.post(`/api/cases/${w.dossiers.network.caseId}/intake`, {
      version: d.cases[0].version,
      conversationDate: "2026-01-05",
      location: "homeVisit",
      requestInOwnWords: "Ik kom niet rond en de huur is achter.",
      underlyingQuestion: "Overzicht in geld en minder stress.",
      lifeDomains: ["finances"],
      networkSummary: "Haar zus Fatima komt elke week helpen met de boodschappen.",
      urgency: "normal",
    });
    assert.equal(intake.statusCode, 201, intake.body);
    const planned = await involved.post("/api/conferences", {
      teamId: w.teams.network.id,
      title: "Netwerkoverleg",
      scheduledAt: "2026-03-10T09:00:00.000Z",
      memberUserIds: [w.users.networkOther.id, w.users.networkLead.id],
    });
    conferenceId = planned.json().id;
    const added = await involved.post(`/api/conferences/${conferenceId}/agenda`, {
      householdId: hh,
      presentation: "pseudonymised",
      question: "Hoe krijgen we de financiën rustig?",
    });
    assert.equal(added.statusCode, 201, added.body);
    itemId = added.json().agenda[0].id;
  });
  after(() => t.close());

  test("an agenda question naming a network member who must not be told is refused, without saying so", async () => {
    const c = await involved.post("/api/conferences", {
      teamId: w.teams.network.id,
      title: "Tweede overleg",
      scheduledAt: "2026-04-10T09:00:00.000Z",
    });
    const res = await involved.post(`/api/conferences/${c.json().id}/agenda`, {
      householdId: householdId(),
      presentation: "pseudonymised",
      question: "Kan Driss bijspringen met de huur?",
    });
    const message = refused(res, /de naam "Driss"/);
    assert.doesNotMatch(
      message,
      /netwerk|weten|oom|Benali/i,
      "says what was found, not where else it occurs",
    );
    const intakeName = await involved.post(`/api/conferences/${c.json().id}/agenda`, {
      householdId: householdId(),
      presentation: "pseudonymised",
      question: "Kan Fatima vaker komen?",
    });
    refused(intakeName, /de naam "Fatima"/);
  });

  test("a decision is checked against the whole dossier, also when written by a member who cannot open it", async () => {
    for (const [description, found] of [
      ["Ayse belt zelf de woningcorporatie", /de naam "Ayse"/],
      ["Benali vragen om mee te betalen", /de naam "Benali"/],
      ["Bel de zus op 06-12345678", /een telefoonnummer/],
    ] as const) {
      const res = await other.post(`/api/conferences/${conferenceId}/decisions`, {
        agendaItemId: itemId,
        kind: "escalation",
        description,
      });
      refused(res, found);
    }
    const clean = await other.post(`/api/conferences/${conferenceId}/decisions`, {
      agendaItemId: itemId,
      kind: "escalation",
      description: "Teamleider beslist over inzet van schuldhulp met voorrang",
    });
    assert.equal(clean.statusCode, 201, clean.body);
  });

  test("learning notes: BSN, postcode with house number, phone, e-mail and birth dates are refused, each named", async () => {
    const cases: [string, RegExp][] = [
      ["Bij een BSN als 111222333 moet je altijd eerst de toestemming checken.", /een BSN/],
      ["Het huis op 3705 XZ 14 had al eerder meldingen; check altijd de buren.", /een adres/],
      ["Bel bij twijfel eerst het wijkbureau op 030-2861234 voor je gaat.", /een telefoonnummer/],
      ["Mail de school via mentor.klas3@school.example.nl voor overleg.", /een e-mailadres/],
      ["Een moeder geboren op 01-05-1972 kreeg te laat hulp; vraag eerder door.", /een geboortedatum/],
      ["Bij iemand van 1 mei 1972 werkte de aanpak met een maatje goed.", /een geboortedatum/],
    ];
    for (const [text, found] of cases) {
      const res = await involved.post("/api/learning-notes", {
        teamId: w.teams.network.id,
        conferenceId,
        text,
      });
      refused(res, found);
    }
    const ok = await involved.post("/api/learning-notes", {
      teamId: w.teams.network.id,
      conferenceId,
      text: "Vraag bij geldzorgen ook naar wie in het netwerk er niet van mag weten.",
    });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test("minutes, the conference and the policy view hide older texts that carry identifying data", async () => {
    // Written before these checks existed (straight into the tables).
    await sql`update conference_agenda_item set question = 'Kan Driss helpen met de huur?' where id = ${itemId}`.execute(
      t.database.db,
    );
    await sql`insert into case_learning_note (municipality_id, id, team_id, conference_id, text, written_by_user_id)
      values (${w.municipality.id}, gen_random_uuid(), ${w.teams.network.id}, ${conferenceId},
        'Mevrouw Kaya (bel 06-87654321) had eerder hulp nodig gehad.', ${w.users.networkInvolved.id})`.execute(
      t.database.db,
    );
    const json = await involved.get(`/api/conferences/${conferenceId}/minutes`);
    const html = await involved.get(`/api/conferences/${conferenceId}/minutes?format=html`);
    const view = await other.get(`/api/conferences/${conferenceId}`);
    const policy = await logInAs(t.app, w.users.policyOfficer.username);
    const notes = await policy.get("/api/learning-notes");
    for (const res of [json, html, view, notes]) {
      assert.equal(res.statusCode, 200, res.body);
      assert.doesNotMatch(res.body, /Driss|Kaya|06-87654321/);
    }
    assert.match(json.body, /weggelaten/);
  });
});

describe("no identifying data in what the neighbourhood view and the figures show", () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildSignalWorld>>;
  let worker: Client;
  let signalId = "";

  before(async () => {
    t = await createTestApp();
    w = await buildSignalWorld(t.database.db);
    const partner = await logInAs(t.app, w.partner.username);
    worker = await logInAs(t.app, w.worker.username);
    signalId = (
      await partner.post("/api/signals", personSignal({ personName: "Mevrouw Hendriks", houseNumber: 9 }))
    ).json().id;
  });
  after(() => t.close());

  test("a referral or an initiative naming the person of a signal is refused", async () => {
    const refer = await worker.post(`/api/signals/${signalId}/decision`, {
      decision: "refer",
      referredTo: "Schuldhulp, t.a.v. dossier Hendriks",
    });
    assert.equal(refer.statusCode, 422, refer.body);
    assert.match(refer.json().message, /de naam "Hendriks"/);
    const initiative = await worker.post("/api/signals/initiatives", {
      teamId: w.team.id,
      neighbourhoodCode: BUURT.overvecht,
      category: "loneliness",
      title: "Koffie-ochtend",
      description: "Koffie-ochtend in de flat, begonnen na het signaal over mevrouw Hendriks op nummer 9.",
      signalIds: [signalId],
    });
    assert.equal(initiative.statusCode, 422, initiative.body);
    assert.match(initiative.json().message, /de naam "Hendriks"/);
    const fine = await worker.post("/api/signals/initiatives", {
      teamId: w.team.id,
      neighbourhoodCode: BUURT.overvecht,
      category: "loneliness",
      title: "Koffie-ochtend",
      description: `Koffie-ochtend in de flat vanaf ${inDays(7)}, voor wie zich alleen voelt.`,
      signalIds: [signalId],
    });
    assert.equal(fine.statusCode, 201, fine.body);
  });
});
