import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { AppError } from "../../platform/http/errors.ts";
import { parseCbsFile } from "./cbs.import.ts";
import { REFERENCE_DIR } from "./cbs.layouts.ts";

const read = (file: string) => fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8");
const parse = (file: string, municipalityCode = "GM0344") =>
  parseCbsFile(read(file), { municipalityCode, fileName: file });
const value = (p: ReturnType<typeof parse>, code: string, indicator: string) =>
  p.values.find((v) => v.areaCode === code && v.indicator === indicator)?.value;

function rejects(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.statusCode === 422 && e.code === code);
}

describe("CBS import: the shipped layouts", () => {
  test("KWB 2023 short names (Utrecht): 122 rows, bijstand and corporation housing filled, income '.' stays null", () => {
    const p = parse("kwb_2023_GM0344_utrecht.csv");
    assert.equal(p.report.layout, "kwbShortNames");
    assert.deepEqual([p.report.sourceTable, p.report.year], ["kwb-2023", 2023]);
    assert.equal(p.report.rowsRead, 122);
    assert.equal(p.report.rowsImported, 122);
    assert.equal(p.regions.filter((r) => r.kind === "neighbourhood").length, 111);
    assert.equal(p.regions.filter((r) => r.kind === "district").length, 10);
    assert.equal(value(p, "GM0344", "inhabitants"), 367947);
    assert.equal(value(p, "GM0344", "socialAssistanceBenefits"), 10410);
    assert.equal(value(p, "GM0344", "corporationHousingPct"), 31);
    assert.equal(value(p, "GM0344", "socialMinimumHouseholdsPct"), null, "'.' is missing, not 0");
    assert.deepEqual(p.report.unknownColumns, []);
  });

  test("KWB 2024 short names: most columns '.' — counted as missing, stored as null", () => {
    const p = parse("kwb_2024_GM0344_utrecht.csv");
    assert.equal(p.report.rowsImported, 122);
    assert.equal(value(p, "GM0344", "inhabitants"), 374238);
    assert.equal(value(p, "GM0344", "socialAssistanceBenefits"), null);
    assert.ok(p.report.missingValues > p.report.valuesStored);
  });

  test("OData 2024 buurten (85984NED): one municipality's rows out of five", () => {
    const utrecht = parse("kwb_2024_buurten_5gm_85984NED_subset.csv");
    assert.deepEqual([utrecht.report.sourceTable, utrecht.report.year], ["85984NED", 2024]);
    assert.equal(utrecht.report.rowsRead, 336);
    assert.equal(utrecht.report.rowsImported, 109);
    assert.equal(utrecht.report.rowsOtherMunicipality, 227);
    assert.equal(value(utrecht, "BU03440111", "inhabitants"), 1800);
    assert.equal(value(utrecht, "BU03440111", "age65Plus"), 340);
    const nieuwegein = parse("kwb_2024_buurten_5gm_85984NED_subset.csv", "GM0356");
    assert.equal(nieuwegein.report.rowsImported, 39);
  });

  test("OData 2017 buurten (83765NED): the social-minimum share", () => {
    const p = parse("kwb_2017_buurten_5gm_83765NED_subset.csv", "GM0307");
    assert.deepEqual([p.report.sourceTable, p.report.year], ["83765NED", 2017]);
    assert.equal(p.report.rowsImported, 111);
    assert.equal(value(p, "BU03070100", "socialMinimumHouseholdsPct"), 9.1);
    assert.equal(parse("kwb_2017_buurten_5gm_83765NED_subset.csv", "GM0352").report.rowsImported, 7);
  });

  test("OData 2024 gemeente + wijken basis file and the PDOK 2015 gemeente file", () => {
    const basis = parse("kwb_2024_gemeente_wijk_5gm_85984NED_basis.csv");
    assert.equal(basis.report.rowsImported, 11);
    assert.equal(value(basis, "WK034401", "inhabitants"), 29710);
    const p2015 = parseCbsFile(read("kwb_2015_gemeente_5gm_pdok_wijkenbuurten2015.csv"), {
      municipalityCode: "GM0355",
      fileName: "kwb_2015_gemeente_5gm_pdok_wijkenbuurten2015.csv",
    });
    assert.equal(p2015.report.layout, "pdokWijkenBuurten");
    assert.equal(p2015.report.year, 2015);
    assert.equal(p2015.report.rowsImported, 1);
    assert.equal(p2015.regions[0]?.kind, "municipality");
    assert.ok((value(p2015, "GM0355", "inhabitants") ?? 0) > 50000);
  });
});

describe("CBS import: the validation report", () => {
  const header = "gwb_code_10,regio,recs,a_inw,a_65_oo,p_wcorpw,mijn_eigen_kolom";
  const file = [
    header,
    "GM0344,Utrecht,Gemeente,1000,.,31,x",
    "WK034401,Wijk 01 West,Wijk,500,80,veel,y",
    "BU03449999,Verzonnen,Buurt,10,1,1,z",
    "Overvecht,?,Buurt,10,1,1,z",
    "WK035501,Zeist,Wijk,10,1,1,z",
    "WK034401,Wijk 01 West,Wijk,500,80,20,y",
  ].join("\n");

  test("lists unknown columns, non-numbers, codes that did not exist that year, malformed and duplicate codes", () => {
    const p = parseCbsFile(file, { municipalityCode: "GM0344", fileName: "kwb-2024.csv" });
    assert.deepEqual(p.report.unknownColumns, ["mijn_eigen_kolom"]);
    assert.deepEqual(p.report.notANumber, [{ row: 3, column: "p_wcorpw", value: "veel" }]);
    assert.deepEqual(p.report.unknownCodes, [{ row: 4, code: "BU03449999" }]);
    assert.deepEqual(p.report.invalidCodes, [{ row: 5, code: "Overvecht" }]);
    assert.deepEqual(p.report.duplicateCodes, [{ row: 7, code: "WK034401" }]);
    assert.equal(p.report.rowsOtherMunicipality, 1);
    assert.equal(p.report.rowsImported, 2);
    assert.equal(value(p, "GM0344", "age65Plus"), null);
    assert.equal(value(p, "WK034401", "corporationHousingPct"), null, "a non-number is not stored");
    assert.equal(value(p, "WK034401", "age65Plus"), 80);
  });

  test("a year outside the code list imports a new code but flags it", () => {
    const p = parseCbsFile(file, { municipalityCode: "GM0344", fileName: "kwb-2025.csv" });
    assert.deepEqual(p.report.unlistedCodes, [{ row: 4, code: "BU03449999" }]);
    assert.equal(p.report.rowsImported, 3);
  });

  test("StatLine semicolon export with a BOM, padded values and a decimal comma", () => {
    const p = parseCbsFile(
      "\uFEFFWijkenEnBuurten;SoortRegio_2;AantalInwoners_5;GemiddeldeHuishoudensgrootte_33\n  WK034401  ;Wijk;  29710 ;1,8\n",
      {
        municipalityCode: "GM0344",
        fileName: null,
        year: 2024,
        sourceTable: "85984NED",
      },
    );
    assert.equal(value(p, "WK034401", "inhabitants"), 29710);
    assert.equal(value(p, "WK034401", "averageHouseholdSize"), 1.8);
  });

  test("fatal problems are a 422 with a Dutch message", () => {
    rejects(
      () => parseCbsFile("naam,getal\na,1\n", { municipalityCode: "GM0344", fileName: null }),
      "unrecognisedLayout",
    );
    rejects(
      () => parseCbsFile(file, { municipalityCode: "GM0344", fileName: "zonder-jaar.csv" }),
      "sourceUnknown",
    );
    rejects(
      () => parseCbsFile(file, { municipalityCode: "GM0307", fileName: "kwb-2024.csv" }),
      "noRowsForMunicipality",
    );
  });
});
