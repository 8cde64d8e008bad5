import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildDossierWorld, member } from "../households/dossier.factories.ts";

interface Dossier {
  cases: {
    id: string;
    version: number;
    professionals: { userId: string; endedAt: string | null; endedReason: string | null }[];
  }[];
  timeline: { kind: string; summary: string; detail: string | null; actor: string | null }[];
}

/**
 * Involvement ends: the professional themselves or the case lead ends it, with a reason, through the
 * API; it shows in the timeline, and access follows at once (network model: no dossier any more;
 * integrated model: the team still reads the caseload, but only the involved write).
 */
for (const model of ["network", "integrated"] as const) {
  describe(`ending involvement in a case (${model} team)`, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof buildDossierWorld>>;
    let lead: Client;
    let colleague: Client;
    let householdId = "";
    let caseId = "";

    const dossier = async (client: Client = lead) =>
      (await client.get(`/api/households/${householdId}`)).json() as Dossier;
    const version = async () => (await dossier()).cases[0]?.version ?? 0;
    const involve = async () => {
      const res = await lead.post(`/api/cases/${caseId}/professionals`, {
        version: await version(),
        userId: w.colleague.id,
        roleInCase: "Schuldhulp",
      });
      assert.equal(res.statusCode, 201, res.body);
    };
    const end = async (client: Client, userId: string, reason: string | null) =>
      client.post(`/api/cases/${caseId}/professionals/${userId}/end`, { version: await version(), reason });
    const journal = (client: Client) =>
      client.post(`/api/households/${householdId}/journal`, {
        caseId,
        kind: "phoneCall",
        occurredOn: "2026-01-05",
        text: "Gebeld over de afspraken.",
      });

    before(async () => {
      t = await createTestApp();
      w = await buildDossierWorld(t.database.db, { model });
      lead = await logInAs(t.app, w.worker.username);
      colleague = await logInAs(t.app, w.colleague.username);
      householdId = (await lead.post("/api/households", { members: [member()] })).json().id;
      caseId = (
        await lead.post(`/api/households/${householdId}/cases`, {
          caseLeadUserId: w.worker.id,
          allocationGrounds: "Aanmelding huisarts",
        })
      ).json().id;
    });
    after(() => t.close());

    test("the case lead ends a colleague's involvement with a reason; access follows at once", async () => {
      await involve();
      assert.equal((await colleague.get(`/api/households/${householdId}`)).statusCode, 200);
      assert.equal((await journal(colleague)).statusCode, 201);
      const noReason = await end(lead, w.colleague.id, "  ");
      assert.equal(noReason.statusCode, 422, noReason.body);
      assert.equal(noReason.json().details.field, "reason");
      const ended = await end(lead, w.colleague.id, "Schuldhulptraject afgerond, dossier overgedragen.");
      assert.equal(ended.statusCode, 201, ended.body);
      const d = await dossier();
      const row = d.cases[0]?.professionals.find((p) => p.userId === w.colleague.id);
      assert.ok(row?.endedAt, "ended_at is set");
      assert.equal(row?.endedReason, "Schuldhulptraject afgerond, dossier overgedragen.");
      const item = d.timeline.find((i) => i.kind === "involvementEnded");
      assert.ok(item, "shown in the timeline");
      assert.match(item.summary, new RegExp(w.colleague.displayName));
      assert.equal(item.detail, "Schuldhulptraject afgerond, dossier overgedragen.");
      assert.equal(item.actor, w.worker.displayName);
      const write = await journal(colleague);
      const read = await colleague.get(`/api/households/${householdId}`);
      if (model === "network") {
        assert.equal(read.statusCode, 404, "network model: no involvement, no dossier");
        assert.equal(write.statusCode, 404, write.body);
      } else {
        assert.equal(read.statusCode, 200, "integrated model: the team reads its caseload");
        assert.equal(write.statusCode, 403, "integrated model: only the involved write");
      }
      const again = await end(lead, w.colleague.id, "Nogmaals");
      assert.equal(again.statusCode, 409, again.body);
    });

    test("a professional ends their own involvement; nobody else outside the case can", async () => {
      await involve();
      const outsider = await logInAs(t.app, w.outsider.username);
      const stranger = await end(outsider, w.colleague.id, "Niet van mij");
      assert.equal(stranger.statusCode, 404, stranger.body);
      const own = await end(colleague, w.colleague.id, "Ik ga met verlof; collega neemt het over.");
      assert.equal(own.statusCode, 201, own.body);
      if (model === "network")
        assert.equal((await colleague.get(`/api/households/${householdId}`)).statusCode, 404);
      else assert.equal((await journal(colleague)).statusCode, 403);
    });

    test("the case lead cannot end their own involvement: hand over first", async () => {
      const res = await end(lead, w.worker.id, "Ik stop");
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().message, /regie/);
      const unknown = await end(lead, w.lead.id, "Nooit betrokken");
      assert.equal(unknown.statusCode, 404, unknown.body);
    });
  });
}
