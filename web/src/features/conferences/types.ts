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

export interface Decision {
  id: string;
  kind: DecisionKind;
  description: string;
  assigneeUserId: string;
  assigneeName: string;
  dueDate: string | null;
  status: string;
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
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });

export const formatDay = (day: string | null) => (day ? day.split("-").reverse().join("-") : "–");
