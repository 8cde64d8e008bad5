/** Shapes of the reciprocity API (server/src/modules/reciprocity/reciprocity.schemas.ts). */
export interface Offer {
  id: string;
  residentId: string;
  residentName: string;
  skills: string[];
  interests: string[];
  timeAvailable: string | null;
  description: string | null;
}
export interface Match {
  id: string;
  offerId: string;
  side: "offering" | "requesting";
  targetKind: "residentRequest" | "volunteerVacancy";
  counterpart: string;
  helpTags: string[];
  status: string;
  proposedAt: string;
  agreedAt: string | null;
  consents: { side: string; agreed: boolean; how: string; givenOn: string; recordedAt: string }[];
  parties: { side: string; name: string; phone: string | null; email: string | null }[];
}
export interface Reciprocity {
  householdId: string;
  offers: Offer[];
  matches: Match[];
}
export interface Candidates {
  offerId: string;
  requests: {
    actionId: string;
    pseudonym: string;
    helpTags: string[];
    matchingTags: string[];
    neighbourhoodName: string | null;
    distanceKm: number | null;
    dueDate: string;
  }[];
  vacancies: {
    directoryEntryId: string;
    name: string;
    providerName: string;
    matchingTags: string[];
    distanceKm: number | null;
  }[];
}
/** What a professional records about one resident's consent: yes or no, when, and how it was given. */
export interface ConsentValue {
  agreed: boolean | null;
  how: string;
  givenOn: string;
  note: string;
}
