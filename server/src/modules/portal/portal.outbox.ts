import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";

/**
 * E-mail waits in the outbox; a mail relay (not part of this repository) sends it and fills sent_at.
 * The address is looked up when sending, so the outbox holds no addresses.
 */
export const NEW_MESSAGE_SUBJECT = "U heeft een nieuw bericht in Wijkwerk";
export const NEW_MESSAGE_BODY =
  "U heeft een nieuw bericht in Wijkwerk. Log in om het te lezen. In deze e-mail staan geen persoonlijke gegevens.";

export async function queueLoginCode(
  db: Kysely<DB>,
  municipalityId: string,
  userId: string,
  code: string,
): Promise<void> {
  await db
    .insertInto("outboxMessage")
    .values({
      municipalityId,
      recipientUserId: userId,
      kind: "loginCode",
      subject: "Uw inlogcode voor Wijkwerk",
      body: `Uw inlogcode is ${code}. De code werkt 10 minuten en maar één keer. Heeft u geen code gevraagd? Dan hoeft u niets te doen.`,
    })
    .execute();
}

/** A notification without personal details: no name, no text of the message, no topic. */
export async function queueNewMessageNotice(db: Kysely<DB>, municipalityId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .insertInto("outboxMessage")
    .values(
      userIds.map((recipientUserId) => ({
        municipalityId,
        recipientUserId,
        kind: "newMessage" as const,
        subject: NEW_MESSAGE_SUBJECT,
        body: NEW_MESSAGE_BODY,
      })),
    )
    .execute();
}

export const EXPORT_READY_SUBJECT = "Uw gegevens staan klaar in Wijkwerk";
export const EXPORT_READY_BODY =
  "De gegevens die u heeft opgevraagd staan klaar. Log in op Wijkwerk en kijk bij 'Wie keek in mijn gegevens?'. In deze e-mail staan geen persoonlijke gegevens.";

/** "Your data is ready": to the portal account that asked, without any personal detail. */
export async function queueExportReadyNotice(db: Kysely<DB>, municipalityId: string, userId: string) {
  await db
    .insertInto("outboxMessage")
    .values({
      municipalityId,
      recipientUserId: userId,
      kind: "exportReady",
      subject: EXPORT_READY_SUBJECT,
      body: EXPORT_READY_BODY,
    })
    .execute();
}

const DEMO_DOMAIN = "@demo.wijkwerk.nl";

/**
 * DEMO ONLY: the latest login code per demo account (e-mail at demo.wijkwerk.nl), so the demo works
 * without a mail server. The route refuses this in production.
 */
export async function latestDemoCodes(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("outboxMessage as o")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "o.municipalityId").onRef("u.id", "=", "o.recipientUserId"),
    )
    .select(["u.username", "o.body", "o.createdAt"])
    .where("o.kind", "=", "loginCode")
    .where("u.email", "like", `%${DEMO_DOMAIN}`)
    .orderBy("o.createdAt", "desc")
    .limit(50)
    .execute();
  const seen = new Set<string>();
  const codes: { username: string; code: string; createdAt: string }[] = [];
  for (const row of rows) {
    if (seen.has(row.username)) continue;
    seen.add(row.username);
    const code = /\b(\d{6})\b/.exec(row.body)?.[1];
    if (code) codes.push({ username: row.username, code, createdAt: new Date(row.createdAt).toISOString() });
  }
  return codes;
}
