import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import type { ZrmVersion } from "../households/dossier.tables.ts";
import { assertPastDate } from "../households/residents.rules.ts";
import { findDomain, parseLevelDescriptions, ZRM_ATTRIBUTION, ZRM_DOMAINS, ZRM_LEVELS } from "./zrm.ts";

export interface ScoreInput {
  domain: string;
  level: number;
  residentLevel?: number | null;
  note?: string | null;
  assessedOn?: string | null;
}

export interface AssessmentInput {
  residentId: string;
  assessedOn: string;
  scores: ScoreInput[];
}

export async function municipalityZrmVersion(ctx: RequestContext): Promise<ZrmVersion> {
  const m = await ctx.trx.selectFrom("municipality").select("zrmVersion").executeTakeFirstOrThrow();
  return m.zrmVersion;
}

const isLevel = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 5;

/**
 * Records a ZRM for one member of the case's household, on the municipality's current version.
 * Every domain must belong to that version; levels are 1–5; the resident's own score is optional.
 */
export async function insertAssessment(
  ctx: RequestContext,
  c: { id: string; householdId: string },
  input: AssessmentInput,
  kind: "regular" | "final" = "regular",
) {
  const version = await municipalityZrmVersion(ctx);
  assertPastDate(input.assessedOn, ctx.now, "De datum van de ZRM", "assessedOn");
  if (input.scores.length === 0) {
    throw unprocessable("scoresRequired", "Vul voor ten minste één leefgebied een niveau in.", {
      field: "scores",
    });
  }
  const member = await ctx.trx
    .selectFrom("householdMember")
    .select("residentId")
    .where("householdId", "=", c.householdId)
    .where("residentId", "=", input.residentId)
    .executeTakeFirst();
  if (!member) {
    throw unprocessable("residentNotInHousehold", "Deze inwoner hoort niet bij dit huishouden.", {
      field: "residentId",
    });
  }
  const seen = new Set<string>();
  const rows = input.scores.map((s) => {
    const domain = findDomain(version, s.domain);
    if (!domain) {
      throw unprocessable(
        "unknownDomain",
        `"${s.domain}" is geen leefgebied van de Zelfredzaamheid-Matrix ${version}.`,
        { field: "domain", domain: s.domain },
      );
    }
    if (seen.has(domain.key)) {
      throw unprocessable("domainTwice", `Het leefgebied ${domain.name} staat twee keer in deze ZRM.`, {
        domain: domain.key,
      });
    }
    seen.add(domain.key);
    if (!isLevel(s.level)) {
      throw unprocessable(
        "invalidLevel",
        `${domain.name}: het niveau moet een geheel getal van 1 tot en met 5 zijn.`,
        {
          field: "level",
          domain: domain.key,
        },
      );
    }
    if (s.residentLevel !== undefined && s.residentLevel !== null && !isLevel(s.residentLevel)) {
      throw unprocessable(
        "invalidLevel",
        `${domain.name}: de eigen score van de inwoner moet een geheel getal van 1 tot en met 5 zijn.`,
        { field: "residentLevel", domain: domain.key },
      );
    }
    const assessedOn = s.assessedOn ?? input.assessedOn;
    assertPastDate(assessedOn, ctx.now, `${domain.name}: de datum`, "assessedOn");
    const note = s.note?.trim() || null;
    if (note && note.length > 2000)
      throw unprocessable("noteTooLong", `${domain.name}: de toelichting is te lang.`);
    return {
      domain: domain.key,
      dataCategory: domain.dataCategory,
      level: s.level,
      residentLevel: s.residentLevel ?? null,
      note,
      assessedOn,
    };
  });
  const id = randomUUID();
  const municipalityId = ctx.actor.municipalityId;
  await ctx.trx
    .insertInto("assessment")
    .values({
      municipalityId,
      id,
      caseId: c.id,
      householdId: c.householdId,
      residentId: input.residentId,
      zrmVersion: version,
      kind,
      assessedOn: input.assessedOn,
      assessorUserId: ctx.actor.userId,
      recordedAt: ctx.now,
    })
    .execute();
  await ctx.trx
    .insertInto("assessmentScore")
    .values(
      rows.map((r) => ({
        ...r,
        municipalityId,
        assessmentId: id,
        householdId: c.householdId,
        assessorUserId: ctx.actor.userId,
      })),
    )
    .execute();
  return { id, version, acuteDomains: rows.filter((r) => r.level === 1).map((r) => r.domain) };
}

/** The instrument as the municipality uses it: domains per version, level names, its own descriptions. */
export async function getInstrument(ctx: RequestContext) {
  const version = await municipalityZrmVersion(ctx);
  const descriptions = await ctx.trx
    .selectFrom("zrmLevelDescription")
    .select(["zrmVersion", "domain", "level", "description"])
    .orderBy("domain")
    .orderBy("level")
    .execute();
  return {
    attribution: ZRM_ATTRIBUTION,
    municipalityVersion: version,
    versions: (["2010", "2017"] as const).map((v) => ({
      version: v,
      domains: ZRM_DOMAINS[v].map((d) => ({ ...d })),
    })),
    levels: ZRM_LEVELS.map((l) => ({ ...l })),
    descriptions,
  };
}

export async function importLevelDescriptions(
  ctx: RequestContext,
  input: { version: ZrmVersion; text: string },
) {
  const { rows, errors } = parseLevelDescriptions(input.version, input.text);
  if (errors.length > 0) {
    throw unprocessable(
      "invalidDescriptions",
      `Het bestand is niet ingelezen: ${errors.slice(0, 5).join(" ")}`,
      { errors },
    );
  }
  await ctx.trx.deleteFrom("zrmLevelDescription").where("zrmVersion", "=", input.version).execute();
  await ctx.trx
    .insertInto("zrmLevelDescription")
    .values(rows.map((r) => ({ ...r, municipalityId: ctx.actor.municipalityId, zrmVersion: input.version })))
    .execute();
  await ctx.audit({
    action: "zrm.descriptionsImported",
    resourceType: "zrm",
    resourceId: input.version,
    details: { version: input.version, count: rows.length },
  });
  return { imported: rows.length };
}

export async function chooseZrmVersion(ctx: RequestContext, version: ZrmVersion) {
  const result = await ctx.trx.updateTable("municipality").set({ zrmVersion: version }).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound();
  await ctx.audit({
    action: "zrm.versionChosen",
    resourceType: "zrm",
    resourceId: version,
    details: { version },
  });
  return getInstrument(ctx);
}
