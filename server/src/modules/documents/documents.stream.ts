import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { CHUNK_BYTES, type DataKey, decryptChunk } from "./documents.crypto.ts";
import { readChunks } from "./documents.repository.ts";
import type { RandomAccess } from "./documents.zip-check.ts";

/**
 * Reading a stored file chunk by chunk, each in a short transaction of its own as the requesting user
 * (row-level security decides again for every chunk): a download streams, it never holds the file.
 */
export interface StoredFile {
  id: string;
  key: DataKey;
  chunkCount: number;
  sizeBytes: number;
}

async function chunk(request: FastifyRequest, file: StoredFile, seq: number): Promise<Buffer> {
  const rows = await request.withContext((ctx) => readChunks(ctx, file.id, seq, seq));
  const row = rows[0];
  if (!row) throw new Error(`document ${file.id}: chunk ${seq} is missing`);
  return decryptChunk(file.key, file.id, seq, seq === file.chunkCount - 1, row);
}

export function downloadStream(request: FastifyRequest, file: StoredFile): Readable {
  let seq = 0;
  return new Readable({
    highWaterMark: CHUNK_BYTES,
    async read() {
      try {
        if (seq >= file.chunkCount) return void this.push(null);
        this.push(await chunk(request, file, seq++));
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

/** Random access for the zip check, with the last chunks kept (entries are read in order). */
export function randomAccess(request: FastifyRequest, file: StoredFile): RandomAccess {
  const cache = new Map<number, Buffer>();
  const get = async (seq: number) => {
    const hit = cache.get(seq);
    if (hit) return hit;
    const plain = await chunk(request, file, seq);
    cache.set(seq, plain);
    if (cache.size > 3) cache.delete(cache.keys().next().value as number);
    return plain;
  };
  return {
    size: file.sizeBytes,
    async read(start, end) {
      const parts: Buffer[] = [];
      for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < end; seq++) {
        const plain = await get(seq);
        const from = Math.max(start - seq * CHUNK_BYTES, 0);
        const to = Math.min(end - seq * CHUNK_BYTES, plain.length);
        parts.push(plain.subarray(from, to));
      }
      return Buffer.concat(parts);
    },
  };
}
