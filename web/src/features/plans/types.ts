/** Shapes of the plan, network and worklist API (see server/src/modules/{plans,network,worklist}). */
export interface Worklist {
  today: string;
  cases: {
    caseId: string;
    householdId: string;
    householdName: string;
    status: string;
    acute: boolean;
    planId: string | null;
  }[];
  actions: {
    actionId: string;
    description: string;
    dueDate: string;
    overdue: boolean;
    caseId: string;
    householdName: string;
  }[];
  reviews: { reviewId: string; dueOn: string; overdue: boolean; caseId: string; householdName: string }[];
  acute: { caseId: string; householdName: string; acute: boolean; domains: string[] }[];
  aftercare: { caseId: string; householdName: string; aftercareDate: string; overdue: boolean }[];
  signals: { signalId: string; referenceCode: string; deadlineAt: string }[];
  /** Open decisions from case conferences (conferences module). */
  conferenceDecisions?: import("../conferences/types.ts").MyDecision[];
}
export interface TeamWorklist {
  members: {
    userId: string;
    name: string;
    counts: { caseload: number; actionsOverdue: number; reviewsDue: number; signals: number };
  }[];
}
export interface PlanAction {
  id: string;
  description: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  actorKind: string;
  rung: string;
  networkMemberId: string | null;
  networkMemberName: string | null;
  directoryEntryId: string | null;
  directoryEntryName: string | null;
  professionalUserId: string | null;
  professionalName: string | null;
  actorName: string | null;
  escalationReason: string | null;
  escalationNote: string | null;
  helpTags: string[];
  progress: { id: string; note: string; writtenAt: string; writtenByName: string | null }[];
}
export interface PlanGoal {
  id: string;
  residentId: string | null;
  domain: string;
  status: string;
  startDate: string;
  consideredRungs: string[];
  ladderNote: string | null;
  dataCategory: string;
  currentLevel: number | null;
  targetLevel: number;
  targetDate: string;
  ownWords: string;
  professionalWording: string;
  ladder: { rung: string; considered: boolean; actionCount: number; reasons: string[] }[];
  actions: PlanAction[];
}
export interface Plan {
  id: string;
  caseId: string;
  householdId: string;
  version: number;
  startDate: string;
  expectedEndDate: string | null;
  zrmVersion: string;
  caseLead: { name: string; organisationName: string } | null;
  goals: PlanGoal[];
  nextReviewOn: string | null;
  reviews: { id: string; dueOn: string; heldOn: string | null; overdue: boolean }[];
  agreedToCurrentVersion: boolean;
  versions: { version: number; changedAt: string; summary: string; changedByName: string | null }[];
  allowed: { write: boolean };
}
export interface NetworkMember {
  id: string;
  name: string;
  relation: string;
  contactFrequency: string;
  closeness: number;
  doesNow: string | null;
  couldDo: string | null;
  overburdened: boolean;
  reluctance: string[];
  version: number;
  actions: { id: string; description: string; status: string }[];
}
export interface Network {
  householdId: string;
  householdName: string;
  residents: { id: string; name: string }[];
  members: NetworkMember[];
}
