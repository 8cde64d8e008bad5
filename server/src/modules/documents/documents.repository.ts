import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { DocumentTable } from "./documents.tables.ts";

/** Kysely queries on documents; every one through the request's transaction (row-level security). */
export type NewDocument = Omit<
  DocumentTable,
  | "uploadedAt"
  | "municipalityId"
  | "sizeBytes"
  | "chunkCount"
  | "sha256"
  | "withdrawnAt"
  | "withdrawnByUserId"
  | "withdrawalReason"
> & { uploadedAt: Date };

/** bytea comes back as a Buffer from pg and as a Uint8Array from PGlite. */
export const toBuffer = (v: Uint8Array): Buffer =>
  Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);

export async function insertDocument(ctx: RequestContext, values: NewDocument) {
  await ctx.trx
    .insertInto("document")
    .values({
      ...values,
      municipalityId: ctx.actor.municipalityId,
      sha256: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
      withdrawalReason: null,
    })
    .execute();
}

export async function insertChunk(
  ctx: RequestContext,
  documentId: string,
  seq: number,
  chunk: { nonce: Buffer; data: Buffer },
) {
  await ctx.trx
    .insertInto("documentChunk")
    .values({
      municipalityId: ctx.actor.municipalityId,
      documentId,
      seq,
      nonce: chunk.nonce,
      // As base64 text decoded by the database: the embedded database takes a 1 MB bytea parameter ten
      // times slower than this (measured; see bench/README.md). PostgreSQL gets a smaller message too.
      data: sql<Buffer>`decode(${chunk.data.toString("base64")}, 'base64')`,
    })
    .execute();
}

export async function readChunks(ctx: RequestContext, documentId: string, fromSeq: number, toSeq: number) {
  const rows = await ctx.trx
    .selectFrom("documentChunk")
    .select(["seq", "nonce", "data"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("documentId", "=", documentId)
    .where("seq", ">=", fromSeq)
    .where("seq", "<=", toSeq)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({ seq: r.seq, nonce: toBuffer(r.nonce), data: toBuffer(r.data) }));
}

export async function markAvailable(
  ctx: RequestContext,
  documentId: string,
  values: {
    sizeBytes: number;
    sha256: string;
    chunkCount: number;
    scan: "clean" | "notScanned" | "generated";
    mediaType: string;
  },
) {
  const result = await ctx.trx
    .updateTable("document")
    .set({ status: "available", ...values })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", documentId)
    .where("status", "=", "scanning")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes an upload that did not pass, with its chunks (cascade). */
export async function deleteUnfinished(ctx: RequestContext, documentId: string) {
  await ctx.trx
    .deleteFrom("document")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", documentId)
    .where("status", "=", "scanning")
    .execute();
}

export async function householdBytes(ctx: RequestContext, householdId: string): Promise<number> {
  const row = (
    await sql<{
      bytes: number | null;
    }>`select app_household_document_bytes(${householdId}::uuid) as bytes`.execute(ctx.trx)
  ).rows[0];
  return Number(row?.bytes ?? 0);
}

const LISTED = [
  "d.id",
  "d.householdId",
  "d.title",
  "d.kind",
  "d.documentDate",
  "d.confidentiality",
  "d.status",
  "d.scan",
  "d.fileName",
  "d.mediaType",
  "d.sizeBytes",
  "d.sha256",
  "d.keyId",
  "d.chunkCount",
  "d.source",
  "d.uploadedByUserId",
  "d.uploadedAt",
  "d.caseId",
  "d.planGoalId",
  "d.journalEntryId",
  "d.signalId",
  "d.conferenceId",
  "d.planId",
  "d.planVersion",
  "u.displayName as uploadedByName",
] as const;

function documents(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("document as d")
    .leftJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "d.municipalityId").onRef("u.id", "=", "d.uploadedByUserId"),
    )
    .select(LISTED)
    .where("d.municipalityId", "=", ctx.actor.municipalityId)
    .where("d.withdrawnAt", "is", null);
}

export type DocumentRow = Awaited<ReturnType<typeof findDocument>> & {};

export function findDocument(ctx: RequestContext, documentId: string) {
  return documents(ctx).where("d.id", "=", documentId).executeTakeFirst();
}

export function listHouseholdDocuments(ctx: RequestContext, householdId: string) {
  return documents(ctx)
    .where("d.householdId", "=", householdId)
    .orderBy("d.uploadedAt", "desc")
    .orderBy("d.id")
    .execute();
}
