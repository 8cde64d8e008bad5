import { randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/**
 * Recovery codes for two-step verification: ten codes of ten characters (50 bits each) from an
 * alphabet without look-alikes, from the CSPRNG, shown once. Under 112 bits, so (ASVS 6.5.2) the table
 * keeps each as an argon2id hash with its own salt, like a password; a copy of the table does not give
 * the codes. Each works once.
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

/** Replaces the user's codes with new ones; returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("mfaRecoveryCode")
      .where("municipalityId", "=", user.municipalityId)
      .where("userId", "=", user.id)
      .execute();
    await trx
      .insertInto("mfaRecoveryCode")
      .values(hashes.map((codeHash) => ({ municipalityId: user.municipalityId, userId: user.id, codeHash })))
      .execute();
  });
  return codes;
}

/** Uses up a code; returns how many unused codes are left, or undefined when the code is not valid. */
export async function redeemRecoveryCode(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
  input: string,
  now: Date,
): Promise<number | undefined> {
  const code = normaliseRecoveryCode(input);
  if (!code) return undefined;
  const unused = await db
    .selectFrom("mfaRecoveryCode")
    .select("codeHash")
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .where("usedAt", "is", null)
    .execute();
  // At most ten hashes to try; attempts are throttled per account by the caller.
  let match: string | undefined;
  for (const { codeHash } of unused) {
    if (await verifyPassword(codeHash, code)) {
      match = codeHash;
      break;
    }
  }
  if (!match) return undefined;
  const used = await db
    .updateTable("mfaRecoveryCode")
    .set({ usedAt: now })
    .where("municipalityId", "=", user.municipalityId)
    .where("userId", "=", user.id)
    .where("codeHash", "=", match)
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
