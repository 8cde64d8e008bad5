import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { type Client, createTestApp, logInAs, type TestApp } from "../../test/app.ts";
import { BSN, buildDossierWorld, member, scores2017 } from "../households/dossier.factories.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_find_duplicate_residents.

/** Every bad input of issue 3 gets a 4xx with a precise Dutch message, and nothing is half-saved. */
describe("dossier: bad input, duplicates and concurrent changes", () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildDossierWorld>>;
  let worker: Client;
  let householdId = "";
  let residentId = "";
  let caseId = "";

  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db))
        .rows[0]?.n,
    );
  const version = async () => {
    const d = (await worker.get(`/api/households/${householdId}`)).json() as { cases: { version: number }[] };
    return d.cases[0]?.version ?? 0;
  };
  const expectError = (
    res: { statusCode: number; json(): unknown },
    status: number,
    code: string,
    message: RegExp,
  ) => {
    const body = res.json() as { error: string; message: string };
    assert.equal(res.statusCode, status, JSON.stringify(body));
    assert.equal(body.error, code);
    assert.match(body.message, message);
  };

  before(async () => {
    t = await createTestApp();
    world = await buildDossierWorld(t.database.db);
    worker = await logInAs(t.app, world.worker.username);
    const res = await worker.post("/api/households", { members: [member()] });
    householdId = res.json().id;
    const d = (await worker.get(`/api/households/${householdId}`)).json() as { members: { id: string }[] };
    residentId = d.members[0]?.id ?? "";
    caseId = (
      await worker.post(`/api/households/${householdId}/cases`, {
        caseLeadUserId: world.worker.id,
        allocationGrounds: "Aanmelding huisarts",
      })
    ).json().id;
  });
  after(() => t.close());

  test("resident fields: each problem named in Dutch, nothing saved", async () => {
    const before = await count("resident");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ birthDate: "2999-01-01" }, "birthDateInFuture", /toekomst/],
      [{ birthDate: "2001-02-30" }, "invalidBirthDate", /bestaat niet/],
      [{ bsn: "123456789" }, "invalidBsn", /elfproef/],
      [{ postcode: "12345" }, "invalidPostcode", /postcode/],
      [{ neighbourhoodCode: "BU03449999" }, "unknownNeighbourhood", /buurtcode BU03449999 is onbekend/],
      [{ neighbourhoodCode: "BU03560101" }, "unknownNeighbourhood", /onbekend/],
      [{ email: "geen-adres" }, "invalidEmail", /e-mailadres/],
    ];
    for (const [over, code, message] of cases) {
      const res = await worker.post("/api/households", {
        members: [member({ bsn: null, familyName: "Nieuw", postcode: "3581 AA", houseNumber: 1, ...over })],
      });
      expectError(res, 422, code, message);
    }
    const twoMains = await worker.post("/api/households", {
      members: [
        member({ bsn: null, familyName: "A", postcode: null, houseNumber: null }),
        member({ bsn: null, familyName: "B", postcode: null, houseNumber: null }),
      ],
    });
    expectError(twoMains, 422, "oneMainContact", /één contactpersoon/);
    assert.equal(await count("resident"), before);
    assert.equal(await count("household"), 1);
  });

  test("duplicates: same BSN, name + birth date + postcode, or address → 409 with candidates; the flag continues", async () => {
    const byBsn = await worker.post("/api/households", {
      members: [member({ familyName: "Anders", postcode: null, houseNumber: null })],
    });
    expectError(byBsn, 409, "possibleDuplicate", /mogelijk al geregistreerd/);
    const candidates = (
      byBsn.json() as {
        details: { candidates: { visible: boolean; householdId: string; reasons: string[] }[] };
      }
    ).details.candidates;
    assert.equal(candidates[0]?.householdId, householdId);
    assert.deepEqual(candidates[0]?.reasons, ["bsn"]);
    const byName = await worker.post("/api/households", {
      members: [member({ bsn: null, houseNumber: 99 })],
    });
    assert.deepEqual(
      (byName.json() as { details: { candidates: { reasons: string[] }[] } }).details.candidates[0]?.reasons,
      ["nameBirthDatePostcode"],
    );
    const byAddress = await worker.post("/api/households", {
      members: [member({ bsn: null, givenName: "Piet", familyName: "Jansen", birthDate: "1970-01-01" })],
    });
    assert.deepEqual(
      (byAddress.json() as { details: { candidates: { reasons: string[] }[] } }).details.candidates[0]
        ?.reasons,
      ["address"],
    );
    const anyway = await worker.post("/api/households", {
      members: [member({ bsn: null, givenName: "Piet", familyName: "Jansen", birthDate: "1970-01-01" })],
      confirmNotDuplicate: true,
    });
    assert.equal(anyway.statusCode, 201, anyway.body);
  });

  test("a duplicate in another team's dossier is reported without its details", async () => {
    const outsider = await logInAs(t.app, world.outsider.username);
    const res = await outsider.post("/api/households", {
      members: [member({ familyName: "Anders", postcode: null, houseNumber: null })],
    });
    assert.equal(res.statusCode, 409);
    const [candidate] = (res.json() as { details: { candidates: Record<string, unknown>[] } }).details
      .candidates;
    assert.equal(candidate?.visible, false);
    assert.equal(candidate?.name, null);
    assert.equal(candidate?.householdId, null);
  });

  test("ZRM: unknown domain, 2010-only domain, level outside 1–5, resident score outside 1–5", async () => {
    const before = await count("assessment");
    const post = (scores: unknown[]) =>
      worker.post(`/api/cases/${caseId}/assessments`, { residentId, assessedOn: "2024-01-05", scores });
    expectError(await post([{ domain: "luck", level: 3 }]), 422, "unknownDomain", /geen leefgebied/);
    expectError(await post([{ domain: "addiction", level: 3 }]), 422, "unknownDomain", /2017/);
    expectError(
      await post([{ domain: "finances", level: 6 }]),
      422,
      "invalidLevel",
      /Financiën: het niveau moet/,
    );
    expectError(await post([{ domain: "finances", level: 0 }]), 422, "invalidLevel", /1 tot en met 5/);
    expectError(await post([{ domain: "finances", level: 2.5 }]), 422, "invalidLevel", /geheel getal/);
    expectError(
      await post([{ domain: "finances", level: 3, residentLevel: 9 }]),
      422,
      "invalidLevel",
      /eigen score/,
    );
    expectError(
      await post([
        { domain: "housing", level: 3 },
        { domain: "finances", level: 9 },
      ]),
      422,
      "invalidLevel",
      /Financiën/,
    );
    expectError(await post([]), 422, "scoresRequired", /ten minste één leefgebied/);
    assert.equal(await count("assessment"), before, "nothing half-saved");
    assert.equal(await count("assessment_score"), 0);
  });

  test("a second case lead is refused by the service and by the unique index", async () => {
    const res = await worker.post(`/api/cases/${caseId}/professionals`, {
      version: await version(),
      userId: world.colleague.id,
      roleInCase: "Tweede regisseur",
      asCaseLead: true,
    });
    expectError(res, 409, "caseLeadExists", /al een regiehouder/);
    await assert.rejects(
      sql`insert into case_professional
        (municipality_id, case_id, user_id, household_id, organisation_id, role_in_case, is_case_lead)
        select municipality_id, case_id, ${world.colleague.id}, household_id, organisation_id, 'x', true
        from case_professional where is_case_lead limit 1`.execute(t.database.db),
      /case_one_case_lead|duplicate key/,
    );
  });

  test("a handover without a note is refused", async () => {
    const res = await worker.post(`/api/cases/${caseId}/handover`, {
      version: await version(),
      toUserId: world.colleague.id,
      note: "  ",
    });
    expectError(res, 422, "handoverNoteRequired", /notitie/);
  });

  test("a status jump that is not allowed is refused", async () => {
    const res = await worker.post(`/api/cases/${caseId}/status`, {
      version: await version(),
      status: "evaluation",
    });
    expectError(res, 422, "transitionNotAllowed", /Van aanmelding naar evaluatie/);
  });

  test("closing without the required fields names every missing one", async () => {
    const res = await worker.post(`/api/cases/${caseId}/close`, {
      version: await version(),
      reason: "goalsAchieved",
      residentInformed: true,
    });
    expectError(res, 422, "closureIncomplete", /eind-ZRM.*zwaardere zorg.*hoe de inwoner.*nazorgcontact/);
    const past = await worker.post(`/api/cases/${caseId}/close`, {
      version: await version(),
      reason: "goalsAchieved",
      finalAssessment: { residentId, assessedOn: "2024-01-05", scores: scores2017(4) },
      escalationPrevented: "unknown",
      escalationExplanation: "Niet te zeggen.",
      residentInformed: true,
      residentInformedHow: "Telefonisch",
      aftercareDate: "2020-01-01",
    });
    expectError(past, 422, "closureIncomplete", /nazorgdatum/);
    assert.deepEqual(
      (past.json() as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field),
      ["aftercareDate"],
    );
    assert.equal(await count("assessment"), 0, "the final ZRM was not kept either");
  });

  test("two people editing the same case: the second write gets 409 concurrentChange, no silent overwrite", async () => {
    const colleague = await logInAs(t.app, world.lead.username);
    const read = await version();
    const first = await worker.post(`/api/cases/${caseId}/status`, { version: read, status: "intake" });
    assert.equal(first.statusCode, 201, first.body);
    const second = await colleague.post(`/api/cases/${caseId}/handover`, {
      version: read,
      toUserId: world.colleague.id,
      note: "Overname",
    });
    expectError(second, 409, "concurrentChange", /intussen door iemand anders gewijzigd/);
    const d = (await worker.get(`/api/households/${householdId}`)).json() as {
      cases: { status: string; caseLead: { id: string } }[];
    };
    assert.equal(d.cases[0]?.status, "intake");
    assert.equal(d.cases[0]?.caseLead.id, world.worker.id);
  });

  test("a resident edit with a stale version is refused too", async () => {
    // A resident's fields only: relation and main contact belong to the membership, not the resident.
    const { relation: _r, isMainContact: _m, ...resident } = member();
    const ok = await worker.request("PUT", `/api/residents/${residentId}`, { ...resident, version: 1 });
    assert.equal(ok.statusCode, 200, ok.body);
    const stale = await worker.request("PUT", `/api/residents/${residentId}`, {
      ...resident,
      phone: "0301234567",
      version: 1,
    });
    expectError(stale, 409, "concurrentChange", /niet opgeslagen/);
  });

  test("a second open case for the same household is refused", async () => {
    const res = await worker.post(`/api/households/${householdId}/cases`, {
      caseLeadUserId: world.worker.id,
      allocationGrounds: "x",
    });
    expectError(res, 409, "caseAlreadyOpen", /één huishouden, één plan/);
  });

  test("municipality's own ZRM level descriptions: import by the administrator, errors per line", async () => {
    const admin = await logInAs(t.app, world.administrator.username);
    const bad = await admin.request("PUT", "/api/zrm/descriptions", {
      version: "2017",
      text: "finances;7;x",
    });
    expectError(bad, 422, "invalidDescriptions", /Regel 1/);
    const ok = await admin.request("PUT", "/api/zrm/descriptions", {
      version: "2017",
      text: "finances;1;Groeiende schulden\nFinanciën;5;Vrij besteedbaar inkomen",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const instrument = (await worker.get("/api/zrm")).json() as {
      attribution: string;
      descriptions: unknown[];
    };
    assert.equal(instrument.attribution, "Zelfredzaamheid-Matrix, GGD Amsterdam");
    assert.equal(instrument.descriptions.length, 2);
    assert.equal(
      (await worker.request("PUT", "/api/zrm/descriptions", { version: "2017", text: "x" })).statusCode,
      403,
    );
  });

  test("a municipality on the 2010 version stores 2010 assessments", async () => {
    const admin = await logInAs(t.app, world.administrator.username);
    assert.equal((await admin.request("PUT", "/api/zrm/version", { version: "2010" })).statusCode, 200);
    const res = await worker.post(`/api/cases/${caseId}/assessments`, {
      residentId,
      assessedOn: "2024-01-05",
      scores: [
        { domain: "addiction", level: 2 },
        { domain: "daytimeActivities", level: 3 },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const d = (await worker.get(`/api/households/${householdId}`)).json() as {
      assessments: { zrmVersion: string }[];
    };
    assert.equal(d.assessments.at(-1)?.zrmVersion, "2010");
    await admin.request("PUT", "/api/zrm/version", { version: "2017" });
  });

  test("BSN typed with spaces or dots is normalised; a second member with the same BSN is refused", async () => {
    const res = await worker.post("/api/households", {
      members: [
        member({ bsn: "1234.56.782", familyName: "Bakker", postcode: null, houseNumber: null }),
        member({
          bsn: BSN.b,
          familyName: "Bakker",
          givenName: "Kim",
          postcode: null,
          houseNumber: null,
          isMainContact: false,
          relation: "partner",
        }),
      ],
    });
    expectError(res, 422, "bsnTwice", /Hetzelfde BSN/);
  });
});
