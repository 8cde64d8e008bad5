import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertBirthDate, assertBsn, normalisePostcode } from "../households/residents.rules.ts";

/** Resident fields a correction may change, with their column and check. */
const FIELDS: Record<string, { column: string; check?: (v: string, ctx: RequestContext) => string }> = {
  givenName: { column: "given_name" },
  familyName: { column: "family_name" },
  birthDate: {
    column: "birth_date",
    check: (v, ctx) => {
      assertBirthDate(v, ctx.now);
      return v;
    },
  },
  bsn: {
    column: "bsn",
    check: (v) => {
      const bsn = v.replace(/[\s.]/g, "");
      assertBsn(bsn);
      return bsn;
    },
  },
  postcode: {
    column: "postcode",
    check: (v) => {
      const p = normalisePostcode(v);
      if (!p)
        throw unprocessable(
          "invalidPostcode",
          `De postcode "${v}" is ongeldig. Gebruik vier cijfers en twee letters, zoals 3563 AB.`,
          { field: "postcode" },
        );
      return p;
    },
  },
  houseNumber: {
    column: "house_number",
    check: (v) => {
      if (!/^[0-9]{1,5}$/.test(v) || Number(v) < 1)
        throw unprocessable(
          "invalidHouseNumber",
          "Het huisnummer moet een getal van 1 tot en met 99999 zijn.",
          { field: "houseNumber" },
        );
      return v;
    },
  },
  houseNumberAddition: { column: "house_number_addition" },
  street: { column: "street" },
  city: { column: "city" },
  phone: { column: "phone" },
  email: { column: "email" },
  preferredLanguage: { column: "preferred_language" },
};
const REQUIRED = new Set(["givenName", "familyName", "birthDate", "preferredLanguage"]);

/**
 * Corrects resident fields at the resident's request (AVG art. 16). The old and new value of each
 * changed field go into the correction log; the whole correction is one transaction.
 */
export async function correctResident(
  ctx: RequestContext,
  residentId: string,
  input: { changes: Record<string, string | null>; reason: string },
) {
  const member = await ctx.trx
    .selectFrom("householdMember")
    .select("householdId")
    .where("residentId", "=", residentId)
    .executeTakeFirst();
  if (!member) throw notFound("Deze inwoner bestaat niet of u heeft geen toegang tot zijn of haar dossier.");
  await assertHouseholdAction(ctx, member.householdId, "edit");
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw unprocessable(
      "reasonRequired",
      "Geef aan waarom de gegevens worden gecorrigeerd (minstens 5 tekens).",
      { field: "reason" },
    );
  const entries = Object.entries(input.changes);
  if (entries.length === 0)
    throw unprocessable("nothingToCorrect", "Geef minstens één gegeven op dat gecorrigeerd moet worden.");
  const unknown = entries.filter(([f]) => !FIELDS[f]).map(([f]) => f);
  if (unknown.length > 0)
    throw unprocessable(
      "unknownField",
      `Deze gegevens kunnen niet gecorrigeerd worden: ${unknown.join(", ")}.`,
      { fields: unknown },
    );
  const current = await sql<Record<string, unknown>>`select * from resident where id = ${residentId}`.execute(
    ctx.trx,
  );
  const row = current.rows[0];
  if (!row) throw notFound("Deze inwoner bestaat niet of u heeft geen toegang tot zijn of haar dossier.");
  const changed: { field: string; column: string; oldValue: string | null; newValue: string | null }[] = [];
  for (const [field, raw] of entries) {
    const spec = FIELDS[field] as (typeof FIELDS)[string];
    const trimmed = raw?.trim() || null;
    if (trimmed === null && REQUIRED.has(field))
      throw unprocessable("fieldRequired", `${field} mag niet leeg zijn.`, { field });
    const value = trimmed === null ? null : spec.check ? spec.check(trimmed, ctx) : trimmed;
    const old = row[field] === null || row[field] === undefined ? null : String(row[field]);
    if (old !== value) changed.push({ field, column: spec.column, oldValue: old, newValue: value });
  }
  if (changed.length === 0)
    throw unprocessable("nothingChanged", "De opgegeven gegevens zijn gelijk aan wat er al staat.");
  const assignments = sql.join(changed.map((c) => sql`${sql.ref(c.column)} = ${c.newValue}`));
  await sql`update resident set ${assignments}, version = version + 1, updated_at = ${ctx.now} where id = ${residentId}`.execute(
    ctx.trx,
  );
  for (const c of changed) {
    await ctx.trx
      .insertInto("residentCorrection")
      .values({
        municipalityId: ctx.actor.municipalityId,
        id: randomUUID(),
        residentId,
        householdId: member.householdId,
        field: c.field,
        oldValue: c.oldValue,
        newValue: c.newValue,
        reason,
        correctedByUserId: ctx.actor.userId,
        correctedAt: ctx.now,
      })
      .execute();
  }
  await ctx.audit({
    action: "resident.corrected",
    resourceType: "resident",
    resourceId: residentId,
    residentId,
    householdId: member.householdId,
    details: { fields: changed.map((c) => c.field) },
  });
  return listCorrections(ctx, residentId);
}

export async function listCorrections(ctx: RequestContext, residentId: string) {
  const rows = await ctx.trx
    .selectFrom("residentCorrection as c")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "c.municipalityId").onRef("u.id", "=", "c.correctedByUserId"),
    )
    .select([
      "c.id",
      "c.field",
      "c.oldValue",
      "c.newValue",
      "c.reason",
      "c.correctedAt",
      "u.displayName as correctedByName",
    ])
    .where("c.residentId", "=", residentId)
    .orderBy("c.correctedAt", "desc")
    .execute();
  return { items: rows.map((r) => ({ ...r, correctedAt: new Date(r.correctedAt).toISOString() })) };
}
