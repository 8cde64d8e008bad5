import { createHash, randomUUID } from "node:crypto";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { AuditInput } from "../../platform/audit/actions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { AppError, badRequest } from "../../platform/http/errors.ts";
import { assertPortalHousehold } from "../portal/portal.scope.ts";
import type { DocumentsConfig } from "./documents.config.ts";
import { CHUNK_BYTES, type DataKey, encryptChunk, type Keyring } from "./documents.crypto.ts";
import { type AllowedType, assertFileName, ContentInspector } from "./documents.intake.ts";
import { kindNames } from "./documents.kinds.ts";
import { type Metadata, parseMetadata, type UploadTarget } from "./documents.metadata.ts";
import {
  deleteUnfinished,
  findDocument,
  householdBytes,
  insertChunk,
  insertDocument,
  markAvailable,
} from "./documents.repository.ts";
import { openScan, ScannerError, type ScanSession } from "./documents.scanner.ts";
import { present } from "./documents.service.ts";
import { randomAccess } from "./documents.stream.ts";
import { checkZip } from "./documents.zip-check.ts";

/**
 * Receiving files (issue 20). Each file streams through once: its first bytes decide the type, the
 * bytes go to ClamAV as they arrive, are hashed and stored encrypted in 1 MB chunks, each chunk in a
 * short transaction of its own (the embedded database is not held while a phone uploads). Until every
 * file of the upload passed all checks, each is 'scanning' ("wordt gecontroleerd") and nobody can open
 * it; then all become available in one transaction. Anything that fails — a refusal, the scanner,
 * the connection — removes every file of the upload again: nothing half-stored.
 */
export interface UploadDeps {
  config: DocumentsConfig;
  keyring: Keyring;
}

interface Staged {
  id: string;
  index: number;
  sizeBytes: number;
  sha256: string;
  chunkCount: number;
  type: AllowedType;
}

export const NO_SCANNER_WARNING =
  "Let op: er is geen virusscanner ingesteld. Bestanden worden niet op virussen gecontroleerd (dit mag alleen in een test- of ontwikkelomgeving).";

/** Content refusals that are audited as document.refused (with the reason code, never the file). */
const AUDITED = new Set([
  "virusFound",
  "executable",
  "typeNotAllowed",
  "legacyOffice",
  "pdfActiveContent",
  "pdfEncrypted",
  "zipBomb",
  "officeMacros",
  "officeDamaged",
]);

export async function receiveUpload(request: FastifyRequest, deps: UploadDeps, target: UploadTarget) {
  const { config, keyring } = deps;
  if (!config.clamavUrl && config.requireScanner)
    throw new AppError(
      503,
      "scannerNotConfigured",
      "Uploaden kan nu niet: er is geen virusscanner ingesteld. Meld dit bij de beheerder.",
    );
  const key = await request.withContext(async (ctx) => {
    await assertTarget(ctx, target);
    return keyring.currentKey(ctx);
  });
  const fields: Record<string, string[]> = {};
  const staged: { id: string; index: number }[] = [];
  const done: Staged[] = [];
  let metadata: Metadata | undefined;
  let signature: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === "field") {
        fields[part.fieldname] = [...(fields[part.fieldname] ?? []), String(part.value)];
        continue;
      }
      if (!metadata) {
        const fieldsNow = fields;
        metadata = await request.withContext((ctx) => parseMetadata(ctx, fieldsNow, target));
      }
      if (part.fieldname !== "file")
        throw badRequest("unknownField", `Onbekend veld: ${part.fieldname}.`, { field: part.fieldname });
      if (staged.length >= config.maxFilesPerUpload)
        throw badRequest(
          "tooManyFiles",
          `U kunt ${config.maxFilesPerUpload} bestanden tegelijk uploaden. Er is niets opgeslagen; kies minder bestanden en probeer het opnieuw.`,
          { max: config.maxFilesPerUpload },
        );
      const result = await receiveFile(request, deps, key, target, metadata, part, staged);
      if ("signature" in result) {
        signature = result.signature;
        throw new AppError(
          422,
          "virusFound",
          `Het bestand "${result.fileName}" bevat mogelijk een virus of schadelijke code en is geweigerd. Er is niets opgeslagen.`,
        );
      }
      done.push(result);
    }
    if (!metadata || done.length === 0)
      throw badRequest("noFile", "Kies een of meer bestanden om te uploaden.");
    const meta = metadata;
    return await request.withContext((ctx) => finish(ctx, deps, target, meta, done));
  } catch (error) {
    await discard(request, target, staged, error, signature);
    throw mapped(error, config);
  }
}

async function assertTarget(ctx: RequestContext, target: UploadTarget) {
  if (target.source === "portal") await assertPortalHousehold(ctx, target.householdId);
  else await assertHouseholdAction(ctx, target.householdId, "edit");
}

async function receiveFile(
  request: FastifyRequest,
  deps: UploadDeps,
  key: DataKey,
  target: UploadTarget,
  metadata: Metadata,
  part: MultipartFile,
  staged: { id: string; index: number }[],
): Promise<Staged | { signature: string; fileName: string }> {
  const { config } = deps;
  const index = staged.length;
  const fileName = assertFileName(part.filename);
  const id = randomUUID();
  const title = metadata.titles[index] ?? fileName.replace(/\.[^.]{1,5}$/, "").slice(0, 200);
  await request.withContext((ctx) =>
    insertDocument(ctx, {
      id,
      householdId: target.householdId,
      ...metadata.links,
      planId: null,
      planVersion: null,
      title: title || fileName.slice(0, 200),
      kind: metadata.kind,
      documentDate: metadata.documentDate,
      confidentiality: metadata.confidentiality,
      status: "scanning",
      scan: "pending",
      fileName,
      mediaType: "application/octet-stream",
      keyId: key.id,
      source: target.source,
      uploadedByUserId: ctx.actor.userId,
      uploadedAt: ctx.now,
    }),
  );
  staged.push({ id, index });
  let scan: ScanSession | undefined;
  try {
    scan = config.clamavUrl ? await openScan(config.clamavUrl, config.scanTimeoutMs) : undefined;
    const hash = createHash("sha256");
    const inspector = new ContentInspector();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    const store = async (plain: Buffer, last: boolean) => {
      const n = seq++;
      const chunk = encryptChunk(key, id, n, last, plain);
      await request.withContext((ctx) => insertChunk(ctx, id, n, chunk));
    };
    for await (const piece of part.file as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > config.maxFileBytes) throw tooLarge(fileName, config.maxFileBytes);
      hash.update(piece);
      await inspector.push(piece);
      await scan?.write(piece);
      pending.push(piece);
      pendingBytes += piece.length;
      // A chunk is written once more data follows it: the last one is marked as last.
      while (pendingBytes > CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        await store(all.subarray(0, CHUNK_BYTES), false);
        pending = [all.subarray(CHUNK_BYTES)];
        pendingBytes = all.length - CHUNK_BYTES;
      }
    }
    const type = await inspector.finish();
    await store(Buffer.concat(pending), true);
    const verdict = scan ? await scan.finish() : { clean: true as const };
    if (!verdict.clean) return { signature: verdict.signature, fileName };
    const file = { id, key, chunkCount: seq, sizeBytes: size };
    if (type.zip)
      await checkZip(randomAccess(request, file), {
        maxUnpackedBytes: config.maxUnpackedBytes,
        maxEntries: config.maxZipEntries,
      });
    return { id, index, sizeBytes: size, sha256: hash.digest("hex"), chunkCount: seq, type };
  } finally {
    scan?.abort();
  }
}

/** All files passed: within the household's limit, they become available together. */
async function finish(
  ctx: RequestContext,
  deps: UploadDeps,
  target: UploadTarget,
  metadata: Metadata,
  files: Staged[],
) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${target.householdId}, 20))`.execute(ctx.trx);
  const used = await householdBytes(ctx, target.householdId);
  const adding = files.reduce((n, f) => n + f.sizeBytes, 0);
  if (used + adding > deps.config.maxHouseholdBytes)
    throw new AppError(
      413,
      "householdFull",
      `De documenten van dit huishouden nemen samen al ${mb(used)} in beslag; met deze upload erbij komt het boven de grens van ${mb(deps.config.maxHouseholdBytes)}. Er is niets opgeslagen. Trek documenten in die niet meer nodig zijn, of vraag de beheerder om de grens.`,
    );
  const scanned = deps.config.clamavUrl ? ("clean" as const) : ("notScanned" as const);
  for (const f of files) {
    await markAvailable(ctx, f.id, {
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      chunkCount: f.chunkCount,
      scan: scanned,
      mediaType: f.type.mediaType,
    });
    await ctx.audit({
      action: "document.uploaded",
      resourceType: "document",
      resourceId: f.id,
      householdId: target.householdId,
      details: {
        kind: metadata.kind,
        mediaType: f.type.mediaType,
        sizeBytes: f.sizeBytes,
        scan: scanned,
        source: target.source,
      },
    });
  }
  const kinds = await kindNames(ctx);
  const items = [];
  for (const f of files) {
    const row = await findDocument(ctx, f.id);
    if (row)
      items.push(present(row, kinds, { userId: ctx.actor.userId, canWithdraw: target.source === "team" }));
  }
  return { items, warning: deps.config.clamavUrl ? null : NO_SCANNER_WARNING };
}

/** Removes what this upload staged; a refusal of content (a virus, a program …) is audited. */
async function discard(
  request: FastifyRequest,
  target: UploadTarget,
  staged: { id: string; index: number }[],
  error: unknown,
  signature: string | undefined,
) {
  const code = error instanceof AppError ? error.code : undefined;
  const events: AuditInput[] =
    code && AUDITED.has(code)
      ? [
          {
            action: "document.refused",
            resourceType: "document",
            resourceId: staged.at(-1)?.id ?? null,
            householdId: target.householdId,
            details: { reason: code, signature: signature ?? null, source: target.source },
          },
        ]
      : [];
  if (staged.length === 0 && events.length === 0) return;
  try {
    await request.withContext(async (ctx) => {
      for (const s of staged) await deleteUnfinished(ctx, s.id);
      for (const e of events) await ctx.audit(e);
    });
  } catch (cleanupError) {
    // The job for unfinished uploads removes them later; they were never available.
    request.log.error({ err: cleanupError }, "removing an unfinished upload failed");
  }
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const tooLarge = (fileName: string, max: number) =>
  new AppError(
    413,
    "fileTooLarge",
    `Het bestand "${fileName}" is groter dan ${mb(max)}. Er is niets opgeslagen. Maak het bestand kleiner (bijvoorbeeld een foto met een lagere resolutie, of een PDF per onderdeel).`,
    { maxBytes: max },
  );

function mapped(error: unknown, config: DocumentsConfig): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof ScannerError) {
    if (error.reason === "tooLarge") return tooLarge("", config.maxFileBytes);
    return new AppError(
      503,
      "scannerUnavailable",
      error.reason === "timeout"
        ? "De virusscanner reageert te traag. Het bestand is niet opgeslagen. Probeer het over een paar minuten opnieuw."
        : "De virusscanner is nu niet bereikbaar. Het bestand is niet opgeslagen. Probeer het over een paar minuten opnieuw.",
    );
  }
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === "string" && e.code.startsWith("FST_"))
    return badRequest(
      "uploadInvalid",
      "De upload is niet goed aangekomen (onderbroken of onvolledig). Er is niets opgeslagen; probeer het opnieuw.",
    );
  if (/Unexpected end of (form|multipart)|aborted|premature close/i.test(e?.message ?? ""))
    return badRequest(
      "uploadInterrupted",
      "De upload is onderbroken. Er is niets opgeslagen; probeer het opnieuw.",
    );
  return error;
}
