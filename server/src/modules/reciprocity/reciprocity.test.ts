import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildMembership, buildStaffedTeam, buildTeam, buildUser } from "../../test/factories.ts";
import { buildAreas, buildDirectoryEntry, buildDossier } from "../plans/plans.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_reciprocity_match_parties, app_reciprocity_request_household, app_reciprocity_requests.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("reciprocity: offers, pseudonymised matching nearby, consent of both residents", () => {
  let t: TestApp;
  let offeringPro: Client;
  let requestingPro: Client;
  let offeringHousehold: string;
  let requestingHousehold: string;
  let offerId: string;
  let requestActionId: string;
  let matchId: string;
  let vacancyId: string;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const a = await buildStaffedTeam(db, { code: "GM0344" });
    const pro = await a.member("professional");
    // The requesting household sits with another team: its professional cannot open the offering dossier.
    const team2 = await buildTeam(db, a.municipality.id);
    const pro2 = await buildUser(db, a.municipality.id, { organisationId: a.organisation.id });
    await buildMembership(db, a.municipality.id, team2.id, pro2.id, a.organisation.id);
    await buildAreas(db, a.municipality.id, [
      ["BU03440311", "WK034403"],
      ["BU03440312", "WK034403"],
      ["BU03440511", "WK034405"],
    ]);
    const offering = await buildDossier(db, {
      municipalityId: a.municipality.id,
      teamId: a.team.id,
      organisationId: a.organisation.id,
      leadUserId: pro.id,
      name: "Mo Haddou",
      neighbourhoodCode: "BU03440311",
    });
    const requesting = await buildDossier(db, {
      municipalityId: a.municipality.id,
      teamId: team2.id,
      organisationId: a.organisation.id,
      leadUserId: pro2.id,
      name: "Greet Visser",
      neighbourhoodCode: "BU03440312",
    });
    const far = await buildDossier(db, {
      municipalityId: a.municipality.id,
      teamId: team2.id,
      organisationId: a.organisation.id,
      leadUserId: pro2.id,
      name: "Ver Weg",
      neighbourhoodCode: "BU03440511",
    });
    offeringHousehold = offering.householdId;
    requestingHousehold = requesting.householdId;
    vacancyId = await buildDirectoryEntry(db, a.municipality.id, {
      name: "Boodschappenmaatje",
      kind: "volunteerVacancy",
      description: "Vrijwilliger gezocht die wekelijks boodschappen doet met een oudere buurtbewoner.",
    });
    await buildDirectoryEntry(db, a.municipality.id, {
      name: "Tuinploeg",
      kind: "volunteerVacancy",
      description: "Vrijwilligers voor de tuin van het buurthuis.",
    });
    offeringPro = await logInAs(t.app, pro.username);
    requestingPro = await logInAs(t.app, pro2.username);
    // Both requesting households ask for help with shopping in their plans.
    for (const d of [requesting, far]) {
      const plan = (await requestingPro.post(`/api/cases/${d.caseId}/plan`, { startDate: day(0) })).json();
      const goal = (
        await requestingPro.post(`/api/plans/${plan.id}/goals`, {
          version: 1,
          domain: "instrumentalAdl",
          targetLevel: 4,
          targetDate: day(90),
          ownWords: "Zelf boodschappen doen",
          professionalWording: "IADL",
        })
      ).json();
      const action = await requestingPro.post(`/api/plans/${plan.id}/goals/${goal.id}/actions`, {
        version: 2,
        description: `Iemand uit de buurt die met ${d.name} boodschappen doet`,
        dueDate: day(30),
        actorKind: "volunteer",
        helpTags: ["shopping", "companionship"],
      });
      assert.equal(action.statusCode, 200, action.body);
      if (d === requesting) requestActionId = action.json().id;
    }
  });
  after(() => t.close());

  test("records what a resident can offer", async () => {
    const residentId = (await offeringPro.get(`/api/households/${offeringHousehold}/network`)).json()
      .residents[0].id;
    const empty = await offeringPro.post(`/api/households/${offeringHousehold}/reciprocity/offers`, {
      residentId,
      skills: [],
    });
    assert.equal(empty.statusCode, 422);
    const unknown = await offeringPro.post(`/api/households/${offeringHousehold}/reciprocity/offers`, {
      residentId,
      skills: ["juggling"],
    });
    assert.equal(unknown.statusCode, 422);
    const res = await offeringPro.post(`/api/households/${offeringHousehold}/reciprocity/offers`, {
      residentId,
      skills: ["shopping"],
      interests: ["cooking"],
      timeAvailable: "Dinsdagmiddag",
    });
    assert.equal(res.statusCode, 201, res.body);
    offerId = res.json().id;
  });

  test("finds the open request nearby, pseudonymised, and the fitting volunteer vacancy", async () => {
    const res = await offeringPro.get(`/api/reciprocity/offers/${offerId}/candidates`);
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json();
    assert.equal(c.requests.length, 1, "the request in Oost is too far away");
    assert.equal(c.requests[0].actionId, requestActionId);
    assert.match(c.requests[0].pseudonym, /^Inwoner [0-9A-F]{6}$/);
    assert.deepEqual(c.requests[0].matchingTags, ["shopping"]);
    assert.doesNotMatch(
      res.body,
      /Greet|Visser|boodschappen doet/,
      "no name and no plan text leaves the other dossier",
    );
    assert.deepEqual(
      c.vacancies.map((v: { name: string }) => v.name),
      ["Boodschappenmaatje"],
    );
  });

  test("a match proposed without the resident's consent is refused", async () => {
    const res = await offeringPro.post("/api/reciprocity/matches", { offerId, requestActionId });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error, "consentRequired");
    assert.match(res.json().message, /toestemming/);
    const no = await offeringPro.post("/api/reciprocity/matches", {
      offerId,
      requestActionId,
      offeringConsent: { agreed: false, how: "inPerson", givenOn: day(0) },
    });
    assert.equal(no.statusCode, 422);
    assert.equal(
      (await offeringPro.get(`/api/households/${offeringHousehold}/reciprocity`)).json().matches.length,
      0,
    );
  });

  test("names are shared only after both residents agreed, and the agreement is recorded", async () => {
    const res = await offeringPro.post("/api/reciprocity/matches", {
      offerId,
      requestActionId,
      offeringConsent: { agreed: true, how: "inPerson", givenOn: day(0) },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "proposed");
    matchId = res.json().id;
    const mine = (await offeringPro.get(`/api/households/${offeringHousehold}/reciprocity`)).json();
    assert.equal(mine.matches[0].status, "proposed");
    assert.match(mine.matches[0].counterpart, /^Inwoner /);
    assert.deepEqual(mine.matches[0].parties, []);
    // The other side's professional sees the proposal in their own dossier, still without a name.
    const theirs = (await requestingPro.get(`/api/households/${requestingHousehold}/reciprocity`)).json();
    assert.equal(theirs.matches[0].side, "requesting");
    assert.match(theirs.matches[0].counterpart, /^Inwoner /);
    // Only that side's professional can record that side's consent.
    const wrongSide = await offeringPro.post(`/api/reciprocity/matches/${matchId}/consent`, {
      agreed: true,
      how: "phone",
      givenOn: day(0),
    });
    assert.equal(wrongSide.statusCode, 404);
    const yes = await requestingPro.post(`/api/reciprocity/matches/${matchId}/consent`, {
      agreed: true,
      how: "phone",
      givenOn: day(0),
    });
    assert.equal(yes.statusCode, 200, yes.body);
    assert.equal(yes.json().status, "agreed");
    const after = (await offeringPro.get(`/api/households/${offeringHousehold}/reciprocity`)).json()
      .matches[0];
    assert.equal(after.counterpart, "Greet Visser");
    assert.deepEqual(after.parties.map((p: { name: string }) => p.name).sort(), [
      "Greet Visser",
      "Mo Haddou",
    ]);
    const consents = await t.database.db
      .selectFrom("reciprocityConsent")
      .selectAll()
      .where("matchId", "=", matchId)
      .execute();
    assert.deepEqual(consents.map((c) => `${c.side}:${c.how}:${c.agreed}`).sort(), [
      "offering:inPerson:true",
      "requesting:phone:true",
    ]);
    assert.ok(consents.every((c) => c.recordedByUserId && c.recordedAt));
    const twice = await requestingPro.post(`/api/reciprocity/matches/${matchId}/consent`, {
      agreed: true,
      how: "phone",
      givenOn: day(0),
    });
    assert.equal(twice.statusCode, 409);
    const audit = await t.database.db
      .selectFrom("auditEvent")
      .select("action")
      .where("resourceId", "=", matchId)
      .execute();
    assert.ok(audit.some((e) => e.action === "reciprocity.namesShared"));
  });

  test("a matched request no longer shows as open; a vacancy match needs only the offering resident", async () => {
    const c = (await offeringPro.get(`/api/reciprocity/offers/${offerId}/candidates`)).json();
    assert.equal(c.requests.length, 0);
    const res = await offeringPro.post("/api/reciprocity/matches", {
      offerId,
      directoryEntryId: vacancyId,
      offeringConsent: { agreed: true, how: "signed", givenOn: day(0) },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "agreed");
  });
});
