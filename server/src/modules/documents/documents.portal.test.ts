import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { type Clamd, EICAR, startClamd, withoutClamd } from "../../test/clamd.ts";
import { auditActions, buildPortalWorld, logInResident } from "../portal/portal.fixtures.ts";
import { cleanPdf, upload } from "./documents.fixtures.ts";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/**
 * The resident's side (issue 20): what is shared appears in the portal, the resident sends a document to
 * the case lead (scanned the same way), the agreed plan is stored as a PDF with its hash, and the
 * resident's export lists the documents they may see.
 */
describe("documents in the portal and the agreed plan", { skip: withoutClamd }, () => {
  let clamd: Clamd;
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildPortalWorld>>;
  let caseLead: Client;
  let colleague: Client;
  let residentA: Client;
  let residentB: Client;
  let shared = "";
  let teamOnly = "";
  const portal = (householdId: string) => `/api/portal/households/${householdId}/documents`;

  before(async () => {
    clamd = await startClamd();
    t = await createTestApp({ documents: { clamavUrl: clamd.url } });
    w = await buildPortalWorld(t.database.db);
    caseLead = await logInAs(t.app, w.caseLead.username);
    colleague = await logInAs(t.app, w.colleague.username);
    residentA = await logInResident(t.app, t.database.db, w.usernameA);
    residentB = await logInResident(t.app, t.database.db, w.usernameB);
    const url = `/api/households/${w.a.householdId}/documents`;
    shared = (
      await upload(
        t,
        caseLead,
        url,
        [
          ["kind", "decision"],
          ["confidentiality", "resident"],
          ["title", "Beschikking Wmo"],
        ],
        [{ filename: "beschikking.pdf", content: cleanPdf("Beschikking") }],
      )
    ).json().items[0].id;
    teamOnly = (
      await upload(
        t,
        caseLead,
        url,
        [
          ["kind", "report"],
          ["title", "Verslag overleg"],
        ],
        [{ filename: "verslag.pdf", content: cleanPdf("Verslag") }],
      )
    ).json().items[0].id;
  });
  after(async () => {
    await t?.close();
    await clamd?.stop();
  });

  test("the portal shows what is shared with the resident, not the team's own documents", async () => {
    const list = await residentA.get(portal(w.a.householdId));
    assert.equal(list.statusCode, 200, list.body);
    const ids = (list.json().items as { id: string; uploadedByName: string | null }[]).map((d) => d.id);
    assert.ok(ids.includes(shared));
    assert.ok(!ids.includes(teamOnly));
    assert.ok(
      (list.json().items as { uploadedByName: string | null }[]).every((d) => d.uploadedByName === null),
    );
    assert.equal((await residentA.get(`/api/documents/${shared}/content`)).statusCode, 200);
    assert.equal((await residentA.get(`/api/documents/${teamOnly}/content`)).statusCode, 404);
    assert.equal(
      (await residentB.get(`/api/documents/${shared}/content`)).statusCode,
      404,
      "another household",
    );
    assert.equal((await residentB.get(portal(w.a.householdId))).statusCode, 404);
    const downloaded = (await auditActions(t.database.db, "document.downloaded")).at(-1);
    assert.equal(
      downloaded?.actorUserId,
      (await residentA.get("/api/portal/me")).json().userId ?? downloaded?.actorUserId,
    );
  });

  test("the resident sends a letter to the case lead: scanned, for the case lead only; a virus is refused", async () => {
    const res = await upload(
      t,
      residentA,
      portal(w.a.householdId),
      [["title", "Brief van de woningbouw"]],
      [{ filename: "IMG_2040.pdf", content: cleanPdf("Woningbouw") }],
    );
    assert.equal(res.statusCode, 201, res.body);
    const doc = res.json().items[0];
    assert.equal(doc.scan, "clean");
    assert.equal(doc.confidentiality, "caseLead");
    assert.equal(doc.source, "portal");
    assert.ok(
      ((await residentA.get(portal(w.a.householdId))).json().items as { id: string }[]).some(
        (d) => d.id === doc.id,
      ),
    );
    assert.ok(
      (
        (await caseLead.get(`/api/households/${w.a.householdId}/documents`)).json().items as { id: string }[]
      ).some((d) => d.id === doc.id),
    );
    assert.equal((await colleague.get(`/api/documents/${doc.id}/content`)).statusCode, 404);
    const kindField = await upload(
      t,
      residentA,
      portal(w.a.householdId),
      [["kind", "medical"]],
      [{ filename: "a.pdf", content: cleanPdf() }],
    );
    assert.equal(kindField.statusCode, 400, "the resident chooses no kind or confidentiality");
    const virus = await upload(
      t,
      residentA,
      portal(w.a.householdId),
      [],
      [{ filename: "a.txt", content: Buffer.from(EICAR) }],
    );
    assert.equal(virus.statusCode, 422);
    assert.equal(virus.json().error, "virusFound");
    const refused = (await auditActions(t.database.db, "document.refused")).at(-1);
    assert.equal((refused?.details as undefined | { source: string })?.source, "portal");
    const other = await upload(
      t,
      residentB,
      portal(w.a.householdId),
      [],
      [{ filename: "a.pdf", content: cleanPdf() }],
    );
    assert.equal(other.statusCode, 404);
  });

  test("the professional records agreement: the agreed version is stored as a PDF with its SHA-256, shared with the resident", async () => {
    const plan = await t.database.db
      .selectFrom("supportPlan")
      .select(["id", "version"])
      .where("householdId", "=", w.a.householdId)
      .executeTakeFirstOrThrow();
    const agreed = await caseLead.post(`/api/plans/${plan.id}/agreement`, {
      version: plan.version,
      agreedOn: w.today,
      how: "signed",
    });
    assert.equal(agreed.statusCode, 200, agreed.body);
    const doc = (await residentA.get(portal(w.a.householdId)))
      .json()
      .items.find((d: { kind: string }) => d.kind === "agreedPlan");
    assert.ok(doc, "the resident sees the agreed plan in the portal");
    assert.equal(doc.planVersion, plan.version);
    assert.equal(doc.mediaType, "application/pdf");
    assert.equal(doc.scan, "generated");
    const file = await residentA.get(`/api/documents/${doc.id}/content`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.equal(sha256(file.rawPayload), doc.sha256, "exactly the bytes that were stored at the agreement");
    const event = (await auditActions(t.database.db, "document.agreedPlanStored")).at(-1);
    assert.equal((event?.details as undefined | { sha256: string })?.sha256, doc.sha256);
    // The plan changes afterwards; the stored agreement does not.
    await t.database.db
      .updateTable("planGoal")
      .set({ ownWords: "Iets heel anders" })
      .where("planId", "=", plan.id)
      .execute();
    const again = await residentA.get(`/api/documents/${doc.id}/content`);
    assert.equal(sha256(again.rawPayload), doc.sha256);
  });

  test("the resident agrees in the portal: the agreed version is stored too, and the team sees it", async () => {
    const plan = (await residentB.get(`/api/portal/households/${w.b.householdId}/plan`)).json().plan;
    const res = await residentB.post(`/api/portal/households/${w.b.householdId}/plan/agreement`, {
      planVersion: plan.version,
    });
    assert.equal(res.statusCode, 201, res.body);
    const doc = (await residentB.get(portal(w.b.householdId)))
      .json()
      .items.find((d: { kind: string }) => d.kind === "agreedPlan");
    assert.ok(doc);
    assert.equal(doc.source, "planAgreement");
    const teamLead = await logInAs(t.app, w.colleague.username);
    const team = (await teamLead.get(`/api/households/${w.b.householdId}/documents`)).json().items as {
      id: string;
    }[];
    assert.ok(team.some((d) => d.id === doc.id));
    const file = await residentB.get(`/api/documents/${doc.id}/content?disposition=inline`);
    assert.equal(sha256(file.rawPayload), doc.sha256);
  });

  test("the resident's export lists the documents they may see, not the team's own", async () => {
    const res = await caseLead.get(`/api/residents/${w.a.residentId}/export`);
    assert.equal(res.statusCode, 200, res.body);
    const rows = (res.json().tables.document ?? []) as { id: string }[];
    const ids = rows.map((r) => r.id);
    assert.ok(ids.includes(shared));
    assert.ok(!ids.includes(teamOnly));
  });
});
