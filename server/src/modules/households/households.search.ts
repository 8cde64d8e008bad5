import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { searchResidents } from "./households.repository.ts";
import type { SearchQuery } from "./households.schemas.ts";
import { assertBirthDate, assertBsn, isValidBsn, normalisePostcode } from "./residents.rules.ts";
import { blank } from "./residents.validation.ts";

/** Searches residents in the dossiers the actor may see. The audit keeps which fields were used, not the values. */
export async function findResidents(ctx: RequestContext, query: SearchQuery) {
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
  await ctx.audit({
    action: "household.searched",
    resourceType: "household",
    details: { fields, resultCount: items.length },
  });
  return { items };
}
