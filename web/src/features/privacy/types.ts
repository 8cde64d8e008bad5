import { formatDate, formatDateTime } from "../../i18n/format.ts";
/** Shapes of the privacy API (server/src/modules/privacy, emergencyAccess, residentRights). */
export type AccessLevel =
  | "caseLead"
  | "edit"
  | "read"
  | "emergency"
  | "frontOffice"
  | "resident"
  | "representative"
  | "none";

/** What the server allows on a household (levels from the access table, and the use cases they allow). */
export interface HouseholdAccess {
  householdId: string;
  level: AccessLevel;
  levels: AccessLevel[];
  sources: string[];
  emergencyUntil: string | null;
  actions: string[];
}

export interface Purpose {
  id: string;
  code: string;
  name: string;
  legalBasis: string;
  lawArticle: string;
  categories: string[];
  retentionMonths: number;
  retentionFrom: string;
  retentionAction: string;
  isDefault: boolean;
  active: boolean;
}

export interface PurposeRegister {
  items: Purpose[];
  categories: { key: string; name: string; special: boolean }[];
}

export interface Consent {
  id: string;
  purposeCode: string;
  purposeName: string;
  recipientOrganisationIds: string[];
  recipientRoles: string[];
  categories: string[];
  coversConferenceNaming: boolean;
  validFrom: string;
  validUntil: string | null;
  givenHow: string;
  note: string | null;
  withdrawnAt: string | null;
}

export interface EmergencyAccess {
  id: string;
  householdId: string;
  userName: string;
  reason: string;
  startsAt: string;
  expiresAt: string;
  endedAt: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewNote: string | null;
  active: boolean;
}

export const day = (value: string | null) => formatDate(value ? value.slice(0, 10) : null);
export const time = (iso: string) => formatDateTime(iso);
