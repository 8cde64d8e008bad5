import { randomUUID } from "node:crypto";
import { hasPermission } from "../../platform/access/permissions.ts";
import type { PublicContext, RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { presentEntry, presentPublicEntry } from "./directory.present.ts";
import {
  type DirectoryReader,
  findAreaPoint,
  findEntriesByExternalKey,
  findEntry,
  insertEntry,
  listAreas,
  loadAreaCatalogue,
  municipalityCodeOf,
  searchEntries,
  servingCodes,
  setDeactivation,
  today,
  updateEntry,
} from "./directory.repository.ts";
import type { EntryInput, SearchQuery } from "./directory.schemas.ts";
import { countActivePlanReferences } from "./directory.usage.ts";
import { type FieldProblem, type ValidEntry, validateEntry } from "./directory.validation.ts";

export function invalidEntry(problems: FieldProblem[]) {
  const summary = problems.map((p) => `${p.field}: ${p.reason}`).join("; ");
  return unprocessable("invalidEntry", `De gegevens kloppen niet. ${summary}.`, { problems });
}

async function searchFor(
  ctx: DirectoryReader,
  municipalityCode: string,
  filters: SearchQuery,
  audience: "staff" | "public",
) {
  let near = null;
  if (filters.near) {
    near = (await findAreaPoint(ctx, filters.near, municipalityCode)) ?? null;
    if (!near)
      throw unprocessable(
        "unknownArea",
        `De buurt ${filters.near} ligt niet in deze gemeente of is onbekend.`,
      );
  }
  const areaCodes = filters.area ? await servingCodes(ctx, filters.area) : null;
  return searchEntries(ctx, filters, { audience, near, areaCodes });
}

/** Search for professionals: every entry of the municipality, with its internal fields. */
export async function findEntries(ctx: RequestContext, filters: SearchQuery) {
  const code = await municipalityCodeOf(ctx);
  const { total, rows } = await searchFor(ctx, code, filters, "staff");
  const day = today(ctx);
  return { total, items: rows.map((row) => presentEntry(row, day)) };
}

/** Search for residents: only public, active entries (row-level security), only public fields. */
export async function findPublicEntries(ctx: PublicContext, municipalityCode: string, filters: SearchQuery) {
  const publicFilters = { ...filters, includeInactive: false, reviewOverdue: false };
  const { total, rows } = await searchFor(ctx, municipalityCode, publicFilters, "public");
  return { municipalityName: ctx.municipalityName, total, items: rows.map(presentPublicEntry) };
}

export async function getPublicAreas(ctx: PublicContext, municipalityCode: string) {
  return { items: await listAreas(ctx, municipalityCode) };
}

export async function getAreas(ctx: RequestContext) {
  return { items: await listAreas(ctx, await municipalityCodeOf(ctx)) };
}

export async function getEntry(ctx: RequestContext, id: string) {
  const row = await findEntry(ctx, id);
  if (!row) throw notFound("Deze voorziening staat niet in de sociale kaart.");
  const role = ctx.actor.role;
  const manage = hasPermission(role, "directory.manage");
  return {
    entry: presentEntry(row, today(ctx)),
    activePlanReferences: await countActivePlanReferences(ctx, id),
    can: {
      edit: manage,
      deactivate: manage && row.deactivatedAt === null,
      suggest: hasPermission(role, "directory.suggest"),
    },
  };
}

/** Checks an entry against the rules and the municipality's CBS areas; throws 422 naming every field. */
export async function assertValidEntry(
  ctx: RequestContext,
  input: Record<string, unknown>,
): Promise<ValidEntry> {
  const areas = await loadAreaCatalogue(ctx, await municipalityCodeOf(ctx));
  const result = validateEntry(input, areas, today(ctx));
  if (!result.ok) throw invalidEntry(result.problems);
  return result.value;
}

async function assertExternalKeyFree(ctx: RequestContext, key: string, ownId: string | null) {
  const [existing] = await findEntriesByExternalKey(ctx, [key]);
  if (existing && existing.id !== ownId) {
    throw conflict("externalKeyTaken", `De sleutel "${key}" hoort al bij een andere voorziening.`);
  }
}

export async function createEntry(ctx: RequestContext, input: EntryInput | Record<string, unknown>) {
  const entry = await assertValidEntry(ctx, input);
  const id = randomUUID();
  const externalKey = entry.externalKey ?? id;
  await assertExternalKeyFree(ctx, externalKey, null);
  await insertEntry(ctx, id, { ...entry, externalKey });
  await ctx.audit({ action: "directory.entryCreated", resourceType: "directoryEntry", resourceId: id });
  return getEntry(ctx, id);
}

export async function changeEntry(
  ctx: RequestContext,
  id: string,
  input: EntryInput | Record<string, unknown>,
) {
  const current = await findEntry(ctx, id);
  if (!current) throw notFound("Deze voorziening staat niet in de sociale kaart.");
  const entry = await assertValidEntry(ctx, input);
  const externalKey = entry.externalKey ?? current.externalKey;
  await assertExternalKeyFree(ctx, externalKey, id);
  await updateEntry(ctx, id, { ...entry, externalKey });
  await ctx.audit({
    action: "directory.entryUpdated",
    resourceType: "directoryEntry",
    resourceId: id,
    details: { fields: changedFields(current as unknown as Record<string, unknown>, entry) },
  });
  return getEntry(ctx, id);
}

function changedFields(before: Record<string, unknown>, after: ValidEntry): string[] {
  return Object.entries(after)
    .filter(
      ([key, value]) =>
        key !== "externalKey" && JSON.stringify(before[key] ?? null) !== JSON.stringify(value),
    )
    .map(([key]) => key);
}

/**
 * Entries never disappear: they are deactivated with a reason. When active plans use the entry, the
 * caller must confirm the number of plans it was shown, so nobody removes a provision plans rely on
 * without knowing.
 */
export async function deactivateEntry(
  ctx: RequestContext,
  id: string,
  input: { reason: string; confirmActivePlanReferences?: number },
) {
  const current = await findEntry(ctx, id);
  if (!current) throw notFound("Deze voorziening staat niet in de sociale kaart.");
  if (current.deactivatedAt !== null)
    throw conflict("alreadyDeactivated", "Deze voorziening is al buiten gebruik gezet.");
  const references = await countActivePlanReferences(ctx, id);
  if (references > 0 && input.confirmActivePlanReferences !== references) {
    throw conflict(
      "entryInUse",
      `${references} lopende plannen gebruiken deze voorziening. Bevestig dat u haar toch buiten gebruik zet; de plannen houden de verwijzing.`,
      { activePlanReferences: references },
    );
  }
  await setDeactivation(ctx, id, input.reason.trim());
  await ctx.audit({
    action: "directory.entryDeactivated",
    resourceType: "directoryEntry",
    resourceId: id,
    details: { activePlanReferences: references },
  });
  return getEntry(ctx, id);
}

export async function reactivateEntry(ctx: RequestContext, id: string) {
  const current = await findEntry(ctx, id);
  if (!current) throw notFound("Deze voorziening staat niet in de sociale kaart.");
  if (current.deactivatedAt === null) throw conflict("notDeactivated", "Deze voorziening is in gebruik.");
  await setDeactivation(ctx, id, null);
  await ctx.audit({ action: "directory.entryReactivated", resourceType: "directoryEntry", resourceId: id });
  return getEntry(ctx, id);
}
