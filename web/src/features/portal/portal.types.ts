/** Shapes of the portal API (see server/src/modules/portal/portal.schemas.ts). */
export type Basis = "parent" | "legalRepresentative" | "authorisedPerson";
export type Answer = "yes" | "somewhat" | "no";

export interface Authorisation {
  id: string;
  householdId: string;
  representedResidentId: string;
  representedName: string;
  basis: Basis;
  validFrom: string;
  validUntil: string;
  active: boolean;
}
export interface PortalMe {
  displayName: string;
  ownHouseholdId: string | null;
  authorisations: Authorisation[];
}
export interface ClosurePlan {
  plannedEndDate: string;
  aftercareContactDate: string | null;
  afterClosureNote: string | null;
}
export interface Overview {
  householdId: string;
  householdName: string;
  actingAs: "self" | "representative";
  residentId: string;
  members: { residentId: string; givenName: string; relation: string }[];
  case: {
    id: string;
    status: string;
    openedOn: string;
    closedOn: string | null;
    aftercareDate: string | null;
  } | null;
  caseLead: {
    displayName: string;
    organisationName: string;
    phone: string | null;
    reachability: string | null;
    hasPhoto: boolean;
  } | null;
  closurePlan: ClosurePlan | null;
  satisfactionAsked: boolean;
  authorisations: {
    id: string;
    representedResidentId: string;
    basis: Basis;
    validFrom: string;
    validUntil: string;
    active: boolean;
    isYou: boolean;
  }[];
}
export interface Proposal {
  id: string;
  text: string;
  status: "proposed" | "accepted" | "declined";
  proposedAt: string;
  decisionNote: string | null;
}
export interface GoalComment {
  id: string;
  text: string;
  mine: boolean;
  writtenAt: string;
}
export interface PlanAction {
  id: string;
  description: string;
  dueDate: string;
  status: string;
  who: "resident" | "network" | "professionals";
  actorKind: string;
  actorName: string | null;
}
export interface PlanGoal {
  id: string;
  domain: string;
  ownWords: string;
  targetDate: string;
  status: string;
  actions: PlanAction[];
  comments: GoalComment[];
}
export interface PlanResponse {
  plan: {
    id: string;
    version: number;
    startDate: string;
    expectedEndDate: string | null;
    nextReviewOn: string | null;
    agreedToCurrentVersion: boolean;
    lastAgreement: { planVersion: number; agreedOn: string; how: string } | null;
    caseOpen: boolean;
    goals: PlanGoal[];
  } | null;
  proposals: Proposal[];
}
export interface SelfAssessmentForm {
  residentId: string;
  domains: { domain: string; dataCategory: string }[];
  latest: { submittedAt: string; scores: { domain: string; level: number }[] } | null;
}
export interface MessageItem {
  id: string;
  authorKind: "resident" | "professional";
  authorName: string | null;
  mine: boolean;
  text: string;
  sentAt: string;
}
export interface MessageList {
  canSend: boolean;
  messages: MessageItem[];
}
export interface AccessEntry {
  id: string;
  occurredAt: string;
  action: string;
  actorRole: string | null;
  organisationName: string | null;
  actorName: string | null;
  reason: string | null;
  emergency: boolean;
}
export interface AccessLog {
  entries: AccessEntry[];
  exportRequests: ExportRequest[];
}
/** A request for all one's data: asked (requested), ready to download until a date, or expired. */
export interface ExportRequest {
  id: string;
  requestedAt: string;
  status: "requested" | "ready" | "expired";
  readyAt: string | null;
  expiresAt: string | null;
}
export interface CasePortal {
  caseId: string;
  householdId: string;
  status: string;
  planVersion: number | null;
  agreements: { planVersion: number; agreedOn: string; how: string; note: string | null }[];
  selfAssessments: {
    id: string;
    residentName: string;
    submittedAt: string;
    scores: { domain: string; level: number; professionalLevel: number | null }[];
  }[];
  messages: MessageItem[];
  proposals: Proposal[];
  comments: { id: string; goalId: string; goal: string | null; text: string; writtenAt: string }[];
  closurePlan: ClosurePlan | null;
  representations: {
    id: string;
    representedName: string;
    representativeName: string;
    basis: Basis;
    validFrom: string;
    validUntil: string;
    active: boolean;
    revoked: boolean;
  }[];
  /** Whether this user may link or unlink a member's login subject. */
  mayManageAccounts: boolean;
  members: {
    residentId: string;
    name: string;
    account: { userId: string; username: string; oidcLinked: boolean; linkedAt: string } | null;
  }[];
  goalDomains: { key: string; name: string }[];
}
export interface InboxItem {
  caseId: string;
  householdId: string;
  householdName: string;
  lastMessageAt: string;
  fromResident: number;
}
