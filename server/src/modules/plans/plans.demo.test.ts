import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO_PASSWORD, loadDemoData } from "../../demo/demo-data.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";

interface Change {
  kind: string;
  fields: string[];
  after: { description?: string } | null;
}

describe("demo plans: version 1 holds the plan as loaded; an open request for reciprocity", () => {
  let t: TestApp;
  let buurtwerker: Client;
  let caseId: string;
  let householdId: string;

  before(async () => {
    t = await createTestApp();
    await loadDemoData(t.database.db);
    buurtwerker = await logInAs(t.app, "buurtwerker", DEMO_PASSWORD);
    const worklist = (await buurtwerker.get("/api/worklist")).json();
    const c = worklist.cases.find(
      (x: { householdName: string }) => x.householdName === "Huishouden El Idrissi",
    );
    caseId = c.caseId;
    householdId = c.householdId;
  });
  after(() => t.close());

  test("comparing from version 1 shows only what changed since, not the whole plan as new", async () => {
    const plan = (await buurtwerker.get(`/api/cases/${caseId}/plan`)).json();
    assert.equal(plan.version, 1);
    const action = plan.goals[0].actions[0];
    const changed = await buurtwerker.request("PUT", `/api/plans/${plan.id}/actions/${action.id}`, {
      version: 1,
      description: action.description,
      dueDate: action.dueDate,
      actorKind: action.actorKind,
      networkMemberId: action.networkMemberId,
      directoryEntryId: action.directoryEntryId,
      professionalUserId: action.professionalUserId,
      actorName: action.actorName,
      escalationReason: action.escalationReason,
      escalationNote: action.escalationNote,
      helpTags: action.helpTags,
      status: "done",
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const diff = (await buurtwerker.get(`/api/plans/${plan.id}/compare?from=1&to=2`)).json();
    assert.deepEqual(diff.goals, []);
    assert.deepEqual(
      diff.actions.map((c: Change) => [c.kind, c.fields, c.after?.description]),
      [["changed", ["status"], action.description]],
    );
  });

  test("an offer of Samira finds the demo's open request nearby, under a pseudonym", async () => {
    const network = (await buurtwerker.get(`/api/households/${householdId}/network`)).json();
    const samira = network.residents.find((r: { name: string }) => r.name.startsWith("Samira"));
    const offer = await buurtwerker.post(`/api/households/${householdId}/reciprocity/offers`, {
      residentId: samira.id,
      skills: ["shopping"],
    });
    assert.equal(offer.statusCode, 201, offer.body);
    const found = (await buurtwerker.get(`/api/reciprocity/offers/${offer.json().id}/candidates`)).json();
    assert.equal(found.requests.length, 1);
    assert.match(found.requests[0].pseudonym, /^Inwoner [0-9A-F]{6}$/);
    assert.deepEqual(found.requests[0].matchingTags, ["shopping"]);
    assert.doesNotMatch(JSON.stringify(found), /Jansen|Henk/);
  });
});
