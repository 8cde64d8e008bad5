import { createHmac } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { searchResidents } from "./households.repository.ts";
import type { SearchQuery } from "./households.schemas.ts";
import { assertBirthDate, assertBsn, isValidBsn, normalisePostcode } from "./residents.rules.ts";
import { blank } from "./residents.validation.ts";

/**
 * A BSN in the audit trail as HMAC-SHA256 with a server secret: an auditor who knows a BSN can find
 * who searched for it (same key, same digest), but the trail itself never holds the number.
 */
export function bsnDigest(key: string, bsn: string): string {
  return createHmac("sha256", key).update(`bsn:${bsn}`).digest("hex");
}

/**
 * Searches residents in the dossiers the actor may see. NEN 7513 asks what was searched and what was
 * shown, so the audit event keeps the search terms — name, birth date and postcode as typed, the BSN
 * only as bsnDigest — and the ids of the residents and households in the answer.
 */
export async function findResidents(ctx: RequestContext, query: SearchQuery, auditKey: string) {
  const q: SearchQuery = {};
  const name = blank(query.name);
  if (name) {
    if (name.length < 2)
      throw unprocessable("nameTooShort", "Zoek op ten minste twee letters van de naam.", { field: "name" });
    q.name = name;
  }
  const birthDate = blank(query.birthDate);
  if (birthDate) {
    assertBirthDate(birthDate, ctx.now);
    q.birthDate = birthDate;
  }
  const postcode = blank(query.postcode);
  if (postcode) {
    const p = normalisePostcode(postcode);
    if (!p)
      throw unprocessable(
        "invalidPostcode",
        "Deze postcode is ongeldig. Gebruik vier cijfers en twee letters, zoals 3563 AB.",
        { field: "postcode" },
      );
    q.postcode = p;
  }
  const bsn = blank(query.bsn)?.replace(/[\s.]/g, "");
  if (bsn) {
    if (!isValidBsn(bsn)) assertBsn(bsn);
    q.bsn = bsn;
  }
  const fields = Object.keys(q);
  if (fields.length === 0) {
    throw unprocessable(
      "searchTermRequired",
      "Vul ten minste één zoekveld in: naam, geboortedatum, postcode of BSN.",
    );
  }
  const items = await searchResidents(ctx, q);
  const { bsn: searchedBsn, ...typed } = q;
  await ctx.audit({
    action: "household.searched",
    resourceType: "household",
    details: {
      fields,
      terms: {
        ...typed,
        ...(q.name && query.name ? { name: query.name } : {}),
        ...(searchedBsn ? { bsnDigest: bsnDigest(auditKey, searchedBsn) } : {}),
      },
      resultCount: items.length,
      residentIds: items.map((i) => i.residentId),
      householdIds: [...new Set(items.map((i) => i.householdId))],
    },
  });
  return { items };
}
