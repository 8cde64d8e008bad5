import type { Kysely } from "kysely";
import { removeUnfinishedUploads } from "../../modules/documents/documents.jobs.ts";
import {
  announceReminders,
  createDueReminders,
  escalateSignals,
} from "../../modules/reminders/reminders.jobs.ts";
import { purgeExpiredExports } from "../../modules/residentRights/exportDelivery.service.ts";
import { runRetention } from "../../modules/residentRights/retention.ts";
import { sealAuditEvents } from "../audit/chain.ts";
import type { AuditWitness } from "../audit/witness.ts";
import type { DB } from "../db/schema.ts";
import type { Mailer } from "../mail/mailer.ts";
import { deliverOutbox } from "../mail/outbox-delivery.ts";
import type { JobDefinition, JobSummary } from "./job.ts";

/** The names of Wijkwerk's background jobs; the administrator's page shows them in this order. */
export const JOB_NAMES = [
  "outbox.deliver",
  "audit.seal",
  "retention.run",
  "exports.expire",
  "reminders.create",
  "signals.escalate",
  "documents.removeUnfinished",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * Every background job with its schedule (times in Europe/Amsterdam). Outbox delivery exists only when
 * SMTP_URL is set: without it e-mail waits in the outbox, as in development.
 */
export function jobCatalogue(options: {
  mailer: Mailer | undefined;
  /**
   * The owner's connection, for jobs that read or change more than the application login may (retention,
   * reminders from cases and signals, expiring exports). Without it (two logins, the app holds no owner
   * credentials) those jobs report that they were skipped; run them where the owner's URL is configured.
   */
  maintenance?: Kysely<DB>;
  /** Where the signed chain head is written at every sealing. */
  witness?: AuditWitness;
}): JobDefinition[] {
  const jobs: JobDefinition[] = [];
  const { mailer } = options;
  if (mailer)
    jobs.push({
      name: "outbox.deliver",
      schedule: { everySeconds: 5 },
      retryLimit: 0,
      run: async ({ db }) => ({ ...(await deliverOutbox(db, mailer)) }),
    });
  jobs.push(
    {
      // Requests seal their own events right after commit; this sweep catches the rest (system events,
      // an instance that stopped in between).
      name: "audit.seal",
      schedule: { everySeconds: 10 },
      retryLimit: 0,
      run: async ({ db }) => ({ sealed: await sealAuditEvents(db, options.witness) }),
    },
    {
      name: "retention.run",
      schedule: { cron: "30 2 * * *" },
      retryLimit: 3,
      run: async ({ now }) => {
        // Without the owner's connection in this process retention runs as `npm run retention`.
        if (!options.maintenance) return { skipped: "noOwnerConnection" } as JobSummary;
        const results = await runRetention(options.maintenance, { now });
        const sum = (pick: (r: (typeof results)[number]) => number) =>
          results.reduce((n, r) => n + pick(r), 0);
        return {
          municipalities: results.length,
          deleted: sum((r) => r.deletedHouseholdIds.length),
          anonymised: sum((r) => r.anonymisedHouseholdIds.length),
          failed: sum((r) => r.failedHouseholdIds.length),
        };
      },
    },
    {
      name: "exports.expire",
      schedule: { cron: "15 * * * *" },
      retryLimit: 3,
      run: async ({ now }) => {
        if (!options.maintenance) return { skipped: "noOwnerConnection" } as JobSummary;
        const purged = await purgeExpiredExports(options.maintenance, now);
        return { purged: Object.values(purged).reduce((a, b) => a + b, 0) };
      },
    },
    {
      name: "reminders.create",
      schedule: { cron: "0 6 * * *" },
      retryLimit: 3,
      run: async ({ now }) => {
        const db = options.maintenance;
        if (!db) return { skipped: "noOwnerConnection" } as JobSummary;
        const created = await createDueReminders(db, now);
        return { ...created, announced: await announceReminders(db, now) };
      },
    },
    {
      name: "signals.escalate",
      schedule: { cron: "*/5 * * * *" },
      retryLimit: 2,
      run: async ({ now }) => {
        const db = options.maintenance;
        if (!db) return { skipped: "noOwnerConnection" } as JobSummary;
        const escalated = await escalateSignals(db, now);
        return { ...escalated, announced: await announceReminders(db, now) };
      },
    },
    {
      name: "documents.removeUnfinished",
      schedule: { cron: "*/20 * * * *" },
      retryLimit: 2,
      run: async ({ now }) => {
        if (!options.maintenance) return { skipped: "noOwnerConnection" } as JobSummary;
        const removed = await removeUnfinishedUploads(options.maintenance, now);
        return { removed: Object.values(removed).reduce((a, b) => a + b, 0) };
      },
    },
  );
  return jobs;
}
