import { formatDate, formatDateTime as formatDateTimeNl } from "../../i18n/format.ts";
/** Shapes of the conference API (see server/src/modules/conferences/conferences.schemas.ts). */
export type DecisionKind = "action" | "caseLead" | "escalation";

export interface ConferenceSummary {
  id: string;
  title: string;
  scheduledAt: string;
  status: string;
  teamId: string;
  teamName: string;
  teamModel: string;
}

/** The plan action an action decision created; goal, case and status only for who may open the household. */
export interface LinkedPlanAction {
  id: string;
  caseId: string | null;
  goal: { domain: string; ownWords: string } | null;
  actorKind: string | null;
  status: string | null;
}

export interface Decision {
  id: string;
  kind: DecisionKind;
  description: string;
  assigneeUserId: string;
  assigneeName: string;
  dueDate: string | null;
  status: string;
  planAction: LinkedPlanAction | null;
}

export interface DecisionOptions {
  agendaItemId: string;
  today: string;
  planAction: {
    possible: boolean;
    refusal: string | null;
    caseId: string | null;
    goals: { id: string; domain: string; ownWords: string }[];
    networkMembers: { id: string; name: string }[];
    domains: string[];
  };
  actorKinds: { actorKind: string; rung: string; needsReason: boolean }[];
}

/** The form's fields for the plan part of an action decision (strings, as the inputs hold them). */
export interface PlanActionDraft {
  goalId: string;
  newGoalDomain: string;
  newGoalText: string;
  newGoalLevel: string;
  newGoalDate: string;
  actorKind: string;
  networkMemberId: string;
  directoryEntryId: string;
  actorName: string;
  escalationReason: string;
  escalationNote: string;
}

export interface AgendaItem {
  id: string;
  position: number;
  presentation: "pseudonymised" | "named";
  pseudonym: string;
  namedLabel: string | null;
  householdId: string | null;
  question: string | null;
  actions: string[];
  decisions: Decision[];
}

export interface Participant {
  userId: string;
  name: string;
  role: string;
  organisationId: string | null;
  organisationName: string | null;
  kind: "member" | "invitedPartner";
}

export interface Conference extends ConferenceSummary {
  location: string | null;
  participants: Participant[];
  agenda: AgendaItem[];
  actions: string[];
}

export interface Person {
  userId: string;
  name: string;
  role: string;
  organisationName: string | null;
}

export interface Candidates {
  members: Person[];
  invitable: Person[];
  households: { householdId: string; name: string }[];
}

export interface Minutes {
  title: string;
  teamName: string;
  scheduledAt: string;
  participants: { name: string; organisationName: string | null; kind: string }[];
  items: {
    position: number;
    case: string;
    question: string | null;
    decisions: { kind: string; description: string; assignee: string; dueDate: string | null }[];
  }[];
  learningNotes: string[];
}

export interface MyDecision {
  id: string;
  conferenceId: string;
  conferenceTitle: string;
  scheduledAt: string;
  kind: string;
  description: string;
  dueDate: string | null;
  status: string;
  caseLabel: string;
  householdId: string | null;
  planAction: LinkedPlanAction | null;
}

export const formatDateTime = (iso: string) => formatDateTimeNl(iso);

export const formatDay = (day: string | null) => formatDate(day);
