import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { buildTeam } from "../../test/factories.ts";
import { auditActions, buildOutsider, buildPortalWorld, logInResident } from "../portal/portal.fixtures.ts";
import { runRetention } from "./retention.ts";

describe("the privacy export a resident asks for in the portal, produced by a professional, downloaded by the resident", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildPortalWorld>>;
  let resident: Client;
  let lead: Client;
  let requestId: string;
  const base = () => `/api/portal/households/${world.a.householdId}`;
  const download = (client: Client, format = "json", id = requestId, householdId = world.a.householdId) =>
    client.get(`/api/portal/households/${householdId}/exports/${id}?format=${format}`);
  const myExports = async () => (await resident.get(`${base()}/access-log`)).json().exportRequests;

  before(async () => {
    t = await createTestApp();
    world = await buildPortalWorld(t.database.db);
    resident = await logInResident(t.app, t.database.db, world.usernameA);
    lead = await logInAs(t.app, world.caseLead.username);
    const asked = await resident.post(`${base()}/export-request`);
    assert.equal(asked.statusCode, 201, asked.body);
    requestId = asked.json().id;
  });
  after(() => t.close());

  test("the request reaches the queue of professionals who may open the household, and nobody else's", async () => {
    const queue = await lead.get("/api/export-requests");
    assert.equal(queue.statusCode, 200, queue.body);
    const item = queue.json().items.find((r: { id: string }) => r.id === requestId);
    assert.equal(item.status, "requested");
    assert.equal(item.residentName, "Selin Aydin");
    assert.equal(item.householdId, world.a.householdId);
    assert.equal((await auditActions(t.database.db, "resident.exportRequestsListed")).length, 1);

    const outsiderUser = await buildOutsider(
      t.database.db,
      world.municipality.id,
      world.organisation.id,
      (await buildTeam(t.database.db, world.municipality.id)).id,
    );
    const outsider = await logInAs(t.app, outsiderUser.username);
    assert.deepEqual((await outsider.get("/api/export-requests")).json().items, []);
    assert.equal((await outsider.post(`/api/export-requests/${requestId}/deliver`)).statusCode, 404);
    assert.equal((await resident.get("/api/export-requests")).statusCode, 403, "residents have no queue");
  });

  test("not ready yet: the resident is told so, and the refusal is audited", async () => {
    const early = await download(resident);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error, "exportNotReady");
    assert.match(early.json().message, /nog niet klaar/);
    assert.equal((await auditActions(t.database.db, "portal.exportDownloadRefused")).length, 1);
    assert.deepEqual(
      (await myExports()).map((r: { status: string }) => r.status),
      ["requested"],
    );
  });

  test("delivered: stored once, the resident is mailed without personal details and downloads JSON and HTML", async () => {
    const delivered = await lead.post(`/api/export-requests/${requestId}/deliver`);
    assert.equal(delivered.statusCode, 200, delivered.body);
    assert.equal(delivered.json().status, "ready");
    const again = await lead.post(`/api/export-requests/${requestId}/deliver`);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().message, /al afgehandeld/);

    const [mine] = await myExports();
    assert.equal(mine.status, "ready");
    const days = (Date.parse(mine.expiresAt) - Date.parse(mine.readyAt)) / 86_400_000;
    assert.equal(days, 30);

    const mail = await t.database.db
      .selectFrom("outboxMessage")
      .selectAll()
      .where("kind", "=", "exportReady")
      .execute();
    assert.equal(mail.length, 1);
    assert.doesNotMatch(`${mail[0]?.subject} ${mail[0]?.body}`, /Selin|Aydin|Mert/);

    const json = await download(resident);
    assert.equal(json.statusCode, 200, json.body);
    assert.match(json.headers["content-type"] as string, /application\/json/);
    assert.match(json.headers["content-disposition"] as string, /attachment; filename="mijn-gegevens-/);
    const body = json.json();
    assert.equal(body.residentId, world.a.residentId);
    assert.equal(body.tables.resident[0].familyName, "Aydin");
    assert.ok(Array.isArray(body.accessLog));
    const html = await download(resident, "html");
    assert.match(html.headers["content-type"] as string, /text\/html/);
    assert.match(html.body, /Overzicht van uw gegevens/);
    assert.match(html.body, /Aydin/);

    // The audit trail proves which copy was delivered and fetched, without holding its content.
    const [deliveredEvent] = await auditActions(t.database.db, "resident.exportDelivered");
    assert.ok(deliveredEvent);
    const sha256 = createHash("sha256").update(json.body).digest("hex");
    assert.equal((deliveredEvent.details as { sha256: string }).sha256, sha256);
    const fetched = await auditActions(t.database.db, "portal.exportDownloaded");
    assert.deepEqual(
      fetched.map((e) => (e.details as { format: string }).format),
      ["json", "html"],
    );
    const logged = JSON.stringify([deliveredEvent, ...fetched]);
    assert.doesNotMatch(logged, /Aydin|Selin/);

    const twice = await resident.post(`${base()}/export-request`);
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().message, /staan al klaar/);
  });

  test("another household, or another household's request, is a 404 and audited", async () => {
    const other = await logInResident(t.app, t.database.db, world.usernameB);
    const refusedBefore = (await auditActions(t.database.db, "portal.accessRefused")).length;
    const foreignHousehold = await download(other);
    assert.equal(foreignHousehold.statusCode, 404);
    const ownHouseholdForeignRequest = await download(other, "json", requestId, world.b.householdId);
    assert.equal(ownHouseholdForeignRequest.statusCode, 404);
    assert.doesNotMatch(ownHouseholdForeignRequest.body, /Aydin/);
    const refused = await auditActions(t.database.db, "portal.accessRefused");
    assert.equal(refused.length, refusedBefore + 2);
    assert.equal(refused.at(-1)?.resourceId, requestId);
  });

  test("expired: refused with what to do; the retention job removes the content; a new request is possible", async () => {
    await t.database.db
      .updateTable("exportDelivery")
      .set({
        deliveredAt: new Date(Date.now() - 31 * 86_400_000),
        expiresAt: new Date(Date.now() - 86_400_000),
      })
      .where("requestId", "=", requestId)
      .execute();
    const [mine] = await myExports();
    assert.equal(mine.status, "expired");
    const late = await download(resident);
    assert.equal(late.statusCode, 410);
    assert.match(late.json().message, /Die tijd is voorbij\. Vraag uw gegevens opnieuw op/);

    await runRetention(t.database.db, { now: new Date() });
    const stored = await t.database.db
      .selectFrom("exportDelivery")
      .select(["content", "purgedAt", "contentSha256"])
      .where("requestId", "=", requestId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.content, null);
    assert.ok(stored.purgedAt);
    assert.equal((await auditActions(t.database.db, "resident.exportExpired")).length, 1);
    assert.equal((await download(resident)).statusCode, 410);
    assert.equal((await resident.post(`${base()}/export-request`)).statusCode, 201);
  });
});
