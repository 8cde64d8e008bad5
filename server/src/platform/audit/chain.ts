import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

/**
 * The audit trail is tamper-evident: events are appended inside each request's transaction without a
 * lock, and sealed here, in order, into one SHA-256 chain per municipality shortly after commit.
 * This runs as the owner of the tables (the application role may only insert events).
 */
const GENESIS = "0".repeat(64);
const BATCH = 2000;

interface ChainRow {
  id: number;
  canonical: string;
  chainPosition: number | null;
  hash: string | null;
}

// The exact text of an event that the hash covers; computed by the database so both sides agree.
/** Exported for the bulk loader (bench/generate), which seals generated events with the same text. */
export const canonical = sql<string>`concat_ws('|', municipality_id::text, id::text,
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), action,
  coalesce(actor_user_id::text, ''), coalesce(actor_role, ''), coalesce(actor_organisation_id::text, ''),
  coalesce(team_id::text, ''), resource_type, coalesce(resource_id, ''), coalesce(household_id::text, ''),
  coalesce(resident_id::text, ''), coalesce(client_ip, ''), coalesce(reason, ''), details::text)`;

export function chainHash(previous: string, canonicalText: string): string {
  return createHash("sha256").update(previous).update("\n").update(canonicalText).digest("hex");
}

/** Seals every unsealed event; returns how many were sealed. Safe to run concurrently. */
export async function sealAuditEvents(db: Kysely<DB>): Promise<number> {
  const pending = await db
    .selectFrom("auditEvent")
    .select("municipalityId")
    .distinct()
    .where("chainPosition", "is", null)
    .execute();
  let sealed = 0;
  for (const { municipalityId } of pending) {
    for (;;) {
      const n = await sealBatch(db, municipalityId);
      sealed += n;
      if (n < BATCH) break;
    }
  }
  return sealed;
}

async function sealBatch(db: Kysely<DB>, municipalityId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("auditChainHead")
      .values({ municipalityId, position: 0, hash: GENESIS })
      .onConflict((oc) => oc.column("municipalityId").doNothing())
      .execute();
    const head = await trx
      .selectFrom("auditChainHead")
      .selectAll()
      .where("municipalityId", "=", municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom("auditEvent")
      .select(["id", canonical.as("canonical")])
      .where("municipalityId", "=", municipalityId)
      .where("chainPosition", "is", null)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return 0;
    let { position, hash } = head;
    const updates: { id: number; position: number; hash: string }[] = [];
    for (const row of rows) {
      position += 1;
      hash = chainHash(hash, row.canonical);
      updates.push({ id: row.id, position, hash });
    }
    await sql`update audit_event e set chain_position = u.position, hash = u.hash
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id bigint, position bigint, hash text)
      where e.municipality_id = ${municipalityId} and e.id = u.id`.execute(trx);
    await trx
      .updateTable("auditChainHead")
      .set({ position, hash })
      .where("municipalityId", "=", municipalityId)
      .execute();
    return rows.length;
  });
}

export interface ChainProblem {
  municipalityId: string;
  position: number;
  eventId: number | null;
  problem: "hashMismatch" | "gap" | "headMismatch";
}

/** Recomputes every chain; returns the first problem per municipality (empty when intact). */
export async function verifyAuditChain(
  db: Kysely<DB>,
): Promise<{ checked: number; problems: ChainProblem[] }> {
  const heads = await db.selectFrom("auditChainHead").selectAll().execute();
  const problems: ChainProblem[] = [];
  let checked = 0;
  for (const head of heads) {
    let expectedPosition = 1;
    let hash = GENESIS;
    let broken = false;
    let after = 0;
    while (!broken) {
      const rows: ChainRow[] = await db
        .selectFrom("auditEvent")
        .select(["id", "chainPosition", "hash", canonical.as("canonical")])
        .where("municipalityId", "=", head.municipalityId)
        .where("chainPosition", ">", after)
        .orderBy("chainPosition")
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        checked += 1;
        if (row.chainPosition !== expectedPosition) {
          problems.push({
            municipalityId: head.municipalityId,
            position: expectedPosition,
            eventId: row.id,
            problem: "gap",
          });
          broken = true;
          break;
        }
        hash = chainHash(hash, row.canonical);
        if (hash !== row.hash) {
          problems.push({
            municipalityId: head.municipalityId,
            position: expectedPosition,
            eventId: row.id,
            problem: "hashMismatch",
          });
          broken = true;
          break;
        }
        expectedPosition += 1;
      }
      after = rows.at(-1)?.chainPosition ?? after;
    }
    if (!broken && (expectedPosition - 1 !== head.position || hash !== head.hash)) {
      problems.push({
        municipalityId: head.municipalityId,
        position: head.position,
        eventId: null,
        problem: "headMismatch",
      });
    }
  }
  return { checked, problems };
}

/** Runs the sealer shortly after writes, one run at a time, plus a periodic sweep. */
export class AuditSealer {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs = 2000): void {
    this.timer = setInterval(() => this.poke(), intervalMs);
    this.timer.unref();
  }

  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await sealAuditEvents(this.db);
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
      this.running = undefined;
    })();
  }

  /** Waits until everything written so far is sealed. */
  async flush(): Promise<void> {
    await this.running;
    await sealAuditEvents(this.db);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
