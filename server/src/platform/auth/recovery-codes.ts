import { createHmac, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * Recovery codes for two-step verification: ten codes of ten characters (about 50 bits each) from an
 * alphabet without look-alikes, shown once; the table keeps only an HMAC-SHA256 keyed with a server
 * secret and the user's id, so a copy of the table does not give the codes. Each works once.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Uppercase, without spaces and dashes: "abcde fghij" and "ABCDE-FGHIJ" are the same code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[2-9A-HJ-NP-Z]{10}$/.test(plain)) return undefined;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input) !== undefined;
}

function hashOf(key: string, userId: string, code: string): string {
  return createHmac("sha256", key).update(`recovery|${userId}|${code}`).digest("hex");
}

/** Replaces the user's codes with new ones; returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(
  db: Kysely<DB>,
  key: string,
  user: { municipalityId: string; id: string },
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("mfaRecoveryCode")
      .where("municipalityId", "=", user.municipalityId)
      .where("userId", "=", user.id)
      .execute();
    await trx
      .insertInto("mfaRecoveryCode")
      .values(
        codes.map((code) => ({
          municipalityId: user.municipalityId,
          userId: user.id,
          codeHash: hashOf(key, user.id, code),
        })),
      )
      .execute();
  });
  return codes;
}

/** Uses up a code; returns how many unused codes are left, or undefined when the code is not valid. */
export async function redeemRecoveryCode(
  db: Kysely<DB>,
  key: string,
  user: { municipalityId: string; id: string },
  input: string,
  now: Date,
): Promise<number | undefined> {
  const code = normaliseRecoveryCode(input);
  if (!code) return undefined;
  const used = await db
    .updateTable("mfaRecoveryCode")
    .set({ usedAt: now })
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .where("codeHash", "=", hashOf(key, user.id, code))
    .where("usedAt", "is", null)
    .executeTakeFirst();
  if (used.numUpdatedRows === 0n) return undefined;
  return countRecoveryCodes(db, user);
}

export async function countRecoveryCodes(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
): Promise<number> {
  const row = await db
    .selectFrom("mfaRecoveryCode")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .where("usedAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function removeRecoveryCodes(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
): Promise<void> {
  await db
    .deleteFrom("mfaRecoveryCode")
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .execute();
}
