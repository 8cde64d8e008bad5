import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { type PriceItem, UNITS, type Unit } from "./impact.calculation.ts";
import type { PriceInput } from "./impact.schemas.ts";

const UNIT_NAMES: Record<Unit, string> = {
  hour: "uur",
  day: "dag",
  month: "maand",
  year: "jaar",
  occurrence: "keer",
};

/**
 * Reads the price list; price as a number of euros. A price is indicative while its source says so (the
 * default list's sources all begin with "Indicatief:"); a municipality that enters its own amount and
 * source makes it its own.
 */
export async function listPrices(ctx: RequestContext, onlyActive = false) {
  let query = ctx.trx
    .selectFrom("socialPrice")
    .select([
      "id",
      "code",
      "item",
      "unit",
      sql<number>`price::float8`.as("price"),
      "stakeholder",
      "source",
      "year",
      "active",
      sql<boolean>`source ilike 'indicatief%'`.as("indicative"),
    ])
    .orderBy("stakeholder")
    .orderBy("item");
  if (onlyActive) query = query.where("active", "=", true);
  return query.execute();
}

export const toPriceItem = (p: {
  id: string;
  item: string;
  unit: Unit;
  price: number;
  stakeholder: PriceItem["stakeholder"];
}): PriceItem => ({
  id: p.id,
  item: p.item,
  unit: p.unit,
  priceCents: Math.round(p.price * 100),
  stakeholder: p.stakeholder,
});

/** A price needs an item, a unit, an amount, who bears it, its source and its year; otherwise a precise 422. */
function assertPrice(input: PriceInput, thisYear: number) {
  const item = input.item.trim();
  if (item.length < 2)
    throw unprocessable("itemRequired", "Geef de post een omschrijving.", { field: "item" });
  if (!input.unit)
    throw unprocessable(
      "unitRequired",
      `Een prijs zonder eenheid is niet te gebruiken: kies per ${Object.values(UNIT_NAMES).join(", ")}.`,
      { field: "unit" },
    );
  if (!(UNITS as readonly string[]).includes(input.unit))
    throw unprocessable(
      "unknownUnit",
      `Onbekende eenheid "${input.unit}": kies per ${Object.values(UNIT_NAMES).join(", ")}.`,
      { field: "unit" },
    );
  if (input.year === undefined)
    throw unprocessable(
      "yearRequired",
      "Een prijs zonder jaartal is niet te gebruiken: vermeld het prijspeil (jaar).",
      { field: "year" },
    );
  if (input.year < 2000 || input.year > thisYear + 1)
    throw unprocessable("yearOutOfRange", `Het jaartal moet tussen 2000 en ${thisYear + 1} liggen.`, {
      field: "year",
    });
  const source = input.source.trim();
  if (source.length < 2)
    throw unprocessable("sourceRequired", "Vermeld de bron van de prijs.", { field: "source" });
  if (Math.round(input.price * 100) !== Number((input.price * 100).toFixed(6)))
    throw unprocessable("priceCents", "Een prijs heeft hoogstens twee decimalen.", { field: "price" });
  return { item, unit: input.unit as Unit, source, year: input.year };
}

export async function createPrice(ctx: RequestContext, input: PriceInput) {
  const valid = assertPrice(input, ctx.now.getUTCFullYear());
  const id = crypto.randomUUID();
  const code = `p${randomBytes(6).toString("hex")}`;
  await ctx.trx
    .insertInto("socialPrice")
    .values({
      municipalityId: ctx.actor.municipalityId,
      id,
      code,
      ...valid,
      price: input.price,
      stakeholder: input.stakeholder,
      active: input.active ?? true,
      updatedByUserId: ctx.actor.userId,
    })
    .execute();
  await ctx.audit({
    action: "socialPrice.created",
    resourceType: "socialPrice",
    resourceId: id,
    details: { price: input.price, year: valid.year },
  });
  return findPrice(ctx, id);
}

async function findPrice(ctx: RequestContext, id: string) {
  const found = (await listPrices(ctx)).find((p) => p.id === id);
  if (!found) throw notFound("Deze prijs staat niet in de prijslijst.");
  return found;
}

export async function updatePrice(ctx: RequestContext, id: string, input: PriceInput) {
  const valid = assertPrice(input, ctx.now.getUTCFullYear());
  const result = await ctx.trx
    .updateTable("socialPrice")
    .set({
      ...valid,
      price: input.price,
      stakeholder: input.stakeholder,
      active: input.active ?? true,
      updatedByUserId: ctx.actor.userId,
      updatedAt: ctx.now,
    })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound("Deze prijs staat niet in de prijslijst.");
  await ctx.audit({
    action: "socialPrice.updated",
    resourceType: "socialPrice",
    resourceId: id,
    details: { price: input.price, year: valid.year },
  });
  return findPrice(ctx, id);
}
