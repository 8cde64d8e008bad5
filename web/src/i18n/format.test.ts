/// <reference types="node" />
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format.ts";

test("one Dutch format for dates, times, numbers and money", () => {
  assert.equal(formatDate("2026-12-07"), "7 december 2026");
  assert.equal(formatDate("2026-01-20T23:30:00Z"), "21 januari 2026", "in the Netherlands' time zone");
  assert.equal(formatDateTime("2026-12-07T18:19:00Z"), "7 december 2026, 19:19");
  assert.equal(formatNumber(1234.56, 1), "1.234,6");
  assert.equal(formatMoney(12500), "€\u00a012.500");
  assert.equal(formatMoney(12.5), "€\u00a012,50");
  assert.equal(formatDate(null), "–");
});
