import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildStaffedTeam } from "../../test/factories.ts";
import { buildAreas, buildDirectoryEntry, buildDossier } from "./plans.fixtures.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("the one plan: goals on the support ladder, network, versions, agreement, print", () => {
  let t: TestApp;
  let lead: Client;
  let caseId: string;
  let householdId: string;
  let planId: string;
  let version: number;
  let collectiveId: string;
  let riet: string;
  let kees: string;
  const goals: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const a = await buildStaffedTeam(t.database.db, { code: "GM0344" });
    const user = await a.member("professional");
    await buildAreas(t.database.db, a.municipality.id, [["BU03440311", "WK034403"]]);
    const dossier = await buildDossier(t.database.db, {
      municipalityId: a.municipality.id,
      teamId: a.team.id,
      organisationId: a.organisation.id,
      leadUserId: user.id,
      name: "Sara Bakker",
      neighbourhoodCode: "BU03440311",
      levels: { finances: 2, socialNetwork: 2, mentalHealth: 1 },
    });
    ({ caseId, householdId } = dossier);
    collectiveId = await buildDirectoryEntry(t.database.db, a.municipality.id, {
      name: "Administratiecafé",
      kind: "collectiveProvision",
    });
    lead = await logInAs(t.app, user.username);
  });
  after(() => t.close());

  const post = async (url: string, body: Record<string, unknown>) => {
    const res = await lead.post(url, { version, ...body });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };

  test("a case gets one plan, version 1, with its first review", async () => {
    const res = await lead.post(`/api/cases/${caseId}/plan`, {
      startDate: day(-10),
      expectedEndDate: day(170),
      firstReviewOn: day(30),
    });
    assert.equal(res.statusCode, 201, res.body);
    ({ id: planId, version } = res.json());
    assert.equal(version, 1);
    const again = await lead.post(`/api/cases/${caseId}/plan`, { startDate: day(0) });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().message, /één plan per casus/);
  });

  test("the network map holds a helper and a reluctant, overburdened brother", async () => {
    const r1 = await lead.post(`/api/households/${householdId}/network`, {
      name: "Tante Riet",
      relation: "family",
      contactFrequency: "weekly",
      closeness: 1,
      doesNow: "Komt op zondag eten",
      couldDo: "Helpen met post",
    });
    assert.equal(r1.statusCode, 201, r1.body);
    riet = r1.json().id;
    const r2 = await lead.post(`/api/households/${householdId}/network`, {
      name: "Broer Kees",
      relation: "family",
      contactFrequency: "rarely",
      closeness: 3,
      overburdened: true,
      reluctance: ["shame", "doesNotWantThemToKnow"],
      reluctanceNote: "Schaamt zich voor de schulden",
    });
    assert.equal(r2.statusCode, 201, r2.body);
    kees = r2.json().id;
    const bad = await lead.post(`/api/households/${householdId}/network`, {
      name: "X",
      relation: "family",
      contactFrequency: "weekly",
      closeness: 1,
      reluctance: ["fear"],
    });
    assert.equal(bad.statusCode, 400);
    const map = (await lead.get(`/api/households/${householdId}/network`)).json();
    assert.equal(map.residents[0].name, "Sara Bakker");
    const brother = map.members.find((m: { id: string }) => m.id === kees);
    assert.deepEqual(brother.reluctance, ["shame", "doesNotWantThemToKnow"]);
    assert.equal(brother.overburdened, true);
  });

  test("three goals on three rungs: network, collective provision, and a referral with its reason", async () => {
    const goal = (domain: string, ownWords: string, rungs: string[]) =>
      post(`/api/plans/${planId}/goals`, {
        domain,
        targetLevel: 4,
        targetDate: day(120),
        ownWords,
        professionalWording: `Werken aan ${domain}`,
        consideredRungs: rungs,
      });
    for (const [domain, words, rungs] of [
      ["socialNetwork", "Ik wil minder alleen zijn", ["ownStrength", "ownNetwork"]],
      ["finances", "Ik wil mijn post weer openen", ["ownStrength", "ownNetwork", "volunteersAndCollective"]],
      [
        "mentalHealth",
        "Ik wil weer kunnen slapen",
        ["ownStrength", "ownNetwork", "volunteersAndCollective", "specialistCare"],
      ],
    ] as const) {
      const res = await goal(domain, words, [...rungs]);
      assert.equal(res.statusCode, 200, res.body);
      goals[domain] = res.json().id;
    }
    const network = await post(`/api/plans/${planId}/goals/${goals.socialNetwork}/actions`, {
      description: "Riet neemt Sara mee naar de buurtkamer",
      dueDate: day(14),
      actorKind: "networkMember",
      networkMemberId: riet,
    });
    assert.equal(network.statusCode, 200, network.body);
    const collective = await post(`/api/plans/${planId}/goals/${goals.finances}/actions`, {
      description: "Elke dinsdag naar het administratiecafé",
      dueDate: day(7),
      actorKind: "collectiveProvision",
      directoryEntryId: collectiveId,
    });
    assert.equal(collective.statusCode, 200, collective.body);
    const before = version;
    const noReason = await post(`/api/plans/${planId}/goals/${goals.mentalHealth}/actions`, {
      description: "Verwijzing naar de GGZ",
      dueDate: day(21),
      actorKind: "specialistCare",
      actorName: "GGZ Centraal",
    });
    assert.equal(noReason.statusCode, 422);
    assert.equal(noReason.json().error, "escalationReasonRequired");
    assert.match(noReason.json().message, /reden waarom eigen kracht, het eigen netwerk en vrijwilligers/);
    assert.equal(version, before, "nothing saved: the version did not move");
    const referral = await post(`/api/plans/${planId}/goals/${goals.mentalHealth}/actions`, {
      description: "Verwijzing naar de GGZ",
      dueDate: day(21),
      actorKind: "specialistCare",
      actorName: "GGZ Centraal",
      escalationReason: "needsSpecialistExpertise",
      escalationNote: "Ernstige slaapproblemen sinds maanden; huisarts adviseert behandeling.",
    });
    assert.equal(referral.statusCode, 200, referral.body);

    const plan = (await lead.get(`/api/cases/${caseId}/plan`)).json();
    assert.equal(plan.version, version);
    assert.equal(plan.goals.length, 3);
    const byDomain = Object.fromEntries(plan.goals.map((g: { domain: string }) => [g.domain, g]));
    assert.equal(byDomain.mentalHealth.dataCategory, "special");
    assert.equal(byDomain.mentalHealth.currentLevel, 1, "current level from the latest ZRM");
    assert.equal(byDomain.finances.dataCategory, "ordinary");
    const rungsWithActions = (g: { ladder: { rung: string; actionCount: number }[] }) =>
      g.ladder.filter((s) => s.actionCount > 0).map((s) => s.rung);
    assert.deepEqual(rungsWithActions(byDomain.socialNetwork), ["ownNetwork"]);
    assert.deepEqual(rungsWithActions(byDomain.finances), ["volunteersAndCollective"]);
    assert.deepEqual(rungsWithActions(byDomain.mentalHealth), ["specialistCare"]);
    assert.deepEqual(
      byDomain.mentalHealth.ladder.map(
        (s: { rung: string; considered: boolean }) => `${s.rung}:${s.considered}`,
      ),
      [
        "ownStrength:true",
        "ownNetwork:true",
        "volunteersAndCollective:true",
        "individualProvision:false",
        "specialistCare:true",
      ],
    );
    assert.deepEqual(byDomain.mentalHealth.ladder[4].reasons, ["needsSpecialistExpertise"]);
    assert.equal(byDomain.finances.actions[0].directoryEntryName, "Administratiecafé");
  });

  test("bad goals: a domain outside the municipality's ZRM version, a target date before the start", async () => {
    const before = version;
    const adl = await post(`/api/plans/${planId}/goals`, {
      domain: "adl",
      targetLevel: 4,
      targetDate: day(60),
      ownWords: "x",
      professionalWording: "y",
    });
    assert.equal(adl.statusCode, 422);
    assert.equal(adl.json().error, "unknownDomain");
    assert.match(adl.json().message, /Zelfredzaamheid-Matrix 2017/);
    const early = await post(`/api/plans/${planId}/goals`, {
      domain: "housing",
      targetLevel: 4,
      startDate: day(5),
      targetDate: day(1),
      ownWords: "x",
      professionalWording: "y",
    });
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().error, "targetDateBeforeStart");
    assert.match(early.json().message, /streefdatum/);
    assert.equal(version, before);
    assert.equal((await lead.get(`/api/cases/${caseId}/plan`)).json().goals.length, 3);
  });

  test("a concurrent edit gets 409 concurrentChange and saves nothing", async () => {
    const stale = version - 1;
    const res = await lead.post(`/api/plans/${planId}/goals`, {
      version: stale,
      domain: "housing",
      targetLevel: 4,
      targetDate: day(60),
      ownWords: "Een eigen huis",
      professionalWording: "Woning",
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error, "concurrentChange");
    assert.equal((await lead.get(`/api/cases/${caseId}/plan`)).json().goals.length, 3);
  });

  test("a network member an action counts on cannot be removed silently; a removed one cannot be given an action", async () => {
    const member = (await lead.get(`/api/households/${householdId}/network`))
      .json()
      .members.find((m: { id: string }) => m.id === riet);
    const res = await lead.post(`/api/network-members/${riet}/remove`, { version: member.version });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error, "networkMemberInUse");
    assert.match(res.json().message, /Tante Riet kan niet uit het netwerk worden verwijderd.*buurtkamer/);
    assert.ok(
      (await lead.get(`/api/households/${householdId}/network`))
        .json()
        .members.some((m: { id: string }) => m.id === riet),
    );
    const removed = await lead.post(`/api/network-members/${kees}/remove`, { version: 1 });
    assert.equal(removed.statusCode, 200, removed.body);
    const action = await post(`/api/plans/${planId}/goals/${goals.finances}/actions`, {
      description: "Kees helpt met de post",
      dueDate: day(10),
      actorKind: "networkMember",
      networkMemberId: kees,
    });
    assert.equal(action.statusCode, 422);
    assert.equal(action.json().error, "networkMemberRemoved");
    assert.match(action.json().message, /Broer Kees is uit het netwerk verwijderd/);
  });

  test("versions are kept and compared: goals and actions added, changed, removed", async () => {
    const plan = (await lead.get(`/api/cases/${caseId}/plan`)).json();
    const network = plan.goals.find((g: { domain: string }) => g.domain === "socialNetwork");
    const progress = await post(`/api/plans/${planId}/actions/${network.actions[0].id}/progress`, {
      note: "Eerste keer geweest, ging goed",
      status: "done",
    });
    assert.equal(progress.statusCode, 200, progress.body);
    const latest = version;
    const cmp = await lead.get(`/api/plans/${planId}/compare?from=1&to=${latest}`);
    assert.equal(cmp.statusCode, 200, cmp.body);
    const diff = cmp.json();
    assert.equal(diff.goals.filter((g: { kind: string }) => g.kind === "added").length, 3);
    assert.equal(diff.actions.filter((a: { kind: string }) => a.kind === "added").length, 3);
    const step = (await lead.get(`/api/plans/${planId}/compare?from=${latest - 1}&to=${latest}`)).json();
    assert.deepEqual(
      step.actions.map((a: { kind: string; fields: string[] }) => [a.kind, a.fields]),
      [["changed", ["status"]]],
    );
    assert.ok(plan.versions.length >= 6);
    assert.equal(plan.versions[0].version, plan.version);
  });

  test("the resident's agreement is recorded for the version they saw", async () => {
    const stale = await lead.post(`/api/plans/${planId}/agreement`, {
      version: version - 1,
      agreedOn: day(0),
      how: "inPerson",
    });
    assert.equal(stale.statusCode, 409);
    const res = await lead.post(`/api/plans/${planId}/agreement`, {
      version,
      agreedOn: day(0),
      how: "signed",
    });
    assert.equal(res.statusCode, 200, res.body);
    const plan = (await lead.get(`/api/cases/${caseId}/plan`)).json();
    assert.equal(plan.agreedToCurrentVersion, true);
    assert.equal(plan.agreements[0].how, "signed");
    const future = await lead.post(`/api/plans/${planId}/agreement`, {
      version,
      agreedOn: day(3),
      how: "signed",
    });
    assert.equal(future.statusCode, 422);
  });

  test("the printable plan speaks plain Dutch: own words, who does what, next review, case lead", async () => {
    const res = await lead.get(`/api/plans/${planId}/print`);
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.ok(p.caseLead.name);
    assert.equal(p.nextReviewOn, day(30));
    assert.equal(p.expectedEndDate, day(170));
    assert.ok(p.goals.some((g: { ownWords: string }) => g.ownWords === "Ik wil weer kunnen slapen"));
    const who = p.goals.flatMap((g: { actions: { who: string }[] }) => g.actions.map((a) => a.who));
    assert.deepEqual(who.sort(), ["Administratiecafé", "GGZ Centraal", "Tante Riet"]);
    assert.equal(p.agreement.how, "met een handtekening");
  });

  test("reads and changes of the plan and network leave audit events", async () => {
    const events = await t.database.db
      .selectFrom("auditEvent")
      .select(["action"])
      .where("householdId", "=", householdId)
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      "plan.created",
      "plan.viewed",
      "plan.changed",
      "plan.versionsCompared",
      "plan.agreementRecorded",
      "plan.printed",
      "network.viewed",
      "network.memberAdded",
      "network.memberRemoved",
    ]) {
      assert.ok(actions.has(a), `missing audit event ${a}`);
    }
  });
});
