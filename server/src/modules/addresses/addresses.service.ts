import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { readPostcodeAreas } from "./addresses.reference.ts";

export interface AddressQuery {
  postcode: string;
  houseNumber: number;
  addition?: string;
}

export interface AddressLookup {
  street: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  /** Buurten that may hold the address when the postcode alone cannot say which. */
  candidates: { code: string; name: string }[];
  source: "service" | "reference" | "none";
}

/** A document of the open location server's "free" search (type adres), the fields Wijkwerk reads. */
interface LocationDoc {
  straatnaam?: string;
  woonplaatsnaam?: string;
  buurtcode?: string;
  buurtnaam?: string;
  postcode?: string;
  huisnummer?: number;
}

export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact) ? compact : null;
}

/**
 * Asks the configured address service in the open location server's format:
 * `GET {url}?q=postcode:3563HK and huisnummer:12&fq=type:adres&rows=1` answering
 * `{ response: { numFound, docs: [{ straatnaam, woonplaatsnaam, buurtcode, buurtnaam, … }] } }`.
 * Gives up quietly (null) on any failure: the form then falls back to the reference data.
 */
export async function askAddressService(
  url: string,
  query: { postcode: string; houseNumber: number; addition?: string },
  timeoutMs = 2_000,
): Promise<LocationDoc | null> {
  const q = `postcode:${query.postcode} and huisnummer:${query.houseNumber}`;
  const target = new URL(url);
  target.searchParams.set("q", q);
  target.searchParams.set("fq", "type:adres");
  target.searchParams.set("rows", "5");
  try {
    const response = await fetch(target, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { response?: { docs?: LocationDoc[] } };
    const docs = body.response?.docs ?? [];
    return (
      docs.find((d) => d.postcode === query.postcode && d.huisnummer === query.houseNumber) ?? docs[0] ?? null
    );
  } catch {
    return null;
  }
}

/**
 * Postcode + house number → street, place and CBS buurt. The configured address service answers when it
 * can; otherwise the shipped CBS reference gives the buurt (or the few buurten to choose from) for the
 * postcode area and the municipality's name as the place. Only buurten of the user's municipality count.
 */
export async function lookUpAddress(
  ctx: RequestContext,
  input: AddressQuery,
  serviceUrl: string | undefined,
): Promise<AddressLookup> {
  const postcode = normalisePostcode(input.postcode);
  if (!postcode) {
    throw unprocessable("invalidPostcode", "Vul een postcode in zoals 3563 HK.", { field: "postcode" });
  }
  if (!Number.isInteger(input.houseNumber) || input.houseNumber < 1) {
    throw unprocessable("invalidHouseNumber", "Vul een huisnummer in.", { field: "houseNumber" });
  }
  const areas = await ctx.trx
    .selectFrom("area")
    .select(["code", "name"])
    .where("kind", "=", "neighbourhood")
    .execute();
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  if (serviceUrl) {
    const doc = await askAddressService(serviceUrl, {
      postcode,
      houseNumber: input.houseNumber,
      addition: input.addition,
    });
    if (doc) {
      const known = doc.buurtcode && areaName.has(doc.buurtcode) ? doc.buurtcode : null;
      return {
        street: doc.straatnaam ?? null,
        city: doc.woonplaatsnaam ?? null,
        neighbourhoodCode: known,
        neighbourhoodName: known ? (areaName.get(known) ?? doc.buurtnaam ?? null) : null,
        candidates: [],
        source: "service",
      };
    }
  }
  const candidates = (readPostcodeAreas().get(postcode.slice(0, 4)) ?? [])
    .filter((c) => areaName.has(c.code))
    .sort((a, b) => a.coverage - b.coverage);
  if (candidates.length === 0) {
    return {
      street: null,
      city: null,
      neighbourhoodCode: null,
      neighbourhoodName: null,
      candidates: [],
      source: "none",
    };
  }
  const municipality = await ctx.trx
    .selectFrom("municipality")
    .select("name")
    .where("id", "=", ctx.actor.municipalityId)
    .executeTakeFirst();
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return {
    street: null,
    city: municipality ? municipality.name.replace(/^Gemeente\s+/, "").replace(/\s*\(demo\)$/, "") : null,
    neighbourhoodCode: only?.code ?? null,
    neighbourhoodName: only ? (areaName.get(only.code) ?? null) : null,
    candidates: only ? [] : candidates.map((c) => ({ code: c.code, name: areaName.get(c.code) ?? c.code })),
    source: "reference",
  };
}
