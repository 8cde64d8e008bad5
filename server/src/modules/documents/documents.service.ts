import { assertHouseholdAction, householdAccess } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertPortalHousehold } from "../portal/portal.scope.ts";
import type { Keyring } from "./documents.crypto.ts";
import { downloadName, typeByMediaType } from "./documents.intake.ts";
import { kindNames } from "./documents.kinds.ts";
import { type DocumentRow, findDocument, listHouseholdDocuments } from "./documents.repository.ts";

/** Use cases on documents that are stored: list, open (preview or download), withdraw. */
export const DOCUMENT_NOT_FOUND = "Dit document bestaat niet of u heeft er geen toegang toe.";

function linkOf(d: DocumentRow) {
  if (d.caseId) return { type: "case" as const, id: d.caseId };
  if (d.planGoalId) return { type: "planGoal" as const, id: d.planGoalId };
  if (d.journalEntryId) return { type: "journalEntry" as const, id: d.journalEntryId };
  if (d.signalId) return { type: "signal" as const, id: d.signalId };
  if (d.conferenceId) return { type: "conference" as const, id: d.conferenceId };
  return null;
}

export function present(
  d: DocumentRow,
  kinds: Map<string, string>,
  viewer: { userId: string; canWithdraw: boolean },
) {
  const type = typeByMediaType(d.mediaType);
  return {
    id: d.id,
    householdId: d.householdId,
    title: d.title,
    kind: d.kind,
    kindName: kinds.get(d.kind) ?? d.kind,
    documentDate: d.documentDate,
    confidentiality: d.confidentiality,
    status: d.status,
    scan: d.scan,
    fileName: type ? downloadName(d.fileName, type) : d.fileName,
    mediaType: d.mediaType,
    sizeBytes: Number(d.sizeBytes),
    sha256: d.sha256,
    source: d.source,
    uploadedAt: new Date(d.uploadedAt).toISOString(),
    uploadedByName: d.uploadedByName ?? null,
    uploadedByMe: d.uploadedByUserId === viewer.userId,
    link: linkOf(d),
    planVersion: d.planVersion,
    preview: d.status === "available" ? (type?.preview ?? null) : null,
    allowed: { withdraw: viewer.canWithdraw && d.status === "available" },
  };
}
export type DocumentView = ReturnType<typeof present>;

/** The household's documents the user may see (the database leaves out the others); audited. */
export async function listDocuments(ctx: RequestContext, householdId: string) {
  const access = await assertHouseholdAction(ctx, householdId, "read");
  const [rows, kinds] = await Promise.all([listHouseholdDocuments(ctx, householdId), kindNames(ctx)]);
  const canWithdraw = access.actions.includes("edit");
  await ctx.audit({
    action: "document.listed",
    resourceType: "document",
    householdId,
    details: { documentIds: rows.map((r) => r.id) },
  });
  return { items: rows.map((d) => present(d, kinds, { userId: ctx.actor.userId, canWithdraw })) };
}

/** The documents of the household in the portal: those shared with the resident and their own. */
export async function listPortalDocuments(ctx: RequestContext, householdId: string) {
  await assertPortalHousehold(ctx, householdId);
  const [rows, kinds] = await Promise.all([listHouseholdDocuments(ctx, householdId), kindNames(ctx)]);
  await ctx.audit({
    action: "document.listed",
    resourceType: "document",
    householdId,
    details: { documentIds: rows.map((r) => r.id), portal: true },
  });
  return {
    items: rows.map((d) => {
      const v = present(d, kinds, { userId: ctx.actor.userId, canWithdraw: false });
      // The resident sees who in words, not staff accounts.
      return { ...v, uploadedByName: null };
    }),
  };
}

/**
 * Opens a stored document for a preview or a download: it must be readable by the user (the database
 * decides, also for case-lead-only documents and the portal), checked and not withdrawn. Audited.
 */
export async function openDocument(
  ctx: RequestContext,
  keyring: Keyring,
  documentId: string,
  purpose: "preview" | "download",
) {
  const d = /^[0-9a-f-]{36}$/i.test(documentId) ? await findDocument(ctx, documentId) : undefined;
  if (!d) throw notFound(DOCUMENT_NOT_FOUND);
  if (ctx.actor.role === "resident") await assertPortalHousehold(ctx, d.householdId);
  else await assertHouseholdAction(ctx, d.householdId, "read");
  if (d.status !== "available")
    throw conflict(
      "documentScanning",
      "Dit document wordt nog gecontroleerd. Probeer het over een minuut opnieuw.",
    );
  const type = typeByMediaType(d.mediaType);
  if (purpose === "preview" && !type?.preview)
    throw unprocessable(
      "noPreview",
      "Van dit soort bestand is geen voorbeeld te zien. Download het bestand.",
    );
  const key = await keyring.keyById(ctx, d.keyId);
  await ctx.audit({
    action: purpose === "preview" ? "document.viewed" : "document.downloaded",
    resourceType: "document",
    resourceId: d.id,
    householdId: d.householdId,
    details: { kind: d.kind, confidentiality: d.confidentiality, portal: ctx.actor.role === "resident" },
  });
  return { document: d, key, fileName: type ? downloadName(d.fileName, type) : d.fileName };
}

/**
 * Withdraws a document with a reason: it is kept for the legal period (it goes with the household) but
 * nobody sees it any more. The reason stays in the document's record, not in the audit trail.
 */
export async function withdrawDocument(ctx: RequestContext, documentId: string, input: { reason: string }) {
  const d = await findDocument(ctx, documentId);
  if (!d) throw notFound(DOCUMENT_NOT_FOUND);
  await assertHouseholdAction(ctx, d.householdId, "edit");
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 1000)
    throw unprocessable(
      "reasonRequired",
      "Schrijf op waarom het document wordt ingetrokken (3 tot 1000 tekens).",
      {
        field: "reason",
      },
    );
  if (d.status !== "available")
    throw conflict(
      "documentScanning",
      "Dit document wordt nog gecontroleerd en kan nog niet worden ingetrokken.",
    );
  const result = await ctx.trx
    .updateTable("document")
    .set({ withdrawnAt: ctx.now, withdrawnByUserId: ctx.actor.userId, withdrawalReason: reason })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", documentId)
    .where("withdrawnAt", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound(DOCUMENT_NOT_FOUND);
  await ctx.audit({
    action: "document.withdrawn",
    resourceType: "document",
    resourceId: documentId,
    householdId: d.householdId,
    details: { kind: d.kind },
  });
  return { id: documentId };
}

/** What the upload page needs to know: the limits and whether files are checked by a virus scanner. */
export async function uploadSettings(ctx: RequestContext, householdId: string, limits: UploadLimits) {
  const access = await householdAccess(ctx, householdId);
  if (access.levels.length === 0) throw notFound(DOCUMENT_NOT_FOUND);
  return limits;
}
export interface UploadLimits {
  maxFileBytes: number;
  maxFilesPerUpload: number;
  maxHouseholdBytes: number;
  scanner: "configured" | "missingRefused" | "missingAllowed";
  accept: string[];
}
