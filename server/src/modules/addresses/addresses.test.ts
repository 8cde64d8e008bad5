import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { loadDemoData } from "../../demo/demo-data.ts";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";

const DEMO_PASSWORD = "Wijkwerk-demo-2026!";

/**
 * A local stand-in for the open location server: it answers the "free" search in the documented shape
 * (`response.docs` with straatnaam, woonplaatsnaam, buurtcode, …) for two known addresses, and records
 * what it was asked.
 */
function startStandIn(): Promise<{ url: string; asked: URLSearchParams[]; server: Server }> {
  const asked: URLSearchParams[] = [];
  const addresses = [
    {
      type: "adres",
      weergavenaam: "Wolgadreef 41, 3563HK Utrecht",
      straatnaam: "Wolgadreef",
      huisnummer: 41,
      postcode: "3563HK",
      woonplaatsnaam: "Utrecht",
      gemeentecode: "0344",
      buurtcode: "BU03440331",
      buurtnaam: "Vechtzoom-zuid",
    },
    {
      type: "adres",
      weergavenaam: "Dorpsstraat 1, 3701AA Zeist",
      straatnaam: "Dorpsstraat",
      huisnummer: 1,
      postcode: "3701AA",
      woonplaatsnaam: "Zeist",
      gemeentecode: "0355",
      buurtcode: "BU03550101",
      buurtnaam: "Zeist-Centrum",
    },
  ];
  const server = createServer((request, response) => {
    const params = new URL(request.url ?? "/", "http://stand-in").searchParams;
    asked.push(params);
    const q = params.get("q") ?? "";
    const match = /postcode:(\w+) and huisnummer:(\d+)/.exec(q);
    const docs = match
      ? addresses.filter((a) => a.postcode === match[1] && a.huisnummer === Number(match[2]))
      : [];
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 1, docs } }));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/search/v3_1/free`, asked, server });
    }),
  );
}

describe("postcode + house number fills street, place and CBS buurt", () => {
  let standIn: Awaited<ReturnType<typeof startStandIn>>;
  let withService: TestApp;
  let withoutService: TestApp;
  let worker: Client;
  let offline: Client;

  before(async () => {
    standIn = await startStandIn();
    withService = await createTestApp({ addressServiceUrl: standIn.url });
    await loadDemoData(withService.database.db);
    // A service that does not answer (nothing listens on port 9 of the loopback): the reference remains.
    withoutService = await createTestApp({ addressServiceUrl: "http://127.0.0.1:9/free" });
    await loadDemoData(withoutService.database.db);
    worker = await logInAs(withService.app, "buurtwerker", DEMO_PASSWORD);
    offline = await logInAs(withoutService.app, "buurtwerker", DEMO_PASSWORD);
  });
  after(async () => {
    await withService.close();
    await withoutService.close();
    standIn.server.close();
  });

  test("the address service answers street, place and buurt, asked in its documented format", async () => {
    const res = await worker.get("/api/addresses?postcode=3563%20hk&houseNumber=41");
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      street: "Wolgadreef",
      city: "Utrecht",
      neighbourhoodCode: "BU03440331",
      neighbourhoodName: "Vechtzoom-zuid",
      candidates: [],
      source: "service",
    });
    const last = standIn.asked.at(-1);
    assert.equal(last?.get("q"), "postcode:3563HK and huisnummer:41");
    assert.equal(last?.get("fq"), "type:adres");
  });

  test("a buurt outside the user's municipality is not filled in", async () => {
    const res = await worker.get("/api/addresses?postcode=3701AA&houseNumber=1");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().street, "Dorpsstraat");
    assert.equal(res.json().neighbourhoodCode, null);
  });

  test("without the service the CBS reference names the buurt of the postcode area, or the few candidates", async () => {
    const one = (await offline.get("/api/addresses?postcode=3532AB&houseNumber=3")).json();
    assert.equal(one.source, "reference");
    assert.equal(one.neighbourhoodCode, "BU03440131");
    assert.equal(one.city, "Utrecht");
    const two = (await offline.get("/api/addresses?postcode=3563HK&houseNumber=41")).json();
    assert.equal(two.neighbourhoodCode, null);
    assert.deepEqual(two.candidates.map((c: { code: string }) => c.code).sort(), [
      "BU03440331",
      "BU03440332",
    ]);
    const none = (await offline.get("/api/addresses?postcode=9999ZZ&houseNumber=1")).json();
    assert.equal(none.source, "none");
  });

  test("a postcode that is not one is refused at the field, in Dutch", async () => {
    const res = await worker.get("/api/addresses?postcode=ABC&houseNumber=1");
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().details.field, "postcode");
    assert.match(res.json().message, /postcode/);
  });

  test("only who may register a household may look up addresses", async () => {
    const partner = await logInAs(withService.app, "huisarts", DEMO_PASSWORD);
    assert.equal((await partner.get("/api/addresses?postcode=3563HK&houseNumber=41")).statusCode, 403);
  });
});
