import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { BSN, buildDossierWorld, member, scores2017 } from "./dossier.factories.ts";

interface DossierBody {
  id: string;
  members: {
    id: string;
    givenName: string;
    isMainContact: boolean;
    relation: string;
    neighbourhoodName: string | null;
  }[];
  cases: {
    id: string;
    status: string;
    version: number;
    acute: boolean;
    caseLead: { id: string; name: string } | null;
    professionals: { userId: string; isCaseLead: boolean; organisationName: string; roleInCase: string }[];
    escalationPrevented: string | null;
    aftercareDate: string | null;
    finalAssessmentId: string | null;
    nextStatuses: string[];
  }[];
  intakes: { requestInOwnWords: string; urgency: string }[];
  assessments: { kind: string; scores: { domain: string; level: number; residentLevel: number | null }[] }[];
  journal: { kind: string; text: string }[];
  timeline: { kind: string; summary: string }[];
}

/** The happy journey of issue 3, through the API as a team works it. */
describe("household dossier journey", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildDossierWorld>>;
  let worker: Client;
  let lead: Client;
  let householdId = "";
  let caseId = "";

  before(async () => {
    t = await createTestApp();
    world = await buildDossierWorld(t.database.db);
    worker = await logInAs(t.app, world.worker.username);
    lead = await logInAs(t.app, world.lead.username);
  });
  after(() => t.close());

  const dossier = async (client = worker) => {
    const res = await client.get(`/api/households/${householdId}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as DossierBody;
  };
  const currentCase = async () => {
    const c = (await dossier()).cases[0];
    assert.ok(c);
    return c;
  };

  test("registers a household with two members, the main contact first", async () => {
    const res = await worker.post("/api/households", {
      members: [
        member(),
        member({
          givenName: "Daan",
          birthDate: "2012-09-01",
          bsn: BSN.b,
          relation: "child",
          isMainContact: false,
          email: null,
        }),
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    householdId = res.json().id;
    const d = await dossier();
    assert.equal(d.members.length, 2);
    assert.equal(d.members[0]?.givenName, "Sanne");
    assert.equal(d.members[0]?.isMainContact, true);
    assert.equal(d.members[1]?.relation, "child");
    assert.equal(d.members[0]?.neighbourhoodName, "Taag- en Rubicondreef en omgeving");
  });

  test("opens a case with an allocation decision and one case lead", async () => {
    const res = await worker.post(`/api/households/${householdId}/cases`, {
      caseLeadUserId: world.worker.id,
      decidedByUserId: world.lead.id,
      allocationGrounds: "Besproken in het casusoverleg: schulden en zorgen om de zoon.",
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
    const c = await currentCase();
    assert.equal(c.status, "registration");
    assert.equal(c.caseLead?.id, world.worker.id);
    assert.deepEqual(c.nextStatuses, ["intake"]);
  });

  test("records the intake; an acute urgency flags the case and the status moves to intake", async () => {
    const { version } = await currentCase();
    const res = await worker.post(`/api/cases/${caseId}/intake`, {
      version,
      conversationDate: "2024-03-01",
      location: "homeVisit",
      requestInOwnWords: "Ik krijg de rekeningen niet meer betaald.",
      underlyingQuestion: "Overzicht en rust; zorgen om de zoon die niet naar school gaat.",
      lifeDomains: ["finances", "domesticRelations"],
      ownStrengths: "Zus helpt met de post.",
      networkSummary: "Zus, buurvrouw",
      urgency: "acute",
      safetyConcerns: null,
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier();
    assert.equal(d.cases[0]?.status, "intake");
    assert.equal(d.cases[0]?.acute, true);
    assert.equal(d.intakes[0]?.urgency, "acute");
    const worklist = (await worker.get("/api/cases")).json() as {
      items: { id: string; acute: boolean; isMine: boolean }[];
    };
    assert.equal(worklist.items[0]?.id, caseId, "an acute case tops the worklist");
    assert.equal(worklist.items[0]?.isMine, true);
  });

  test("records the ZRM twice, with the resident's own score, and the history shows the change", async () => {
    const d0 = await dossier();
    const residentId = d0.members[0]?.id;
    const first = scores2017(3, { finances: 1, domesticRelations: 2 }).map((s) =>
      s.domain === "finances" ? { ...s, residentLevel: 2, note: "Beslag op loon" } : s,
    );
    let res = await worker.post(`/api/cases/${caseId}/assessments`, {
      residentId,
      assessedOn: "2024-03-02",
      scores: first,
    });
    assert.equal(res.statusCode, 201, res.body);
    res = await worker.post(`/api/cases/${caseId}/assessments`, {
      residentId,
      assessedOn: "2024-06-02",
      scores: scores2017(4, { finances: 3 }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier();
    assert.equal(d.assessments.length, 2);
    const finances = d.assessments.map((a) => a.scores.find((s) => s.domain === "finances"));
    assert.deepEqual(
      finances.map((s) => s?.level),
      [1, 3],
    );
    assert.equal(finances[0]?.residentLevel, 2);
    assert.ok(d.timeline.some((i) => i.kind === "assessment" && /Financiën/.test(JSON.stringify(i))));
  });

  test("moves the case along its lifecycle and keeps journal entries", async () => {
    for (const status of ["plan", "execution"]) {
      const { version } = await currentCase();
      const res = await worker.post(`/api/cases/${caseId}/status`, { version, status });
      assert.equal(res.statusCode, 201, res.body);
    }
    const res = await worker.post(`/api/households/${householdId}/journal`, {
      caseId,
      kind: "homeVisit",
      occurredOn: "2024-04-10",
      participants: "Sanne, zus",
      text: "Huisbezoek: post gesorteerd, afspraak schuldhulp gemaakt.",
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier();
    assert.equal(d.cases[0]?.status, "execution");
    assert.equal(d.journal[0]?.kind, "homeVisit");
  });

  test("involves a professional of another organisation and hands the case lead over with a note", async () => {
    let c = await currentCase();
    let res = await worker.post(`/api/cases/${caseId}/professionals`, {
      version: c.version,
      userId: world.colleague.id,
      roleInCase: "Gezinscoach",
    });
    assert.equal(res.statusCode, 201, res.body);
    c = await currentCase();
    res = await worker.post(`/api/cases/${caseId}/handover`, {
      version: c.version,
      toUserId: world.colleague.id,
      note: "Financiën lopen; de zorg om de zoon vraagt nu de meeste aandacht.",
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier();
    c = d.cases[0] as typeof c;
    assert.equal(c.caseLead?.id, world.colleague.id);
    assert.equal(c.professionals.filter((p) => p.isCaseLead).length, 1);
    assert.ok(
      c.professionals.some((p) => p.userId === world.worker.id && !p.isCaseLead),
      "the former lead stays involved",
    );
    assert.ok(d.timeline.some((i) => i.kind === "handover" && i.summary.includes("overgedragen")));
  });

  test("closes the case with every required field and a final ZRM", async () => {
    const d0 = await dossier();
    const c = d0.cases[0];
    assert.ok(c);
    await worker.post(`/api/cases/${caseId}/status`, { version: c.version, status: "evaluation" });
    const version = (await currentCase()).version;
    const aftercareDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const res = await worker.post(`/api/cases/${caseId}/close`, {
      version,
      reason: "goalsAchieved",
      finalAssessment: { residentId: d0.members[0]?.id, assessedOn: "2024-09-01", scores: scores2017(4) },
      escalationPrevented: "yes",
      escalationExplanation: "Huisuitzetting voorkomen door betalingsregeling.",
      residentInformed: true,
      residentInformedHow: "In het laatste huisbezoek besproken en per brief bevestigd.",
      aftercareDate,
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier();
    assert.equal(d.cases[0]?.status, "closed");
    assert.equal(d.cases[0]?.escalationPrevented, "yes");
    assert.equal(d.cases[0]?.aftercareDate, aftercareDate);
    assert.ok(d.assessments.some((a) => a.kind === "final"));
    const colleague = await logInAs(t.app, world.colleague.username);
    const worklist = (await colleague.get("/api/cases")).json() as {
      items: { id: string; aftercareDate: string | null }[];
    };
    assert.equal(
      worklist.items.find((i) => i.id === caseId)?.aftercareDate,
      aftercareDate,
      "aftercare on the case lead's worklist",
    );
  });

  test("reopens the closed case with its history intact", async () => {
    const { version } = await currentCase();
    const res = await lead.post(`/api/cases/${caseId}/reopen`, {
      version,
      reason: "Nieuwe betalingsachterstand gemeld door de woningcorporatie.",
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = await dossier(lead);
    assert.equal(d.cases[0]?.status, "reopened");
    assert.equal(d.assessments.length, 3);
    assert.equal(d.intakes.length, 1);
    assert.ok(d.timeline.some((i) => i.kind === "caseClosed"));
    assert.ok(d.timeline.some((i) => i.kind === "caseReopened"));
  });
});
