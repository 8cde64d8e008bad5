import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { AuditWitness } from "./witness.ts";

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

/** What the sealer reports when the chain no longer holds the head it witnessed last. */
export type WitnessAlarm = (municipalityId: string, witnessed: { position: number; hash: string }) => void;

/**
 * Seals every unsealed event; returns how many were sealed. Safe to run concurrently. The sealing
 * itself is app_seal_audit (server/sql/functions/audit.sql): the application login may call it but cannot update
 * events or the chain head directly. With a witness, each new head is written out after sealing — but
 * only when the chain still holds the head written out before; otherwise the old head stays as the
 * evidence and onAlarm is told.
 */
export async function sealAuditEvents(
  db: Kysely<DB>,
  witness?: AuditWitness,
  onAlarm: WitnessAlarm = () => {},
): Promise<number> {
  const pending = await sql<{ id: string }>`select app_unsealed_municipalities() as id`.execute(db);
  let sealed = 0;
  for (const { id: municipalityId } of pending.rows) {
    const witnessed = await witness?.read(municipalityId);
    for (;;) {
      const { rows } = await sql<{
        sealed: number;
        headPosition: number;
        headHash: string;
        witnessOk: boolean;
      }>`
        select * from app_seal_audit(${municipalityId}, ${BATCH}, ${witnessed?.position ?? null}, ${witnessed?.hash ?? null})`.execute(
        db,
      );
      const result = rows[0];
      const n = result?.sealed ?? 0;
      sealed += n;
      if (result && witness) {
        if (!result.witnessOk && witnessed) onAlarm(municipalityId, witnessed);
        else if (n > 0)
          await witness.write({ municipalityId, position: result.headPosition, hash: result.headHash });
      }
      if (n < BATCH) break;
    }
  }
  return sealed;
}

export interface ChainProblem {
  municipalityId: string;
  position: number;
  eventId: number | null;
  problem:
    | "hashMismatch"
    | "gap"
    | "headMismatch"
    /** The witnessed head lies beyond the chain: events at the end were deleted, or all of them. */
    | "witnessAhead"
    /** The chain holds another hash at the witnessed position: it was rewritten from there. */
    | "witnessMismatch"
    /** The witness file is unreadable or not signed with the configured key. */
    | "witnessInvalid";
}

/**
 * Recomputes every chain; returns the first problem per municipality (empty when intact). With a
 * witness, each chain must also still hold the last head written out for its municipality.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  witness?: AuditWitness,
): Promise<{ checked: number; witnessed: number; problems: ChainProblem[] }> {
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
  const witnessed = witness ? await compareWithWitness(db, witness, problems) : 0;
  return { checked, witnessed, problems };
}

/** Adds a problem for every witnessed head the chain no longer holds; returns how many were compared. */
async function compareWithWitness(db: Kysely<DB>, witness: AuditWitness, problems: ChainProblem[]) {
  let compared = 0;
  for (const head of await witness.list()) {
    compared += 1;
    const problem = (p: ChainProblem["problem"], position: number, eventId: number | null = null) =>
      problems.push({ municipalityId: head.municipalityId, position, eventId, problem: p });
    if ("unreadable" in head || !witness.isSigned(head)) {
      problem("witnessInvalid", "unreadable" in head ? 0 : head.position);
      continue;
    }
    const row = await db
      .selectFrom("auditEvent")
      .select(["id", "hash"])
      .where("municipalityId", "=", head.municipalityId)
      .where("chainPosition", "=", head.position)
      .executeTakeFirst();
    if (!row) problem("witnessAhead", head.position);
    else if (row.hash !== head.hash) problem("witnessMismatch", head.position, row.id);
  }
  return compared;
}

/** Runs the sealer shortly after writes, one run at a time, plus a periodic sweep. */
export class AuditSealer {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void,
    private readonly witness?: AuditWitness,
  ) {}

  private seal(): Promise<number> {
    return sealAuditEvents(this.db, this.witness, (municipalityId, witnessed) =>
      this.onError(
        new Error(
          `audit chain of municipality ${municipalityId} no longer holds the witnessed head at position ${witnessed.position}: it was rewritten or cut; run npm run audit:verify`,
        ),
      ),
    );
  }

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
          await this.seal();
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
    await this.seal();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
