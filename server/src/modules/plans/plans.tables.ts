import type { ColumnType } from "kysely";

/** Tables of the support plan, the network and reciprocity (migration 0006). Ids come from the application. */
type Auto<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A DATE column: 'YYYY-MM-DD' on both engines. */
type DateOnly = string;

export const RUNGS = [
  "ownStrength",
  "ownNetwork",
  "volunteersAndCollective",
  "individualProvision",
  "specialistCare",
] as const;
export type Rung = (typeof RUNGS)[number];
export const ACTOR_KINDS = [
  "resident",
  "networkMember",
  "volunteer",
  "collectiveProvision",
  "teamProfessional",
  "individualProvision",
  "specialistCare",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ESCALATION_REASONS = [
  "noNetwork",
  "networkOverburdened",
  "shameOrTaboo",
  "conflict",
  "crisisFirst",
  "needsSpecialistExpertise",
  "other",
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
export const ACTION_STATUSES = ["planned", "inProgress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const GOAL_STATUSES = ["active", "achieved", "stopped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const AGREEMENT_WAYS = ["inPerson", "signed", "digitalLater"] as const;
export type AgreementWay = (typeof AGREEMENT_WAYS)[number];

export interface SupportPlanTable {
  municipalityId: string;
  id: string;
  caseId: string;
  householdId: string;
  version: Auto<number>;
  startDate: DateOnly;
  expectedEndDate: DateOnly | null;
  createdByUserId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PlanGoalTable {
  municipalityId: string;
  id: string;
  planId: string;
  householdId: string;
  residentId: string | null;
  domain: string;
  dataCategory: "ordinary" | "special";
  currentLevel: number | null;
  currentLevelAssessedOn: DateOnly | null;
  targetLevel: number;
  startDate: DateOnly;
  targetDate: DateOnly;
  ownWords: string;
  professionalWording: string;
  consideredRungs: Auto<Rung[]>;
  ladderNote: string | null;
  status: Auto<GoalStatus>;
  position: number;
  createdAt: Timestamp;
  removedAt: Date | null;
}

export interface PlanActionTable {
  municipalityId: string;
  id: string;
  planId: string;
  goalId: string;
  householdId: string;
  dataCategory: "ordinary" | "special";
  description: string;
  dueDate: DateOnly;
  status: Auto<ActionStatus>;
  actorKind: ActorKind;
  rung: Rung;
  networkMemberId: string | null;
  directoryEntryId: string | null;
  professionalUserId: string | null;
  actorName: string | null;
  escalationReason: EscalationReason | null;
  escalationNote: string | null;
  helpTags: Auto<string[]>;
  createdByUserId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  completedAt: Date | null;
  removedAt: Date | null;
}

export interface PlanActionProgressTable {
  municipalityId: string;
  id: string;
  actionId: string;
  householdId: string;
  note: string;
  writtenByUserId: string;
  writtenAt: Timestamp;
}

export interface PlanVersionTable {
  municipalityId: string;
  planId: string;
  version: number;
  householdId: string;
  changedByUserId: string;
  changedAt: Timestamp;
  summary: string;
  snapshot: Json<PlanSnapshot>;
}

export interface PlanAgreementTable {
  municipalityId: string;
  planId: string;
  planVersion: number;
  householdId: string;
  agreedOn: DateOnly;
  /** 'digital': agreed by the resident in the portal (0012); staff record the other ways. */
  how: AgreementWay | "digital";
  note: string | null;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

export interface PlanReviewTable {
  municipalityId: string;
  id: string;
  planId: string;
  householdId: string;
  dueOn: DateOnly;
  heldOn: DateOnly | null;
  outcome: string | null;
  heldByUserId: string | null;
  createdAt: Timestamp;
}

export interface NetworkMemberTable {
  municipalityId: string;
  id: string;
  householdId: string;
  residentId: string | null;
  name: string;
  relation: string;
  contactFrequency: string;
  closeness: number;
  doesNow: string | null;
  couldDo: string | null;
  overburdened: Auto<boolean>;
  reluctance: Auto<string[]>;
  reluctanceNote: string | null;
  phone: string | null;
  version: Auto<number>;
  createdByUserId: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  removedAt: Date | null;
  removedByUserId: string | null;
}

export interface ReciprocityOfferTable {
  municipalityId: string;
  id: string;
  householdId: string;
  residentId: string;
  skills: Auto<string[]>;
  interests: Auto<string[]>;
  timeAvailable: string | null;
  description: string | null;
  active: Auto<boolean>;
  createdByUserId: string;
  createdAt: Timestamp;
}

export interface ReciprocityMatchTable {
  municipalityId: string;
  id: string;
  offerId: string;
  householdId: string;
  targetKind: "residentRequest" | "volunteerVacancy";
  requestActionId: string | null;
  requestHouseholdId: string | null;
  directoryEntryId: string | null;
  status: Auto<"proposed" | "agreed" | "declined">;
  proposedByUserId: string;
  proposedAt: Timestamp;
  agreedAt: Date | null;
}

export interface ReciprocityConsentTable {
  municipalityId: string;
  id: string;
  matchId: string;
  householdId: string;
  residentId: string | null;
  side: "offering" | "requesting";
  agreed: boolean;
  how: "inPerson" | "phone" | "signed" | "digital";
  givenOn: DateOnly;
  note: string | null;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

/** Goals and actions as they stood at one version (kept as JSON beside the live tables). */
export interface PlanSnapshot {
  startDate: string;
  expectedEndDate: string | null;
  nextReviewOn: string | null;
  goals: SnapshotGoal[];
  actions: SnapshotAction[];
}
export interface SnapshotGoal {
  id: string;
  domain: string;
  targetLevel: number;
  startDate: string;
  targetDate: string;
  ownWords: string;
  professionalWording: string;
  status: string;
  consideredRungs: string[];
}
export interface SnapshotAction {
  id: string;
  goalId: string;
  description: string;
  dueDate: string;
  status: string;
  actorKind: string;
  rung: string;
  actor: string | null;
  escalationReason: string | null;
}

export interface PlanTables {
  supportPlan: SupportPlanTable;
  planGoal: PlanGoalTable;
  planAction: PlanActionTable;
  planActionProgress: PlanActionProgressTable;
  planVersion: PlanVersionTable;
  planAgreement: PlanAgreementTable;
  planReview: PlanReviewTable;
  networkMember: NetworkMemberTable;
  reciprocityOffer: ReciprocityOfferTable;
  reciprocityMatch: ReciprocityMatchTable;
  reciprocityConsent: ReciprocityConsentTable;
}
