/// <reference types="node" />
import assert from "node:assert/strict";
import { test } from "node:test";
import { dataKind, isView } from "./accessWords.ts";

test("the resident's access log says viewed when data was only viewed, and names the data in plain words", () => {
  // Issue 16: a case lead viewing the self-assessment read "Veranderd of toegevoegd".
  assert.equal(isView("portal.selfAssessmentViewed"), true);
  assert.equal(isView("selfAssessment.viewed"), true);
  assert.equal(isView("plan.printed"), true);
  assert.equal(isView("consent.listed"), true);
  assert.equal(isView("plan.changed"), false);
  assert.equal(isView("journal.added"), false);
  assert.equal(dataKind("portal.selfAssessmentViewed"), "Uw eigen inschatting");
  assert.equal(dataKind("plan.viewed"), "Uw plan");
  assert.equal(dataKind("household.viewed"), "Uw dossier");
  assert.equal(dataKind("journal.added"), "De verslagen van gesprekken");
});
