import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseCsvLine, readCbsAreas } from "../areas/areas.loader.ts";
import { parseLevelDescriptions, ZRM_DOMAINS } from "../assessments/zrm.ts";
import { allowedNextStatuses, canChangeStatus, canClose, canReopen } from "../cases/cases.rules.ts";
import { assertBirthDate, isCalendarDate, isValidBsn, normalisePostcode } from "./residents.rules.ts";

describe("resident rules", () => {
  test("BSN eleven-test", () => {
    for (const ok of ["111222333", "123456782", "999999990"]) assert.equal(isValidBsn(ok), true, ok);
    for (const bad of ["123456789", "000000000", "12345678", "1234567890", "12345678a", ""])
      assert.equal(isValidBsn(bad), false, bad);
  });
  test("postcode 1234 AB, normalised", () => {
    assert.equal(normalisePostcode("3562ab"), "3562 AB");
    assert.equal(normalisePostcode(" 3562 AB "), "3562 AB");
    for (const bad of ["0123 AB", "3562 A", "35620 AB", "3562 SS", "ABCD 12"])
      assert.equal(normalisePostcode(bad), null, bad);
  });
  test("birth dates must exist and not lie in the future", () => {
    const now = new Date("2024-05-01T10:00:00Z");
    assert.equal(isCalendarDate("2023-02-29"), false);
    assert.equal(isCalendarDate("2024-02-29"), true);
    assert.doesNotThrow(() => assertBirthDate("2024-05-01", now));
    assert.throws(() => assertBirthDate("2024-05-02", now), /toekomst/);
    assert.throws(() => assertBirthDate("2023-02-30", now), /bestaat niet/);
    assert.throws(() => assertBirthDate("1850-01-01", now), /1900/);
  });
});

describe("case lifecycle", () => {
  test("follows aanmelding → intake → plan → uitvoering → evaluatie, with steps back to plan", () => {
    assert.ok(canChangeStatus("registration", "intake"));
    assert.ok(canChangeStatus("intake", "plan"));
    assert.ok(canChangeStatus("plan", "execution"));
    assert.ok(canChangeStatus("execution", "evaluation"));
    assert.ok(canChangeStatus("evaluation", "plan"));
    assert.ok(!canChangeStatus("registration", "execution"));
    assert.ok(!canChangeStatus("intake", "closed"), "closing has its own use case");
    assert.deepEqual(allowedNextStatuses("closed"), []);
  });
  test("a closed case can only be reopened, a reopened one continues", () => {
    assert.ok(canReopen("closed"));
    assert.ok(!canReopen("execution"));
    assert.ok(!canClose("closed"));
    assert.ok(canClose("reopened"));
    assert.ok(canChangeStatus("reopened", "plan"));
  });
});

describe("ZRM", () => {
  test("2010 has 11 domains, 2017 has 13", () => {
    assert.equal(ZRM_DOMAINS["2010"].length, 11);
    assert.equal(ZRM_DOMAINS["2017"].length, 13);
  });
  test("level descriptions import: key or Dutch name, errors per line", () => {
    const ok = parseLevelDescriptions(
      "2017",
      "# eigen tekst\nfinances;1;Groeiende schulden\nFinanciën\t2\tBeperkt inkomen\n",
    );
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.rows.length, 2);
    const bad = parseLevelDescriptions("2010", "workAndEducation;1;x\nfinances;6;x\nfinances;1\n");
    assert.equal(bad.errors.length, 3);
    assert.match(bad.errors[0] ?? "", /geen domein van de ZRM 2010/);
  });
});

describe("CBS areas", () => {
  test("parses quoted CSV fields", () => {
    assert.deepEqual(parseCsvLine('BU1,WK1,"Welgelegen, Den Hommel",x'), [
      "BU1",
      "WK1",
      "Welgelegen, Den Hommel",
      "x",
    ]);
  });
  test("Utrecht has 10 wijken and its buurten with names", () => {
    const utrecht = readCbsAreas().get("GM0344") ?? [];
    assert.equal(utrecht.filter((a) => a.kind === "district").length, 10);
    assert.ok(utrecht.filter((a) => a.kind === "neighbourhood").length >= 111);
    assert.equal(utrecht.find((a) => a.code === "WK034403")?.name, "Overvecht");
  });
});
