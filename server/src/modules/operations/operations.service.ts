import type { RequestContext } from "../../platform/context.ts";
import { notFound } from "../../platform/http/errors.ts";

/** The outbox of the administrator's municipality: backlog, and the messages not sent (no content). */
export async function getOutboxOverview(ctx: RequestContext, smtpConfigured: boolean) {
  const counts = await ctx.trx
    .selectFrom("outboxMessage")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.min("createdAt").as("oldest")])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("state", "in", ["pending", "sending", "dead"])
    .groupBy("state")
    .execute();
  const of = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  const oldest = counts.find((c) => c.state === "pending")?.oldest;
  const messages = await ctx.trx
    .selectFrom("outboxMessage")
    .select(["id", "kind", "state", "attempts", "createdAt", "nextAttemptAt", "deadAt", "lastError"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("state", "in", ["pending", "sending", "dead"])
    .orderBy("createdAt", "desc")
    .limit(100)
    .execute();
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    smtpConfigured,
    backlog: { pending: of("pending"), sending: of("sending"), dead: of("dead") },
    oldestPendingAt: oldest ? iso(oldest) : null,
    messages: messages.map((m) => ({
      ...m,
      createdAt: iso(m.createdAt),
      nextAttemptAt: iso(m.nextAttemptAt),
      deadAt: m.deadAt ? iso(m.deadAt) : null,
    })),
  };
}

/** Sends a dead message again: back to pending with fresh attempts. */
export async function retryDeadMessage(ctx: RequestContext, id: string) {
  const row = await ctx.trx
    .updateTable("outboxMessage")
    .set({ state: "pending", attempts: 0, nextAttemptAt: ctx.now, deadAt: null, lastError: null })
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("id", "=", id)
    .where("state", "=", "dead")
    .returning(["id", "state"])
    .executeTakeFirst();
  if (!row) throw notFound("Dit bericht bestaat niet of wacht niet op een nieuwe poging.");
  await ctx.audit({ action: "outbox.retried", resourceType: "outboxMessage", resourceId: id });
  return row;
}
