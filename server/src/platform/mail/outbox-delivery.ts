import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import { MailError, type Mailer } from "./mailer.ts";

/**
 * Delivers the outbox over SMTP. A message is claimed (state 'sending', FOR UPDATE SKIP LOCKED) in its
 * own short transaction before it is sent, so two deliverers never send the same message; after the
 * SMTP server accepts it, it is marked sent. A failure puts it back with a later attempt (back-off); a
 * permanent refusal or the last attempt makes it dead (the dead-letter state an administrator sees and
 * can send again). A claim older than CLAIM_MINUTES (a deliverer that died mid-send) is taken over:
 * delivery is at least once, exactly once while no deliverer dies between sending and marking.
 */
export const BACKOFF_SECONDS = [30, 120, 600, 3_600, 21_600] as const;
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
const CLAIM_MINUTES = 10;
/** A login code works 10 minutes (portal.login.ts): sending it later is of no use. */
const LOGIN_CODE_MINUTES = 10;
const BATCH = 20;

export interface DeliveryResult {
  sent: number;
  retried: number;
  dead: number;
}

interface Claimed {
  municipalityId: string;
  id: string;
  kind: string;
  subject: string;
  body: string;
  attempts: number;
  createdAt: Date;
  email: string | null;
  disabledAt: Date | null;
}

async function claim(db: Kysely<DB>, now: Date): Promise<Claimed[]> {
  const staleClaim = new Date(now.getTime() - CLAIM_MINUTES * 60_000);
  const { rows } = await sql<Claimed>`
    with due as (
      select municipality_id, id from outbox_message
      where (state = 'pending' and next_attempt_at <= ${now})
         or (state = 'sending' and claimed_at < ${staleClaim})
      order by next_attempt_at
      limit ${BATCH}
      for update skip locked
    ), claimed as (
      update outbox_message o set state = 'sending', claimed_at = ${now}, attempts = o.attempts + 1
      from due where o.municipality_id = due.municipality_id and o.id = due.id
      returning o.municipality_id, o.id, o.kind, o.subject, o.body, o.attempts, o.created_at, o.recipient_user_id
    )
    select c.municipality_id, c.id, c.kind, c.subject, c.body, c.attempts, c.created_at, u.email, u.disabled_at
    from claimed c
    left join app_user u on u.municipality_id = c.municipality_id and u.id = c.recipient_user_id`.execute(db);
  return rows;
}

async function settle(
  db: Kysely<DB>,
  message: Claimed,
  outcome: { sent: true } | { sent: false; error: string; dead: boolean },
  now: Date,
) {
  const delay = BACKOFF_SECONDS[Math.min(message.attempts, BACKOFF_SECONDS.length) - 1] ?? 60;
  const change = outcome.sent
    ? { state: "sent" as const, sentAt: now, lastError: null }
    : outcome.dead
      ? { state: "dead" as const, deadAt: now, lastError: outcome.error }
      : {
          state: "pending" as const,
          nextAttemptAt: new Date(now.getTime() + delay * 1000),
          lastError: outcome.error,
        };
  await db
    .updateTable("outboxMessage")
    .set(change)
    .where("municipalityId", "=", message.municipalityId)
    .where("id", "=", message.id)
    .execute();
}

/** Sends what is due now; loops until nothing is due or `limit` messages were handled. */
export async function deliverOutbox(
  db: Kysely<DB>,
  mailer: Mailer,
  options: { now?: () => Date; limit?: number } = {},
): Promise<DeliveryResult> {
  const clock = options.now ?? (() => new Date());
  const limit = options.limit ?? 500;
  const result: DeliveryResult = { sent: 0, retried: 0, dead: 0 };
  let handled = 0;
  while (handled < limit) {
    const batch = await claim(db, clock());
    if (batch.length === 0) break;
    handled += batch.length;
    for (const message of batch) {
      const now = clock();
      const fail = async (error: string, permanent: boolean) => {
        const dead = permanent || message.attempts >= MAX_ATTEMPTS;
        await settle(db, message, { sent: false, error, dead }, now);
        if (dead) result.dead += 1;
        else result.retried += 1;
      };
      if (!message.email || message.disabledAt) {
        await fail("noAddress", true);
        continue;
      }
      if (
        message.kind === "loginCode" &&
        now.getTime() - new Date(message.createdAt).getTime() > LOGIN_CODE_MINUTES * 60_000
      ) {
        await fail("expired", true);
        continue;
      }
      try {
        await mailer.send({ to: message.email, subject: message.subject, text: message.body });
      } catch (error) {
        const mailError =
          error instanceof MailError ? error : new MailError(String((error as Error).name), false);
        await fail(mailError.summary, mailError.permanent);
        continue;
      }
      await settle(db, message, { sent: true }, now);
      result.sent += 1;
    }
  }
  return result;
}

/** Messages waiting per state, for metrics and the administrator's page (owner: all municipalities). */
export async function outboxBacklog(db: Kysely<DB>, municipalityId?: string) {
  let query = db
    .selectFrom("outboxMessage")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("state", "in", ["pending", "sending", "dead"])
    .groupBy("state");
  if (municipalityId) query = query.where("municipalityId", "=", municipalityId);
  const rows = await query.execute();
  const of = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { pending: of("pending"), sending: of("sending"), dead: of("dead") };
}
