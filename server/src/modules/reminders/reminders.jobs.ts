import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";

/**
 * Reminder jobs, run as the owner across municipalities (migration 0028). They put a row on the
 * worklist of the person who must act and announce new rows by e-mail without personal data: the
 * e-mail says how many reminders wait, nothing about whom they concern. Each reminder is made once per
 * user, kind and subject (a unique index), so a job that runs twice makes nothing twice.
 */
export const REMINDER_SUBJECT = "U heeft nieuwe herinneringen in Wijkwerk";
export const reminderBody = (n: number) =>
  `Er ${n === 1 ? "staat 1 nieuwe herinnering" : `staan ${n} nieuwe herinneringen`} voor u klaar in Wijkwerk. Log in en kijk bij 'Mijn werk'. In deze e-mail staan geen persoonlijke gegevens.`;

/** A plan review is announced this many days before it is due. */
export const PLAN_REVIEW_NOTICE_DAYS = 7;

const added = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/** Aftercare check-ins, plan reviews and social-map reviews that have come due; returns counts per kind. */
export async function createDueReminders(db: Kysely<DB>, now: Date) {
  const today = todayInNetherlands(now);
  const aftercare = await sql`
    insert into reminder (municipality_id, user_id, kind, case_id, due_on)
    select c.municipality_id, cp.user_id, 'aftercareCheckIn', c.id, c.aftercare_date
    from case_file c
    join case_professional cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id and cp.is_case_lead
    where c.status = 'closed' and c.aftercare_date <= ${today}::date
      and c.aftercare_date > ${today}::date - 30
    on conflict do nothing`.execute(db);
  const reviews = await sql`
    insert into reminder (municipality_id, user_id, kind, case_id, plan_review_id, due_on)
    select r.municipality_id, cp.user_id, 'planReview', c.id, r.id, r.due_on
    from plan_review r
    join support_plan p on p.municipality_id = r.municipality_id and p.id = r.plan_id
    join case_file c on c.municipality_id = p.municipality_id and c.id = p.case_id
    join case_professional cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id and cp.is_case_lead
    where r.held_on is null and c.status <> 'closed'
      and r.due_on <= ${today}::date + ${PLAN_REVIEW_NOTICE_DAYS}::int
    on conflict do nothing`.execute(db);
  const directory = await sql`
    insert into reminder (municipality_id, user_id, kind, directory_entry_id, due_on)
    select e.municipality_id, u.id, 'directoryReview', e.id, e.review_date
    from directory_entry e
    join app_user u on u.municipality_id = e.municipality_id and u.role = 'administrator' and u.disabled_at is null
    where e.deactivated_at is null and e.review_date <= ${today}::date
    on conflict do nothing`.execute(db);
  return {
    aftercareCheckIn: added(aftercare),
    planReview: added(reviews),
    directoryReview: added(directory),
  };
}

/**
 * Signals not yet decided when their deadline passes go to the team leads of their team; once more
 * when three times the time allowed has passed (deadline = received + allowed).
 */
export async function escalateSignals(db: Kysely<DB>, now: Date) {
  const escalate = (kind: "signalDeadline" | "signalDeadlineTripled", passed: ReturnType<typeof sql>) =>
    sql`
      insert into reminder (municipality_id, user_id, kind, signal_id, due_on)
      select s.municipality_id, m.user_id, ${kind}, s.id, (s.deadline_at at time zone 'Europe/Amsterdam')::date
      from signal s
      join team_membership m on m.municipality_id = s.municipality_id and m.team_id = s.team_id
      join app_user u on u.municipality_id = m.municipality_id and u.id = m.user_id
        and u.role = 'teamLead' and u.disabled_at is null
      where s.triage_state in ('new', 'outreach') and ${passed}
      on conflict do nothing`.execute(db);
  const atDeadline = await escalate("signalDeadline", sql`s.deadline_at <= ${now}`);
  const tripled = await escalate(
    "signalDeadlineTripled",
    sql`s.received_at + 3 * (s.deadline_at - s.received_at) <= ${now}`,
  );
  return { signalDeadline: added(atDeadline), signalDeadlineTripled: added(tripled) };
}

/** One e-mail per user with reminders not announced yet (users without an address: on the worklist only). */
export async function announceReminders(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ municipalityId: string; userId: string; n: number; hasEmail: boolean }>`
      with waiting as (
        select municipality_id, user_id from reminder
        where notified_at is null and dismissed_at is null
        for update
      )
      select w.municipality_id, w.user_id, count(*)::int as n, bool_or(u.email is not null) as has_email
      from waiting w
      join app_user u on u.municipality_id = w.municipality_id and u.id = w.user_id
      group by w.municipality_id, w.user_id`.execute(trx);
    const withAddress = rows.filter((r) => r.hasEmail);
    if (withAddress.length > 0)
      await trx
        .insertInto("outboxMessage")
        .values(
          withAddress.map((r) => ({
            municipalityId: r.municipalityId,
            recipientUserId: r.userId,
            kind: "reminder" as const,
            subject: REMINDER_SUBJECT,
            body: reminderBody(r.n),
          })),
        )
        .execute();
    await trx
      .updateTable("reminder")
      .set({ notifiedAt: now })
      .where("notifiedAt", "is", null)
      .where("dismissedAt", "is", null)
      .execute();
    return withAddress.length;
  });
}
