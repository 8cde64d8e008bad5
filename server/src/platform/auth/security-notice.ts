import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * Security notices by e-mail through the outbox (kind 'securityNotice'): to the account holder and, for
 * a lock, to the municipality's administrators. Like every outbox message they hold no personal
 * details beyond the account's own username, and no address: the mail relay looks that up.
 */
export async function noticeToUser(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
  subject: string,
  body: string,
): Promise<void> {
  await db
    .insertInto("outboxMessage")
    .values({
      municipalityId: user.municipalityId,
      recipientUserId: user.id,
      kind: "securityNotice",
      subject,
      body,
    })
    .execute();
}

export async function noticeToAdministrators(
  db: Kysely<DB>,
  municipalityId: string,
  subject: string,
  body: string,
): Promise<void> {
  const admins = await db
    .selectFrom("appUser")
    .select("id")
    .where("municipalityId", "=", municipalityId)
    .where("role", "=", "administrator")
    .where("disabledAt", "is", null)
    .execute();
  if (admins.length === 0) return;
  await db
    .insertInto("outboxMessage")
    .values(
      admins.map((a) => ({
        municipalityId,
        recipientUserId: a.id,
        kind: "securityNotice" as const,
        subject,
        body,
      })),
    )
    .execute();
}

const CLOSING = "Was u dit niet? Neem dan direct contact op met de functioneel beheerder van uw gemeente.";

export const NOTICES = {
  accountLocked: (minutes: number) => ({
    subject: "Uw Wijkwerk-account is tijdelijk geblokkeerd",
    body: `Er is heel vaak geprobeerd met een verkeerd wachtwoord in te loggen op uw account. Daarom is het ${minutes} minuten geblokkeerd. Daarna kunt u weer inloggen. ${CLOSING}`,
  }),
  accountLockedForAdministrator: (username: string, minutes: number) => ({
    subject: "Een Wijkwerk-account is tijdelijk geblokkeerd",
    body: `Op het account "${username}" is heel vaak met een verkeerd wachtwoord ingelogd. Het is ${minutes} minuten geblokkeerd. Bekijk het logboek en neem zo nodig contact op met de gebruiker.`,
  }),
  mfaFailures: () => ({
    subject: "Verkeerde codes bij het inloggen op Wijkwerk",
    body: `Iemand gaf uw juiste wachtwoord en daarna meerdere keren een verkeerde code voor tweestapsverificatie. Verander uw wachtwoord als u dit niet zelf was. ${CLOSING}`,
  }),
  recoveryCodeUsed: (left: number) => ({
    subject: "Er is een herstelcode gebruikt voor Wijkwerk",
    body: `Bij het inloggen op uw account is een herstelcode gebruikt. U heeft nog ${left} ${left === 1 ? "herstelcode" : "herstelcodes"}. ${CLOSING}`,
  }),
  passwordChanged: () => ({
    subject: "Uw wachtwoord voor Wijkwerk is veranderd",
    body: `Het wachtwoord van uw account is zojuist veranderd. Andere sessies zijn beëindigd. ${CLOSING}`,
  }),
  mfaChanged: () => ({
    subject: "Uw tweestapsverificatie voor Wijkwerk is veranderd",
    body: `De tweestapsverificatie of de herstelcodes van uw account zijn zojuist veranderd. ${CLOSING}`,
  }),
  mfaReset: () => ({
    subject: "Uw tweestapsverificatie voor Wijkwerk is gereset",
    body: `De functioneel beheerder heeft de tweestapsverificatie van uw account gereset. Bij de volgende keer inloggen stelt u die opnieuw in. ${CLOSING}`,
  }),
};
