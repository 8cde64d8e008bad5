import type { ColumnType } from "kysely";

/** Tables of migration 0007 (privacy, conferences, emergency access, resident rights). Ids come from the app. */
type Auto<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = string;

export type LegalBasis = "legalObligation" | "publicTask" | "consent" | "vitalInterest";
export type ConsentGivenHow = "verbal" | "written" | "digital";

export interface PrivacySettingTable {
  municipalityId: string;
  emergencyDefaultMinutes: Auto<number>;
  emergencyMaxMinutes: Auto<number>;
  emergencyMinReasonLength: Auto<number>;
}

export interface ProcessingPurposeTable {
  municipalityId: string;
  id: string;
  code: string;
  name: string;
  legalBasis: LegalBasis;
  lawArticle: string;
  categories: string[];
  retentionMonths: number;
  retentionFrom: Auto<"caseClosed" | "registered">;
  retentionAction: Auto<"delete" | "anonymise">;
  isDefault: Auto<boolean>;
  active: Auto<boolean>;
  createdAt: Timestamp;
}

export interface CasePurposeTable {
  municipalityId: string;
  caseId: string;
  householdId: string;
  purposeId: string;
  setByUserId: string;
  setAt: Timestamp;
}

export interface ConsentTable {
  municipalityId: string;
  id: string;
  householdId: string;
  residentId: string | null;
  purposeId: string;
  recipientOrganisationIds: Auto<string[]>;
  recipientRoles: Auto<string[]>;
  categories: string[];
  coversConferenceNaming: Auto<boolean>;
  validFrom: DateOnly;
  validUntil: DateOnly | null;
  givenHow: ConsentGivenHow;
  note: string | null;
  recordedByUserId: string;
  recordedAt: Timestamp;
  withdrawnAt: Date | null;
  withdrawnByUserId: string | null;
  withdrawalNote: string | null;
}

export interface CaseRoutingTable {
  municipalityId: string;
  id: string;
  caseId: string;
  householdId: string;
  teamId: string;
  toOrganisationId: string;
  toUserId: string | null;
  note: string | null;
  routedByUserId: string;
  routedAt: Timestamp;
  withdrawnAt: Date | null;
}

export interface EmergencyAccessTable {
  municipalityId: string;
  id: string;
  householdId: string;
  userId: string;
  teamId: string | null;
  reason: string;
  startsAt: Timestamp;
  expiresAt: Timestamp;
  endedAt: Date | null;
  reviewedAt: Date | null;
  reviewedByUserId: string | null;
  reviewNote: string | null;
  /** Who reviews it: the team lead of its team, or the administrator when that team has none. */
  reviewer: "teamLead" | "administrator";
  caseLeadSeenAt: Date | null;
}

export interface CaseConferenceTable {
  municipalityId: string;
  id: string;
  teamId: string;
  title: string;
  scheduledAt: Timestamp;
  location: string | null;
  status: Auto<"planned" | "held">;
  createdByUserId: string;
  createdAt: Timestamp;
}

export interface ConferenceParticipantTable {
  municipalityId: string;
  conferenceId: string;
  userId: string;
  organisationId: string | null;
  kind: "member" | "invitedPartner";
}

export interface ConferenceAgendaItemTable {
  municipalityId: string;
  id: string;
  conferenceId: string;
  householdId: string;
  caseId: string;
  position: number;
  presentation: "pseudonymised" | "named";
  pseudonym: string;
  namedLabel: string | null;
  consentId: string | null;
  question: string | null;
  addedByUserId: string;
  addedAt: Timestamp;
}

export interface ConferenceDecisionTable {
  municipalityId: string;
  id: string;
  conferenceId: string;
  agendaItemId: string;
  householdId: string;
  kind: "action" | "caseLead" | "escalation";
  description: string;
  assigneeUserId: string;
  dueDate: DateOnly | null;
  status: Auto<"open" | "done">;
  decidedByUserId: string;
  decidedAt: Timestamp;
  completedAt: Date | null;
  /** The plan action an 'action' decision created (0018); null for older decisions and other kinds. */
  planActionId: Auto<string | null>;
}

export interface CaseLearningNoteTable {
  municipalityId: string;
  id: string;
  teamId: string;
  conferenceId: string | null;
  text: string;
  tags: Auto<string[]>;
  writtenByUserId: string;
  writtenAt: Timestamp;
}

export interface ResidentCorrectionTable {
  municipalityId: string;
  id: string;
  residentId: string;
  householdId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  correctedByUserId: string;
  correctedAt: Timestamp;
}

export interface RetentionRunTable {
  municipalityId: string;
  id: string;
  ranAt: Timestamp;
  clock: Timestamp;
  deletedHouseholdIds: Auto<string[]>;
  anonymisedHouseholdIds: Auto<string[]>;
  deletedSignalIds: Auto<string[]>;
  rowCounts: Auto<Record<string, number>>;
}

export interface PrivacyTables {
  privacySetting: PrivacySettingTable;
  processingPurpose: ProcessingPurposeTable;
  casePurpose: CasePurposeTable;
  consent: ConsentTable;
  caseRouting: CaseRoutingTable;
  emergencyAccess: EmergencyAccessTable;
  caseConference: CaseConferenceTable;
  conferenceParticipant: ConferenceParticipantTable;
  conferenceAgendaItem: ConferenceAgendaItemTable;
  conferenceDecision: ConferenceDecisionTable;
  caseLearningNote: CaseLearningNoteTable;
  residentCorrection: ResidentCorrectionTable;
  retentionRun: RetentionRunTable;
  exportDelivery: ExportDeliveryTable;
}

/** A produced privacy export, delivered to the resident through the portal until it expires (0018). */
export interface ExportDeliveryTable {
  municipalityId: string;
  requestId: string;
  householdId: string;
  residentId: string;
  requestedByUserId: string;
  deliveredByUserId: string;
  deliveredAt: Timestamp;
  expiresAt: Timestamp;
  /** The export as JSON text; null once purged after expiry. */
  content: string | null;
  contentSha256: string;
  contentBytes: number;
  purgedAt: Date | null;
}
