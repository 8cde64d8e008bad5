import { todayIso } from "../../i18n/format.ts";
/** Shapes of the dossier API (see server/src/modules/households/households.schemas.ts). */
export interface Person {
  id: string;
  name: string;
}
export interface Member {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  bsn: string | null;
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
  street: string | null;
  city: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  relation: string;
  isMainContact: boolean;
  /** Raised on every change; sent back with an edit so a concurrent change is detected (409). */
  version: number;
}
export interface CaseProfessional {
  userId: string;
  name: string;
  organisationName: string;
  roleInCase: string;
  isCaseLead: boolean;
  endedAt: string | null;
  endedReason: string | null;
  /** The reader may end this involvement (themselves, the case lead, the team lead). */
  mayEnd: boolean;
}
export interface CaseFile {
  id: string;
  teamId: string;
  teamName: string;
  status: string;
  version: number;
  acute: boolean;
  openedAt: string;
  allocatedBy: Person | null;
  allocationGrounds: string;
  caseLead: Person | null;
  closureReason: string | null;
  escalationPrevented: string | null;
  escalationExplanation: string | null;
  residentInformedHow: string | null;
  aftercareDate: string | null;
  professionals: CaseProfessional[];
  nextStatuses: string[];
}
export interface Score {
  domain: string;
  level: number;
  residentLevel: number | null;
  note: string | null;
}
export interface Assessment {
  id: string;
  caseId: string;
  residentId: string;
  zrmVersion: string;
  kind: string;
  assessedOn: string;
  assessor: Person | null;
  scores: Score[];
}
export interface Intake {
  id: string;
  conversationDate: string;
  location: string;
  requestInOwnWords: string;
  underlyingQuestion: string;
  lifeDomains: string[];
  ownStrengths: string | null;
  networkSummary: string | null;
  urgency: string;
  safetyConcerns: string | null;
}
export interface JournalEntry {
  id: string;
  kind: string;
  occurredOn: string;
  participants: string | null;
  text: string;
  author: Person | null;
}
export interface TimelineItem {
  at: string;
  kind: string;
  actor: string | null;
  summary: string;
  detail: string | null;
}
export interface Dossier {
  id: string;
  name: string;
  mergedIntoId: string | null;
  registeredByTeamId: string;
  members: Member[];
  cases: CaseFile[];
  intakes: Intake[];
  assessments: Assessment[];
  journal: JournalEntry[];
  timeline: TimelineItem[];
  zrmVersion: "2010" | "2017";
  allowed: { write: boolean; merge: boolean; writeAssessment: boolean; writeJournal: boolean };
}
export interface ZrmInstrument {
  attribution: string;
  municipalityVersion: "2010" | "2017";
  versions: { version: string; domains: { key: string; name: string; dataCategory: string }[] }[];
  descriptions: { zrmVersion: string; domain: string; level: number; description: string }[];
}
export interface TeamMember {
  userId: string;
  displayName: string;
  role: string;
}

export { formatDate } from "../../i18n/format.ts";
export const today = () => todayIso();
