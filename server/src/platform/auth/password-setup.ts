import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * MINIMAL VERSION for the operations branch (issue 17): the security engineer builds the full one-time
 * password set-up link (redeeming it, its page, rate limits). This one issues the link with the agreed
 * signature: a random token, stored only as its SHA-256, valid 72 hours, single use, and an outbox
 * e-mail with the link and nothing else about the user.
 */
export const PASSWORD_SETUP_HOURS = 72;
export const PASSWORD_SETUP_SUBJECT = "Stel uw wachtwoord in voor Wijkwerk";

export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The address of the set-up page (PUBLIC_URL of the platform). */
export function passwordSetupLink(
  token: string,
  publicUrl = process.env.PUBLIC_URL ?? "http://localhost:3000",
) {
  return `${publicUrl.replace(/\/$/, "")}/wachtwoord-instellen?token=${token}`;
}

export async function issuePasswordSetup(
  db: Kysely<DB>,
  input: { municipalityId: string; userId: string; requestedByUserId: string | null },
): Promise<{ expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + PASSWORD_SETUP_HOURS * 3_600_000);
  await db
    .insertInto("passwordSetupToken")
    .values({
      municipalityId: input.municipalityId,
      userId: input.userId,
      tokenHash: hashSetupToken(token),
      requestedByUserId: input.requestedByUserId,
      expiresAt,
    })
    .execute();
  await db
    .insertInto("outboxMessage")
    .values({
      municipalityId: input.municipalityId,
      recipientUserId: input.userId,
      kind: "passwordSetup",
      subject: PASSWORD_SETUP_SUBJECT,
      body: `Er is een account voor u gemaakt in Wijkwerk. Stel binnen ${PASSWORD_SETUP_HOURS} uur uw wachtwoord in via deze link (één keer te gebruiken): ${passwordSetupLink(token)}`,
    })
    .execute();
  return { expiresAt };
}
