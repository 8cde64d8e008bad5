import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { ROLES } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { DB } from "../../platform/db/schema.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { isCalendarDate } from "../households/residents.rules.ts";
import { categoryNames, DATA_CATEGORIES, DEFAULT_PURPOSES, isDataCategory } from "./categories.ts";
import {
  findConsent,
  findOpenCaseOf,
  findOrganisations,
  findPurposeByCode,
  householdIsSummaryVisible,
  insertConsent,
  insertPurpose,
  listConsents,
  listPurposes,
  markConsentWithdrawn,
  upsertCasePurpose,
} from "./privacy.repository.ts";
import type { ConsentInput, PurposeInput } from "./privacy.schemas.ts";

export async function getPurposes(ctx: RequestContext) {
  return { items: await listPurposes(ctx), categories: [...DATA_CATEGORIES] };
}

function assertCategories(categories: string[], field = "categories") {
  const unknown = categories.filter((c) => !isDataCategory(c));
  if (unknown.length > 0) {
    throw unprocessable(
      "unknownCategory",
      `Onbekende gegevenscategorie: ${unknown.join(", ")}. Kies uit de levensgebieden van de ZRM, personalia of hulpvraag.`,
      { field, categories: unknown },
    );
  }
  if (categories.length === 0)
    throw unprocessable("categoriesRequired", "Kies minstens één gegevenscategorie.", { field });
}

export async function createPurpose(ctx: RequestContext, input: PurposeInput) {
  assertCategories(input.categories);
  if (await findPurposeByCode(ctx, input.code)) {
    throw conflict("purposeExists", `Er staat al een doel met de code "${input.code}" in het register.`);
  }
  const id = randomUUID();
  await insertPurpose(ctx, {
    id,
    code: input.code,
    name: input.name.trim(),
    legalBasis: input.legalBasis,
    lawArticle: input.lawArticle.trim(),
    categories: [...new Set(input.categories)],
    retentionMonths: input.retentionMonths,
    retentionFrom: input.retentionFrom ?? "caseClosed",
    retentionAction: input.retentionAction ?? "delete",
    isDefault: false,
  });
  await ctx.audit({ action: "privacy.purposeCreated", resourceType: "processingPurpose", resourceId: id });
  return getPurposes(ctx);
}

/** Loads the starting register (the purposes not there yet). */
export async function loadDefaultPurposes(ctx: RequestContext) {
  const existing = new Set((await listPurposes(ctx)).map((p) => p.code));
  const hasDefault = (await listPurposes(ctx)).some((p) => p.isDefault);
  let added = 0;
  for (const p of DEFAULT_PURPOSES) {
    if (existing.has(p.code)) continue;
    await insertPurpose(ctx, { ...p, id: randomUUID(), isDefault: p.isDefault && !hasDefault });
    added++;
  }
  await ctx.audit({
    action: "privacy.purposesLoaded",
    resourceType: "processingPurpose",
    details: { added },
  });
  return getPurposes(ctx);
}

/** The same register written as the owner, for demo data and tests (arrange, not act). */
export async function seedDefaultPurposes(db: Kysely<DB>, municipalityId: string) {
  const existing = await db
    .selectFrom("processingPurpose")
    .select("code")
    .where("municipalityId", "=", municipalityId)
    .execute();
  const codes = new Set(existing.map((e) => e.code));
  for (const p of DEFAULT_PURPOSES) {
    if (codes.has(p.code)) continue;
    await db
      .insertInto("processingPurpose")
      .values({ ...p, id: randomUUID(), municipalityId })
      .execute();
  }
}

export async function setCasePurpose(ctx: RequestContext, householdId: string, purposeCode: string) {
  const openCase = await findOpenCaseOf(ctx, householdId);
  if (!openCase) throw notFound("Dit huishouden heeft geen lopende casus die u kunt inzien.");
  const purpose = await findPurposeByCode(ctx, purposeCode);
  if (!purpose?.active) {
    throw unprocessable("unknownPurpose", `Het doel "${purposeCode}" staat niet in het doelenregister.`, {
      field: "purposeCode",
    });
  }
  await upsertCasePurpose(ctx, openCase.id, householdId, purpose.id);
  await ctx.audit({
    action: "case.purposeSet",
    resourceType: "case",
    resourceId: openCase.id,
    householdId,
    details: { purposeId: purpose.id },
  });
  return { caseId: openCase.id, purposeCode: purpose.code };
}

async function assertHousehold(ctx: RequestContext, householdId: string) {
  if (!(await householdIsSummaryVisible(ctx, householdId)))
    throw notFound("Dit huishouden bestaat niet of u heeft er geen toegang toe.");
}

export async function getConsents(ctx: RequestContext, householdId: string) {
  await assertHousehold(ctx, householdId);
  const items = await listConsents(ctx, householdId);
  await ctx.audit({
    action: "consent.listed",
    resourceType: "consent",
    householdId,
    details: { count: items.length },
  });
  return { items: items.map(presentConsent) };
}

export async function recordConsent(ctx: RequestContext, householdId: string, input: ConsentInput) {
  await assertHousehold(ctx, householdId);
  const purpose = await findPurposeByCode(ctx, input.purposeCode);
  if (!purpose?.active) {
    throw unprocessable(
      "unknownPurpose",
      `Het doel "${input.purposeCode}" staat niet in het doelenregister van de gemeente.`,
      {
        field: "purposeCode",
      },
    );
  }
  assertCategories(input.categories);
  const outside = input.categories.filter((c) => !purpose.categories.includes(c));
  if (outside.length > 0) {
    throw unprocessable(
      "categoryOutsidePurpose",
      `Het doel "${purpose.name}" gebruikt geen gegevens over ${categoryNames(outside)}; toestemming daarvoor kan niet bij dit doel worden vastgelegd.`,
      { field: "categories", categories: outside },
    );
  }
  for (const [field, value] of [
    ["validFrom", input.validFrom],
    ["validUntil", input.validUntil],
  ] as const) {
    if (value != null && !isCalendarDate(value)) {
      throw unprocessable("invalidDate", `De datum ${value} bestaat niet.`, { field });
    }
  }
  if (input.validUntil != null && input.validUntil < input.validFrom) {
    throw unprocessable(
      "consentEndsBeforeStart",
      `De einddatum van de toestemming (${input.validUntil}) ligt vóór de begindatum (${input.validFrom}).`,
      { field: "validUntil" },
    );
  }
  const organisationIds = [...new Set(input.recipientOrganisationIds ?? [])];
  const known = new Set((await findOrganisations(ctx, organisationIds)).map((o) => o.id));
  const unknownOrganisations = organisationIds.filter((id) => !known.has(id));
  if (unknownOrganisations.length > 0) {
    throw unprocessable(
      "unknownOrganisation",
      `Onbekende organisatie: ${unknownOrganisations.join(", ")}. Kies ontvangers uit de organisaties van de gemeente.`,
      { field: "recipientOrganisationIds", organisationIds: unknownOrganisations },
    );
  }
  const roles = [...new Set(input.recipientRoles ?? [])];
  const badRoles = roles.filter(
    (r) => !["professional", "teamLead", "partner"].includes(r) || !(ROLES as readonly string[]).includes(r),
  );
  if (badRoles.length > 0) {
    throw unprocessable(
      "unknownRole",
      `Toestemming kan alleen gelden voor professionals, teamleiders of ketenpartners, niet voor: ${badRoles.join(", ")}.`,
      {
        field: "recipientRoles",
      },
    );
  }
  if (organisationIds.length + roles.length === 0) {
    throw unprocessable(
      "recipientRequired",
      "Geef aan welke organisaties of rollen de gegevens mogen ontvangen.",
      {
        field: "recipientOrganisationIds",
      },
    );
  }
  const id = randomUUID();
  await insertConsent(ctx, {
    id,
    householdId,
    residentId: input.residentId ?? null,
    purposeId: purpose.id,
    recipientOrganisationIds: organisationIds,
    recipientRoles: roles,
    categories: [...new Set(input.categories)],
    coversConferenceNaming: input.coversConferenceNaming ?? false,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    givenHow: input.givenHow,
    note: input.note?.trim() || null,
  });
  await ctx.audit({
    action: "consent.recorded",
    resourceType: "consent",
    resourceId: id,
    householdId,
    details: {
      purposeId: purpose.id,
      categories: input.categories.length,
      organisations: organisationIds.length,
      roles: roles.length,
    },
  });
  const saved = await findConsent(ctx, id);
  return presentConsent({
    ...(saved as NonNullable<typeof saved>),
    purposeCode: purpose.code,
    purposeName: purpose.name,
  });
}

export async function withdrawConsent(ctx: RequestContext, consentId: string, note: string | null) {
  const consent = await findConsent(ctx, consentId);
  if (!consent) throw notFound("Deze toestemming bestaat niet of u heeft er geen toegang toe.");
  if (consent.withdrawnAt) throw conflict("alreadyWithdrawn", "Deze toestemming is al ingetrokken.");
  await markConsentWithdrawn(ctx, consentId, note?.trim() || null);
  await ctx.audit({
    action: "consent.withdrawn",
    resourceType: "consent",
    resourceId: consentId,
    householdId: consent.householdId,
  });
  return { id: consentId, withdrawn: true };
}

type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number];
function presentConsent(c: ConsentRow) {
  return {
    id: c.id,
    householdId: c.householdId,
    residentId: c.residentId,
    purposeCode: c.purposeCode,
    purposeName: c.purposeName,
    recipientOrganisationIds: c.recipientOrganisationIds,
    recipientRoles: c.recipientRoles,
    categories: c.categories,
    coversConferenceNaming: c.coversConferenceNaming,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    givenHow: c.givenHow,
    note: c.note,
    recordedAt: new Date(c.recordedAt).toISOString(),
    withdrawnAt: c.withdrawnAt ? new Date(c.withdrawnAt).toISOString() : null,
  };
}
