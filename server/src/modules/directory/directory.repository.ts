import { type Expression, type SqlBool, sql } from "kysely";
import type { PublicContext, RequestContext } from "../../platform/context.ts";
import type { SearchQuery } from "./directory.schemas.ts";
import type { AreaCatalogue, ValidEntry } from "./directory.validation.ts";

/** Both staff and public requests read the directory; row-level security decides which rows. */
export type DirectoryReader = Pick<RequestContext, "trx" | "now"> | Pick<PublicContext, "trx" | "now">;

export const today = (ctx: { now: Date }) => ctx.now.toISOString().slice(0, 10);

/** Columns a resident may see (the public page selects nothing else). */
const PUBLIC_COLUMNS = [
  "e.id",
  "e.name",
  "e.description",
  "e.kind",
  "e.providerName",
  "e.lifeDomains",
  "e.targetGroups",
  "e.accessRoute",
  "e.cost",
  "e.costNote",
  "e.servesWholeMunicipality",
  "e.areaCodes",
  "e.street",
  "e.houseNumber",
  "e.postcode",
  "e.city",
  "e.neighbourhoodCode",
  "e.openingHours",
  "e.openingHoursNote",
  "e.phone",
  "e.email",
  "e.website",
  "e.waitingWeeks",
  "e.capacityNote",
] as const;

const STAFF_COLUMNS = [
  ...PUBLIC_COLUMNS,
  "e.externalKey",
  "e.wmoPerformanceFields",
  "e.contactPersonName",
  "e.contactPersonPhone",
  "e.contactPersonEmail",
  "e.activeFrom",
  "e.activeUntil",
  "e.reviewDate",
  "e.isPublic",
  "e.deactivatedAt",
  "e.deactivationReason",
  "e.updatedAt",
] as const;

/**
 * A Dutch full-text query that also finds compounds: every word is stemmed by the 'dutch' configuration
 * and matched as a prefix, so "schulden" (stem "schuld") finds "schuldhulpverlening". Only letters and
 * digits reach to_tsquery, so user input cannot change the query's syntax.
 */
export function toPrefixQuery(q: string | undefined): string | null {
  const terms = (q ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (terms.length === 0) return null;
  return terms
    .slice(0, 8)
    .map((term) => `${term}:*`)
    .join(" & ");
}

export interface Point {
  lon: number;
  lat: number;
}

export function findAreaPoint(ctx: DirectoryReader, code: string, municipalityCode: string) {
  return ctx.trx
    .selectFrom("areaLocation")
    .select(["lon", "lat"])
    .where("code", "=", code)
    .where("municipalityCode", "=", municipalityCode)
    .executeTakeFirst();
}

export async function loadAreaCatalogue(
  ctx: DirectoryReader,
  municipalityCode: string,
): Promise<AreaCatalogue> {
  const rows = await listAreas(ctx, municipalityCode);
  return { municipalityCode, codes: new Map(rows.map((r) => [r.code, r.kind])) };
}

export function listAreas(ctx: DirectoryReader, municipalityCode: string) {
  return ctx.trx
    .selectFrom("areaLocation")
    .select(["code", "kind", "name", "districtCode"])
    .where("municipalityCode", "=", municipalityCode)
    .orderBy("kind")
    .orderBy("name")
    .execute();
}

/** Codes an entry may list to serve the given area: the area, its wijk, or (for a wijk) its buurten. */
export async function servingCodes(ctx: DirectoryReader, code: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom("areaLocation")
    .select(["code", "districtCode"])
    .where((eb) => eb.or([eb("code", "=", code), eb("districtCode", "=", code)]))
    .execute();
  const codes = new Set<string>([code]);
  for (const row of rows) {
    codes.add(row.code);
    if (row.districtCode && row.code === code) codes.add(row.districtCode);
  }
  return [...codes];
}

export interface SearchOptions {
  audience: "staff" | "public";
  near: Point | null;
  areaCodes: string[] | null;
}

export async function searchEntries(ctx: DirectoryReader, filters: SearchQuery, options: SearchOptions) {
  const tsQuery = toPrefixQuery(filters.q);
  const query = tsQuery ? sql`to_tsquery('dutch', ${tsQuery})` : null;
  const day = today(ctx);
  const distance = options.near
    ? sql<
        number | null
      >`distance_km(loc.lon, loc.lat, ${options.near.lon}::float8, ${options.near.lat}::float8)`
    : sql<number | null>`null::float8`;
  const rank = query ? sql<number>`ts_rank(e.search_vector, ${query})` : sql<number>`0::float4`;
  const sort = filters.sort ?? (query ? "relevance" : options.near ? "distance" : "name");

  let select = ctx.trx
    .selectFrom("directoryEntry as e")
    .leftJoin("areaLocation as loc", "loc.code", "e.neighbourhoodCode")
    .select(options.audience === "public" ? PUBLIC_COLUMNS : STAFF_COLUMNS)
    .select([
      "loc.name as neighbourhoodName",
      distance.as("distanceKm"),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (query) {
        conditions.push(sql<SqlBool>`(numnode(${query}) = 0 or e.search_vector @@ ${query})`);
      }
      if (filters.lifeDomain)
        conditions.push(sql<SqlBool>`e.life_domains @> array[${filters.lifeDomain}]::text[]`);
      if (filters.targetGroup)
        conditions.push(sql<SqlBool>`e.target_groups @> array[${filters.targetGroup}]::text[]`);
      if (filters.performanceField) {
        conditions.push(
          sql<SqlBool>`e.wmo_performance_fields @> array[${filters.performanceField}]::smallint[]`,
        );
      }
      if (filters.kind) conditions.push(eb("e.kind", "=", filters.kind));
      if (filters.free) conditions.push(eb("e.cost", "=", "free"));
      if (options.areaCodes) {
        conditions.push(
          sql<SqlBool>`(e.serves_whole_municipality or e.area_codes && ${sql.val(options.areaCodes)}::text[])`,
        );
      }
      if (!filters.includeInactive) {
        conditions.push(
          sql<SqlBool>`(e.deactivated_at is null and (e.active_from is null or e.active_from <= ${day}::date)
            and (e.active_until is null or e.active_until >= ${day}::date))`,
        );
      }
      if (filters.reviewOverdue) conditions.push(sql<SqlBool>`e.review_date < ${day}::date`);
      return eb.and(conditions);
    });

  if (sort === "relevance")
    select = select.orderBy(rank, "desc").orderBy(distance, (ob) => ob.asc().nullsLast());
  else if (sort === "distance")
    select = select.orderBy(distance, (ob) => ob.asc().nullsLast()).orderBy(rank, "desc");
  const rows = await select
    .orderBy(sql`lower(e.name)`)
    .orderBy("e.id")
    .limit(filters.limit ?? 20)
    .offset(filters.offset ?? 0)
    .execute();
  return { total: rows[0]?.total ?? 0, rows };
}

export function findEntry(ctx: RequestContext, id: string) {
  return ctx.trx
    .selectFrom("directoryEntry as e")
    .leftJoin("areaLocation as loc", "loc.code", "e.neighbourhoodCode")
    .select(STAFF_COLUMNS)
    .select(["loc.name as neighbourhoodName", sql<number | null>`null::float8`.as("distanceKm")])
    .where("e.id", "=", id)
    .executeTakeFirst();
}

export function findEntriesByExternalKey(ctx: RequestContext, keys: string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return ctx.trx
    .selectFrom("directoryEntry")
    .select(["id", "externalKey"])
    .where("externalKey", "in", keys)
    .execute();
}

function columnsOf(ctx: RequestContext, entry: ValidEntry) {
  return {
    ...entry,
    externalKey: entry.externalKey ?? "",
    openingHours: JSON.stringify(entry.openingHours),
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userId,
  };
}

export async function insertEntry(
  ctx: RequestContext,
  id: string,
  entry: ValidEntry & { externalKey: string },
) {
  await ctx.trx
    .insertInto("directoryEntry")
    .values({ ...columnsOf(ctx, entry), municipalityId: ctx.actor.municipalityId, id })
    .execute();
}

export async function updateEntry(
  ctx: RequestContext,
  id: string,
  entry: ValidEntry & { externalKey: string },
) {
  await ctx.trx.updateTable("directoryEntry").set(columnsOf(ctx, entry)).where("id", "=", id).execute();
}

/**
 * Inserts or updates many entries by external key in one statement per batch (CSV import). Returns the
 * keys that were inserted, so the report can count created and updated rows.
 */
export async function upsertEntries(ctx: RequestContext, entries: (ValidEntry & { externalKey: string })[]) {
  if (entries.length === 0) return;
  await ctx.trx
    .insertInto("directoryEntry")
    .values(entries.map((entry) => ({ ...columnsOf(ctx, entry), municipalityId: ctx.actor.municipalityId })))
    .onConflict((oc) =>
      oc.columns(["municipalityId", "externalKey"]).doUpdateSet((eb) => {
        const keep = new Set(["municipalityId", "externalKey", "id", "createdAt"]);
        const columns = Object.keys(
          columnsOf(ctx, entries[0] as ValidEntry & { externalKey: string }),
        ).filter((c) => !keep.has(c)) as (keyof ReturnType<typeof columnsOf>)[];
        return Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]));
      }),
    )
    .execute();
}

export async function setDeactivation(ctx: RequestContext, id: string, reason: string | null) {
  await ctx.trx
    .updateTable("directoryEntry")
    .set({
      deactivatedAt: reason === null ? null : ctx.now,
      deactivationReason: reason,
      updatedAt: ctx.now,
      updatedBy: ctx.actor.userId,
    })
    .where("id", "=", id)
    .execute();
}

/** Every entry for the CSV export, in a stable order. */
export function listEntriesForExport(ctx: RequestContext, includeInactive: boolean) {
  let select = ctx.trx
    .selectFrom("directoryEntry as e")
    .leftJoin("areaLocation as loc", "loc.code", "e.neighbourhoodCode")
    .select(STAFF_COLUMNS)
    .select(["loc.name as neighbourhoodName", sql<number | null>`null::float8`.as("distanceKm")]);
  if (!includeInactive) select = select.where("e.deactivatedAt", "is", null);
  return select.orderBy("e.externalKey").execute();
}

export function municipalityCodeOf(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("municipality")
    .select("code")
    .executeTakeFirstOrThrow()
    .then((m) => m.code);
}
