import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { MasterKey } from "./documents.config.ts";
import { unwrapDataKey, wrapDataKey } from "./documents.crypto.ts";
import { toBuffer } from "./documents.repository.ts";

/**
 * Master key rotation (issue 20): every municipality's data key that was wrapped by an earlier master
 * key is unwrapped with it and wrapped again with the current one. The files are not touched: their
 * chunks stay encrypted with the same data key. Maintenance, as the owner (`npm run documents:rewrap`).
 */
export async function rewrapDataKeys(
  owner: Kysely<DB>,
  masterKeys: MasterKey[],
): Promise<{ rewrapped: number }> {
  const [current, ...previous] = masterKeys;
  if (!current) throw new Error("DOCUMENT_MASTER_KEY is not set");
  return owner.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("documentKey")
      .select(["municipalityId", "id", "wrappedKey", "masterKeyId"])
      .where("masterKeyId", "<>", current.id)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const old = previous.find((k) => k.id === row.masterKeyId);
      if (!old)
        throw new Error(
          `data key ${row.id} is wrapped by master key ${row.masterKeyId}, which is not in DOCUMENT_MASTER_KEYS_PREVIOUS`,
        );
      const key = unwrapDataKey(old, row.municipalityId, row.id, toBuffer(row.wrappedKey));
      await trx
        .updateTable("documentKey")
        .set({ wrappedKey: wrapDataKey(current, row.municipalityId, row.id, key), masterKeyId: current.id })
        .where("municipalityId", "=", row.municipalityId)
        .where("id", "=", row.id)
        .execute();
    }
    return { rewrapped: rows.length };
  });
}
