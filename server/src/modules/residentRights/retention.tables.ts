import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A record kept whatever its retention says (complaint, objection, court case): a household or a signal. */
export interface LegalHoldTable {
  municipalityId: string;
  id: string;
  householdId: string | null;
  signalId: string | null;
  reason: string;
  placedByUserId: string;
  placedAt: Timestamp;
  releasedAt: Date | null;
  releasedByUserId: string | null;
}

export type RetentionOutcome = "deleted" | "anonymised" | "kept" | "failed";
export type KeptBecause =
  | "legalHold"
  | "openCase"
  | "openSignal"
  | "awaitingReview"
  | "openDecision"
  | "referenced";

/** One record a retention run dealt with: kind, id, date and rule — never content (0032). */
export interface RetentionLogEntryTable {
  municipalityId: string;
  runId: string;
  position: number;
  kind: string;
  recordId: string;
  recordDate: string | null;
  rule: string;
  outcome: RetentionOutcome;
  keptBecause: KeptBecause | null;
}

export interface RetentionTables {
  legalHold: LegalHoldTable;
  retentionLogEntry: RetentionLogEntryTable;
}
