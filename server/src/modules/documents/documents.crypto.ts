import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import { AppError } from "../../platform/http/errors.ts";
import type { MasterKey } from "./documents.config.ts";

/**
 * Encryption at rest (issue 20). Each municipality has a data key (AES-256), stored wrapped by the master
 * key from the configuration (AES-256-GCM). Files are encrypted chunk by chunk with the data key, each
 * chunk with a fresh 96-bit nonce; the authenticated data binds the document, the chunk's position and
 * whether it is the last, so a chunk cannot be moved to another document or place, nor the file cut short.
 * Rotating the master key re-wraps the data keys (documents.keys.ts); files are not re-encrypted.
 */
export const CHUNK_BYTES = 1024 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  id: string;
  key: Buffer;
}

const wrapAad = (municipalityId: string, keyId: string) =>
  Buffer.from(`wijkwerk document data key ${municipalityId} ${keyId}`);

export function wrapDataKey(master: MasterKey, municipalityId: string, keyId: string, key: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", master.key, nonce);
  cipher.setAAD(wrapAad(municipalityId, keyId));
  return Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

export function unwrapDataKey(master: MasterKey, municipalityId: string, keyId: string, wrapped: Buffer) {
  const decipher = createDecipheriv("aes-256-gcm", master.key, wrapped.subarray(0, NONCE_BYTES));
  decipher.setAAD(wrapAad(municipalityId, keyId));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(wrapped.subarray(NONCE_BYTES, wrapped.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

const chunkAad = (documentId: string, seq: number, last: boolean) =>
  Buffer.from(`wijkwerk document ${documentId} chunk ${seq}${last ? " last" : ""}`);

export function encryptChunk(key: DataKey, documentId: string, seq: number, last: boolean, plain: Buffer) {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, nonce);
  cipher.setAAD(chunkAad(documentId, seq, last));
  return { nonce, data: Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]) };
}

export function decryptChunk(
  key: DataKey,
  documentId: string,
  seq: number,
  last: boolean,
  chunk: { nonce: Buffer; data: Buffer },
): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key.key, chunk.nonce);
  decipher.setAAD(chunkAad(documentId, seq, last));
  decipher.setAuthTag(chunk.data.subarray(chunk.data.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(chunk.data.subarray(0, chunk.data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new AppError(
      500,
      "documentDamaged",
      "Dit document is beschadigd of gewijzigd buiten Wijkwerk om en kan niet worden geopend. Meld dit bij de beheerder.",
    );
  }
}

/** Unwrapped data keys, per municipality and key id (a process keeps them as long as it runs). */
export class Keyring {
  private readonly cache = new Map<string, DataKey>();
  constructor(readonly masterKeys: MasterKey[] | undefined) {}

  get configured(): boolean {
    return this.masterKeys !== undefined;
  }

  private master(id?: string): MasterKey {
    const keys = this.masterKeys;
    if (!keys)
      throw new AppError(
        503,
        "documentsNotConfigured",
        "Documenten opslaan en openen kan nog niet: de beheerder moet eerst een hoofdsleutel instellen (DOCUMENT_MASTER_KEY).",
      );
    const found = id === undefined ? keys[0] : keys.find((k) => k.id === id);
    if (!found)
      throw new AppError(
        503,
        "documentKeyMissing",
        "De sleutel waarmee dit document is versleuteld, is niet ingesteld. Meld dit bij de beheerder.",
      );
    return found;
  }

  /** The municipality's current data key; made (and wrapped) at its first document. */
  async currentKey(ctx: RequestContext): Promise<DataKey> {
    const municipalityId = ctx.actor.municipalityId;
    const master = this.master();
    let row = await this.findCurrent(ctx);
    if (!row) {
      const id = randomUUID();
      const wrapped = wrapDataKey(master, municipalityId, id, randomBytes(32));
      // Two first uploads at once: one key wins (the partial unique index), both use it.
      await sql`insert into document_key (municipality_id, id, wrapped_key, master_key_id)
        values (${municipalityId}, ${id}, ${wrapped}, ${master.id})
        on conflict (municipality_id) where retired_at is null do nothing`.execute(ctx.trx);
      row = await this.findCurrent(ctx);
      if (!row) throw new Error("no document key after creating one");
    }
    return this.unwrap(municipalityId, row);
  }

  /** A data key by id (documents encrypted before a data key was retired keep theirs). */
  async keyById(ctx: RequestContext, keyId: string): Promise<DataKey> {
    const cached = this.cache.get(`${ctx.actor.municipalityId}/${keyId}`);
    if (cached) return cached;
    const row = await ctx.trx
      .selectFrom("documentKey")
      .select(["id", "wrappedKey", "masterKeyId"])
      .where("municipalityId", "=", ctx.actor.municipalityId)
      .where("id", "=", keyId)
      .executeTakeFirstOrThrow();
    return this.unwrap(ctx.actor.municipalityId, row);
  }

  private findCurrent(ctx: RequestContext) {
    return ctx.trx
      .selectFrom("documentKey")
      .select(["id", "wrappedKey", "masterKeyId"])
      .where("municipalityId", "=", ctx.actor.municipalityId)
      .where("retiredAt", "is", null)
      .executeTakeFirst();
  }

  private unwrap(
    municipalityId: string,
    row: { id: string; wrappedKey: Buffer; masterKeyId: string },
  ): DataKey {
    const name = `${municipalityId}/${row.id}`;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const key = {
      id: row.id,
      key: unwrapDataKey(this.master(row.masterKeyId), municipalityId, row.id, row.wrappedKey),
    };
    this.cache.set(name, key);
    return key;
  }
}
