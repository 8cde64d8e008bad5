import type { ColumnType, Generated } from "kysely";

type Auto<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One run of a background job (migration 0028): platform-wide, counts only. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  slot: string;
  instance: string;
  attempt: Auto<number>;
  state: Auto<"running" | "succeeded" | "failed">;
  startedAt: Timestamp;
  finishedAt: Auto<Date | null>;
  summary: Auto<Record<string, number | string | boolean>>;
  error: Auto<string | null>;
}

export type ReminderKind =
  | "aftercareCheckIn"
  | "planReview"
  | "directoryReview"
  | "signalDeadline"
  | "signalDeadlineTripled";

/** A reminder a job put on a user's worklist. */
export interface ReminderTable {
  municipalityId: string;
  id: Generated<string>;
  userId: string;
  kind: ReminderKind;
  caseId: Auto<string | null>;
  planReviewId: Auto<string | null>;
  directoryEntryId: Auto<string | null>;
  signalId: Auto<string | null>;
  dueOn: string;
  createdAt: Timestamp;
  notifiedAt: Auto<Date | null>;
  dismissedAt: Auto<Date | null>;
}

/** A one-time password set-up link; only the token's SHA-256 is stored. */
export interface OperationsTables {
  jobRun: JobRunTable;
  reminder: ReminderTable;
}
