import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Shared counters of rate limits and login throttles (migration 0027); platform code only. */
export interface RateLimitBucketTable {
  key: string;
  hits: number;
  windowEndsAt: Timestamp;
  blockedUntil: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MfaRecoveryCodeTable {
  municipalityId: string;
  userId: string;
  codeHash: string;
  createdAt: Timestamp;
  usedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PasswordSetupTokenTable {
  municipalityId: string;
  tokenHash: string;
  userId: string;
  requestedByUserId: string | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SecurityTables {
  rateLimitBucket: RateLimitBucketTable;
  mfaRecoveryCode: MfaRecoveryCodeTable;
  passwordSetupToken: PasswordSetupTokenTable;
}
