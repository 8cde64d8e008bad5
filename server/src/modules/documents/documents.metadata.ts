import type { RequestContext } from "../../platform/context.ts";
import { badRequest, unprocessable } from "../../platform/http/errors.ts";
import { assertPastDate } from "../households/residents.rules.ts";
import { assertKind } from "./documents.kinds.ts";
import type { Confidentiality, DocumentSource } from "./documents.tables.ts";

/** The form fields of an upload, sent before the files; checked before any byte is stored. */
export interface UploadTarget {
  householdId: string;
  source: Exclude<DocumentSource, "planAgreement">;
}

export interface Metadata {
  kind: string;
  documentDate: string | null;
  confidentiality: Confidentiality;
  titles: string[];
  links: {
    caseId: string | null;
    planGoalId: string | null;
    journalEntryId: string | null;
    signalId: string | null;
    conferenceId: string | null;
  };
}

const TEAM_FIELDS = new Set(["kind", "documentDate", "confidentiality", "linkType", "linkId", "title"]);
const PORTAL_FIELDS = new Set(["title"]);
const CONFIDENTIALITY: readonly Confidentiality[] = ["team", "caseLead", "resident"];
const LINK_TYPES = ["case", "planGoal", "journalEntry", "signal", "conference"] as const;
type LinkType = (typeof LINK_TYPES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const one = (fields: Record<string, string[]>, name: string) => {
  const values = fields[name];
  if (values && values.length > 1)
    throw badRequest("fieldRepeated", `Het veld ${name} staat er meer dan eens in.`, { field: name });
  const v = values?.[0]?.trim();
  return v ? v : null;
};

export async function parseMetadata(
  ctx: RequestContext,
  fields: Record<string, string[]>,
  target: UploadTarget,
): Promise<Metadata> {
  const allowed = target.source === "portal" ? PORTAL_FIELDS : TEAM_FIELDS;
  for (const name of Object.keys(fields))
    if (!allowed.has(name)) throw badRequest("unknownField", `Onbekend veld: ${name}.`, { field: name });
  const titles = (fields.title ?? []).map((t) => t.trim().replace(/\s+/g, " "));
  if (titles.some((t) => t.length > 200))
    throw unprocessable("titleTooLong", "Een titel mag hoogstens 200 tekens lang zijn.", { field: "title" });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: titles are one line of plain text
  if (titles.some((t) => /[\u0000-\u001f\u007f]/.test(t)))
    throw unprocessable("titleInvalid", "Een titel mag geen onzichtbare tekens bevatten.", {
      field: "title",
    });
  const noLinks = {
    caseId: null,
    planGoalId: null,
    journalEntryId: null,
    signalId: null,
    conferenceId: null,
  };
  if (target.source === "portal")
    return { kind: "other", documentDate: null, confidentiality: "caseLead", titles, links: noLinks };

  const kind = one(fields, "kind");
  if (!kind) throw unprocessable("kindRequired", "Kies wat voor document het is.", { field: "kind" });
  await assertKind(ctx, kind);
  const confidentiality = (one(fields, "confidentiality") ?? "team") as Confidentiality;
  if (!CONFIDENTIALITY.includes(confidentiality))
    throw unprocessable("confidentialityInvalid", "Kies wie het document mag zien.", {
      field: "confidentiality",
    });
  if (kind === "medical" && confidentiality !== "caseLead")
    throw unprocessable(
      "medicalForCaseLead",
      "Medische informatie is alleen voor de regiehouder en wie het document toevoegt. Kies 'Alleen regiehouder en mij'.",
      { field: "confidentiality" },
    );
  const documentDate = one(fields, "documentDate");
  if (documentDate) assertPastDate(documentDate, ctx.now, "De datum van het document", "documentDate");
  const linkType = one(fields, "linkType");
  const linkId = one(fields, "linkId");
  if (!linkType !== !linkId)
    throw unprocessable("linkIncomplete", "Kies waar het document bij hoort, of laat beide velden leeg.", {
      field: "linkId",
    });
  const links: Metadata["links"] = { ...noLinks };
  if (linkType && linkId) {
    if (!(LINK_TYPES as readonly string[]).includes(linkType) || !UUID.test(linkId))
      throw unprocessable("linkInvalid", "Dit onderdeel van het dossier bestaat niet.", { field: "linkId" });
    await assertLink(ctx, target.householdId, linkType as LinkType, linkId);
    links[
      `${linkType === "case" ? "case" : linkType === "conference" ? "conference" : linkType}Id` as keyof typeof links
    ] = linkId;
  }
  return { kind, documentDate, confidentiality, titles, links };
}

/** The linked record must be part of this household's dossier (and readable by the uploader). */
async function assertLink(ctx: RequestContext, householdId: string, type: LinkType, id: string) {
  const m = ctx.actor.municipalityId;
  const t = ctx.trx;
  const found =
    type === "case"
      ? await t
          .selectFrom("caseFile")
          .select("id")
          .where("municipalityId", "=", m)
          .where("id", "=", id)
          .where("householdId", "=", householdId)
          .executeTakeFirst()
      : type === "planGoal"
        ? await t
            .selectFrom("planGoal")
            .select("id")
            .where("municipalityId", "=", m)
            .where("id", "=", id)
            .where("householdId", "=", householdId)
            .executeTakeFirst()
        : type === "journalEntry"
          ? await t
              .selectFrom("journalEntry")
              .select("id")
              .where("municipalityId", "=", m)
              .where("id", "=", id)
              .where("householdId", "=", householdId)
              .executeTakeFirst()
          : type === "signal"
            ? await t
                .selectFrom("signal")
                .select("id")
                .where("municipalityId", "=", m)
                .where("id", "=", id)
                .where("householdId", "=", householdId)
                .executeTakeFirst()
            : await t
                .selectFrom("conferenceAgendaItem")
                .select("conferenceId as id")
                .where("municipalityId", "=", m)
                .where("conferenceId", "=", id)
                .where("householdId", "=", householdId)
                .executeTakeFirst();
  if (!found)
    throw unprocessable(
      "linkNotInHousehold",
      "Dit onderdeel hoort niet bij dit huishouden, of u kunt het niet zien.",
      { field: "linkId" },
    );
}
