import type { Role } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";
import { categoryNames, isDataCategory, LEGAL_BASIS_NAMES } from "./categories.ts";
import {
  findCasePurposeId,
  findDefaultPurpose,
  findOpenCaseOf,
  findOrganisations,
  findPurpose,
  findPurposeByCode,
  listConsents,
} from "./privacy.repository.ts";

/** The sharing actions that cross a boundary and so need a legal basis (and sometimes consent). */
export type SharingAction = "involveProfessional" | "routeCase" | "conferenceNamed" | "reciprocityMatch";

export interface SharingRecipient {
  organisationId: string | null;
  role?: Role | string | null;
  /** Shown in the explanation, e.g. the professional's name. */
  name?: string | null;
}

export interface SharingRequest {
  householdId: string;
  action: SharingAction;
  recipients: SharingRecipient[];
  /** The case the sharing is about; its recorded purpose applies. */
  caseId?: string | null;
  /** Overrides the case's purpose (e.g. "reciprocityMatching"). */
  purposeCode?: string | null;
  /** What is shared; defaults to every category the purpose may use. */
  categories?: string[];
}

export interface SharingDecision {
  purposeId: string;
  purposeCode: string;
  legalBasis: string;
  consentId: string | null;
}

const ACTION_NAMES: Record<SharingAction, string> = {
  involveProfessional: "een professional van een andere organisatie betrekken",
  routeCase: "de aanvraag doorzetten naar de backoffice",
  conferenceNamed: "het huishouden bij naam bespreken in het casusoverleg",
  reciprocityMatch: "een wederkerigheidskoppeling maken",
};

const DEFAULT_PURPOSE_FOR: Partial<Record<SharingAction, string>> = {
  reciprocityMatch: "reciprocityMatching",
};

async function resolvePurpose(ctx: RequestContext, request: SharingRequest) {
  const code = request.purposeCode ?? DEFAULT_PURPOSE_FOR[request.action];
  if (code) {
    const purpose = await findPurposeByCode(ctx, code);
    if (!purpose?.active) {
      throw unprocessable(
        "unknownPurpose",
        `Het verwerkingsdoel "${code}" staat niet in het doelenregister van de gemeente. Zonder doel en grondslag mag niets worden gedeeld.`,
        { missing: ["purpose"] },
      );
    }
    return purpose;
  }
  const caseId = request.caseId ?? (await findOpenCaseOf(ctx, request.householdId))?.id ?? null;
  const purposeId = caseId ? await findCasePurposeId(ctx, caseId) : null;
  const purpose = purposeId ? await findPurpose(ctx, purposeId) : await findDefaultPurpose(ctx);
  if (!purpose) {
    throw unprocessable(
      "noPurpose",
      "Voor deze casus is geen verwerkingsdoel vastgelegd en de gemeente heeft geen standaarddoel. Leg eerst vast met welk doel en op welke grondslag u gegevens deelt.",
      { missing: ["purpose"] },
    );
  }
  return purpose;
}

const formatDate = (value: string) => value.split("-").reverse().join("-");

/**
 * Checks that the basis (and, where required, the household's consent) covers sharing the given
 * categories with the given recipients for the purpose. Throws 422 with a plain Dutch explanation of
 * what is missing; returns what allowed it. Consent is required when the purpose's basis is consent,
 * and always for naming a household in a case conference.
 */
export async function assertSharingAllowed(
  ctx: RequestContext,
  request: SharingRequest,
): Promise<SharingDecision> {
  const purpose = await resolvePurpose(ctx, request);
  const categories = request.categories ?? purpose.categories;
  const unknown = categories.filter((c) => !isDataCategory(c));
  if (unknown.length > 0) {
    throw unprocessable("unknownCategory", `Onbekende gegevenscategorie: ${unknown.join(", ")}.`, {
      categories: unknown,
    });
  }
  const outside = categories.filter((c) => !purpose.categories.includes(c));
  if (outside.length > 0) {
    throw unprocessable(
      "categoryOutsidePurpose",
      `Het doel "${purpose.name}" mag geen gegevens over ${categoryNames(outside)} gebruiken, dus die mogen ook niet worden gedeeld.`,
      { missing: ["basis"], categories: outside },
    );
  }
  const decision = { purposeId: purpose.id, purposeCode: purpose.code, legalBasis: purpose.legalBasis };
  const needsConsent = purpose.legalBasis === "consent" || request.action === "conferenceNamed";
  if (!needsConsent) return { ...decision, consentId: null };

  const today = todayInNetherlands(ctx.now);
  const all = (await listConsents(ctx, request.householdId)).filter((c) => c.purposeId === purpose.id);
  const valid = all.filter(
    (c) => !c.withdrawnAt && c.validFrom <= today && (c.validUntil === null || c.validUntil >= today),
  );
  const why =
    request.action === "conferenceNamed"
      ? "Bij naam bespreken in een casusoverleg kan alleen met toestemming van het huishouden"
      : `Het doel "${purpose.name}" heeft als grondslag ${LEGAL_BASIS_NAMES[purpose.legalBasis]} (${purpose.lawArticle})`;
  if (valid.length === 0) {
    const lapsed = all[0];
    let detail = "er is geen toestemming vastgelegd";
    if (lapsed?.withdrawnAt)
      detail = `de toestemming is ingetrokken op ${formatDate(todayInNetherlands(new Date(lapsed.withdrawnAt)))}`;
    else if (lapsed?.validUntil && lapsed.validUntil < today)
      detail = `de toestemming is verlopen op ${formatDate(lapsed.validUntil)}`;
    else if (lapsed && lapsed.validFrom > today)
      detail = `de toestemming gaat pas in op ${formatDate(lapsed.validFrom)}`;
    throw unprocessable(
      "consentMissing",
      `U kunt niet ${ACTION_NAMES[request.action]}: ${why}, en ${detail}. Vraag het huishouden om toestemming en leg die vast (wie, welke gegevens, welke periode, hoe gegeven).`,
      { missing: ["consent"], purpose: purpose.code },
    );
  }

  const organisationNames = new Map(
    (
      await findOrganisations(
        ctx,
        request.recipients.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
      )
    ).map((o) => [o.id, o.name]),
  );
  const problems: string[] = [];
  let usedConsent: string | null = null;
  for (const recipient of request.recipients) {
    const label = recipient.name ?? organisationNames.get(recipient.organisationId ?? "") ?? "deze ontvanger";
    const forRecipient = valid.filter(
      (c) =>
        (recipient.organisationId !== null &&
          c.recipientOrganisationIds.includes(recipient.organisationId)) ||
        (recipient.role != null && c.recipientRoles.includes(recipient.role)),
    );
    if (forRecipient.length === 0) {
      problems.push(
        `de toestemming geldt niet voor ${label}${recipient.organisationId && recipient.name ? ` (${organisationNames.get(recipient.organisationId) ?? "onbekende organisatie"})` : ""}`,
      );
      continue;
    }
    const covering = forRecipient.find((c) => categories.every((k) => c.categories.includes(k)));
    if (!covering) {
      const best = forRecipient[0]?.categories ?? [];
      problems.push(
        `de toestemming voor ${label} dekt geen gegevens over ${categoryNames(categories.filter((k) => !best.includes(k)))}`,
      );
      continue;
    }
    if (request.action === "conferenceNamed" && !covering.coversConferenceNaming) {
      problems.push(
        `de toestemming voor ${label} staat niet toe dat het huishouden bij naam wordt besproken`,
      );
      continue;
    }
    usedConsent ??= covering.id;
  }
  if (problems.length > 0 || usedConsent === null) {
    throw unprocessable(
      "consentMissing",
      `U kunt niet ${ACTION_NAMES[request.action]}: ${why}, en ${problems.join("; ") || "er is geen ontvanger opgegeven"}.`,
      { missing: ["consent"], purpose: purpose.code, problems },
    );
  }
  return { ...decision, consentId: usedConsent };
}
