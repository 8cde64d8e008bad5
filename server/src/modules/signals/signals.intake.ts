import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { unprocessable } from "../../platform/http/errors.ts";
import { normalisePostcode } from "../households/residents.rules.ts";
import type { IntakeContext } from "./signals.context.ts";
import {
  findArea,
  findDeadlineSettings,
  findReporterSignal,
  insertSignal,
  listRoutingCandidates,
} from "./signals.repository.ts";
import { addressKey, newReferenceCode, reporterStatus, triageDeadline } from "./signals.rules.ts";
import type { SignalInput } from "./signals.schemas.ts";
import type { SignalSource } from "./signals.tables.ts";
import { isSignalCategory, type SignalCategory, SPECIAL_CATEGORIES } from "./signals.vocabulary.ts";

export const OBSERVATION_MIN = 10;
export const OBSERVATION_MAX = 4000;

const blank = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

const invalid = (code: string, field: string, message: string) => unprocessable(code, message, { field });

/** Checks and normalises a signal; every problem gets its own Dutch message and nothing is stored. */
export async function validateSignal(
  ctx: IntakeContext,
  input: SignalInput,
  options: { anonymous: boolean },
) {
  if (!isSignalCategory(input.category)) {
    throw invalid(
      "unknownCategory",
      "category",
      `De categorie "${input.category}" bestaat niet. Kies een categorie uit de lijst.`,
    );
  }
  const observation = input.observation.trim();
  if (observation.length < OBSERVATION_MIN) {
    throw invalid(
      "observationTooShort",
      "observation",
      `Beschrijf wat u zag of hoorde in ten minste ${OBSERVATION_MIN} tekens.`,
    );
  }
  if (observation.length > OBSERVATION_MAX) {
    throw invalid(
      "observationTooLong",
      "observation",
      `De beschrijving is te lang: ten hoogste ${OBSERVATION_MAX} tekens, u stuurde er ${observation.length}.`,
    );
  }
  const rawCode = blank(input.neighbourhoodCode);
  if (!rawCode) {
    throw invalid("neighbourhoodRequired", "neighbourhoodCode", "Kies de buurt waar het signaal over gaat.");
  }
  const code = rawCode.toUpperCase();
  const area = /^BU[0-9]{8}$/.test(code) ? await findArea(ctx, code) : undefined;
  if (!area) {
    throw invalid(
      "unknownNeighbourhood",
      "neighbourhoodCode",
      `De buurt ${code} is onbekend in deze gemeente. Kies een buurt uit de lijst.`,
    );
  }
  const street = blank(input.street);
  if (street && street.length > 200)
    throw invalid("streetTooLong", "street", "De straatnaam is te lang (ten hoogste 200 tekens).");

  let person: { name: string; postcode: string; houseNumber: number; addition: string | null } | null = null;
  if (input.subject === "person") {
    const name = blank(input.personName);
    if (!name) {
      throw invalid(
        "personRequired",
        "personName",
        "Vul de naam in van de persoon of het huishouden om wie het gaat.",
      );
    }
    if (name.length > 200)
      throw invalid("personNameTooLong", "personName", "De naam is te lang (ten hoogste 200 tekens).");
    const rawPostcode = blank(input.postcode);
    if (!rawPostcode || input.houseNumber == null) {
      throw invalid(
        "addressRequired",
        "postcode",
        "Vul het adres in: postcode en huisnummer van de persoon of het huishouden.",
      );
    }
    const postcode = normalisePostcode(rawPostcode);
    if (!postcode) {
      throw invalid(
        "invalidPostcode",
        "postcode",
        `De postcode "${rawPostcode}" is ongeldig. Gebruik vier cijfers en twee letters, zoals 3563 AB.`,
      );
    }
    if (input.houseNumber < 1 || input.houseNumber > 99999) {
      throw invalid(
        "invalidHouseNumber",
        "houseNumber",
        "Het huisnummer moet een getal van 1 tot en met 99999 zijn.",
      );
    }
    const addition = blank(input.houseNumberAddition);
    if (addition && !/^[A-Za-z0-9 -]{1,6}$/.test(addition)) {
      throw invalid(
        "invalidHouseNumberAddition",
        "houseNumberAddition",
        "De toevoeging bij het huisnummer is ongeldig (bijvoorbeeld A, 2 of bis).",
      );
    }
    person = { name, postcode, houseNumber: input.houseNumber, addition };
  }

  const reporter = options.anonymous
    ? { name: null, phone: null, email: null }
    : {
        name: blank(input.reporterName),
        phone: blank(input.reporterPhone),
        email: blank(input.reporterEmail),
      };
  if (reporter.name && reporter.name.length > 200)
    throw invalid("reporterNameTooLong", "reporterName", "Uw naam is te lang (ten hoogste 200 tekens).");
  if (reporter.phone && !/^[+0-9 ()-]{6,20}$/.test(reporter.phone)) {
    throw invalid(
      "invalidPhone",
      "reporterPhone",
      "Het telefoonnummer is ongeldig. Gebruik alleen cijfers, spaties, +, - en haakjes.",
    );
  }
  if (reporter.email && (reporter.email.length > 200 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(reporter.email))) {
    throw invalid("invalidEmail", "reporterEmail", "Het e-mailadres is ongeldig.");
  }
  return { category: input.category as SignalCategory, observation, area, street, person, reporter };
}

/**
 * The team that serves a signal: the most specific routing rule (buurt 8, wijk 4, category 2, source 1;
 * ties go to the oldest rule), otherwise the team whose area codes hold the buurt, then its wijk.
 */
export async function routeSignal(
  ctx: IntakeContext,
  signal: { neighbourhoodCode: string; districtCode: string | null; category: string; source: SignalSource },
): Promise<{ teamId: string | null; ruleId: string | null }> {
  const { rules, teams } = await listRoutingCandidates(ctx);
  let best: { score: number; teamId: string; ruleId: string } | null = null;
  for (const rule of rules) {
    let score = 0;
    if (rule.areaCode !== null) {
      if (rule.areaCode === signal.neighbourhoodCode) score += 8;
      else if (rule.areaCode === signal.districtCode) score += 4;
      else continue;
    }
    if (rule.category !== null) {
      if (rule.category !== signal.category) continue;
      score += 2;
    }
    if (rule.source !== null) {
      if (rule.source !== signal.source) continue;
      score += 1;
    }
    if (!best || score > best.score) best = { score, teamId: rule.teamId, ruleId: rule.id };
  }
  if (best) return { teamId: best.teamId, ruleId: best.ruleId };
  const byBuurt = teams.find((t) => t.areaCodes.includes(signal.neighbourhoodCode));
  const byWijk = signal.districtCode
    ? teams.find((t) => t.areaCodes.includes(signal.districtCode ?? ""))
    : undefined;
  return { teamId: (byBuurt ?? byWijk)?.id ?? null, ruleId: null };
}

/** Takes in a validated signal from any channel: deadline, routing, grouping by address, audit. */
export async function intakeSignal(
  ctx: IntakeContext,
  input: SignalInput,
  extra: { anonymous?: boolean; externalReference?: string | null } = {},
) {
  const anonymous = ctx.channel.source === "public" && (extra.anonymous ?? false);
  const v = await validateSignal(ctx, input, { anonymous });
  const channel = ctx.channel;
  const source = channel.source;
  const settings = await findDeadlineSettings(ctx);
  const route = await routeSignal(ctx, {
    neighbourhoodCode: v.area.code,
    districtCode: v.area.districtCode,
    category: v.category,
    source,
  });
  const id = randomUUID();
  const key = v.person ? addressKey(v.person.postcode, v.person.houseNumber, v.person.addition) : null;
  const group = key
    ? (
        await sql<{
          groupId: string | null;
        }>`select app_signal_group_for_address(${key}) as group_id`.execute(ctx.trx)
      ).rows[0]?.groupId
    : null;
  const referenceCode = newReferenceCode();
  const reporterName = v.reporter.name ?? (channel.source === "partner" ? channel.displayName : null);
  await insertSignal(ctx, {
    id,
    referenceCode,
    source,
    reporterUserId: channel.source === "partner" ? channel.userId : null,
    reporterOrganisationId: channel.source === "public" ? null : channel.organisationId,
    apiKeyId: channel.source === "api" ? channel.apiKeyId : null,
    externalReference: extra.externalReference ?? null,
    subjectKind: input.subject,
    personName: v.person?.name ?? null,
    postcode: v.person?.postcode ?? null,
    houseNumber: v.person?.houseNumber ?? null,
    houseNumberAddition: v.person?.addition ?? null,
    street: v.street,
    neighbourhoodCode: v.area.code,
    addressKey: key,
    category: v.category,
    dataCategory: SPECIAL_CATEGORIES.includes(v.category) ? "special" : "ordinary",
    urgency: input.urgency,
    observation: v.observation,
    residentAware: input.residentAware,
    anonymous,
    reporterName,
    reporterPhone: v.reporter.phone,
    reporterEmail: v.reporter.email,
    teamId: route.teamId,
    routingRuleId: route.ruleId,
    groupId: group ?? id,
    receivedAt: ctx.now,
    deadlineAt: triageDeadline(ctx.now, input.urgency, settings),
  });
  await ctx.audit({
    action: "signal.submitted",
    resourceType: "signal",
    resourceId: id,
    teamId: route.teamId,
    details: {
      source,
      dataCategory: SPECIAL_CATEGORIES.includes(v.category) ? "special" : "ordinary",
      urgency: input.urgency,
      routedBy: route.ruleId ? "rule" : route.teamId ? "teamArea" : "unrouted",
      grouped: group !== null && group !== undefined,
    },
  });
  return { id, referenceCode, status: reporterStatus("new"), receivedAt: ctx.now.toISOString() };
}

/** The partner system's answer for a reference it sent before: the existing signal, not a second one. */
export async function findExistingApiSignal(ctx: IntakeContext, externalReference: string) {
  const existing = await findReporterSignal(ctx, { externalReference });
  if (!existing) return null;
  await ctx.audit({
    action: "signal.duplicateSubmitted",
    resourceType: "signal",
    resourceId: existing.id,
  });
  return existing;
}
