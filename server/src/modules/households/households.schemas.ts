import { type Static, type TSchema, Type } from "typebox";
import { DateTime, Uuid } from "../../platform/http/schemas.ts";

/** null first: with type coercion on, ajv would otherwise turn null into 0, "" or false. */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

// Fields with a business rule (BSN eleven-test, postcode, dates, buurt code) are checked by the
// service, so the answer names the problem precisely in Dutch; the schema only fixes the shapes.
const DateText = Type.String({ description: "JJJJ-MM-DD", maxLength: 10 });

export const RelationName = Type.Union([
  Type.Literal("self"),
  Type.Literal("partner"),
  Type.Literal("child"),
  Type.Literal("parent"),
  Type.Literal("other"),
]);

export const ResidentInput = Type.Object({
  givenName: Type.String({ minLength: 1, maxLength: 100 }),
  familyName: Type.String({ minLength: 1, maxLength: 100 }),
  birthDate: DateText,
  bsn: Type.Optional(Nullable(Type.String({ maxLength: 20, description: "Burgerservicenummer (elfproef)" }))),
  postcode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  houseNumber: Type.Optional(Nullable(Type.Integer())),
  houseNumberAddition: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  street: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  city: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  neighbourhoodCode: Type.Optional(
    Nullable(Type.String({ maxLength: 12, description: "CBS-buurtcode BUggggwwbb" })),
  ),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  preferredLanguage: Type.Optional(
    Type.String({ maxLength: 3, description: "ISO 639-code, bijvoorbeeld nl, ar, tr" }),
  ),
  interpreterNeeded: Type.Optional(Type.Boolean()),
});
export type ResidentInput = Static<typeof ResidentInput>;

export const MemberInput = Type.Intersect([
  ResidentInput,
  Type.Object({ relation: RelationName, isMainContact: Type.Optional(Type.Boolean()) }),
]);
export type MemberInput = Static<typeof MemberInput>;

export const RegisterHousehold = Type.Object({
  teamId: Type.Optional(Uuid),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  members: Type.Array(MemberInput, { minItems: 1, maxItems: 15 }),
  /** Sent after the user saw the possible duplicates and chose to continue. */
  confirmNotDuplicate: Type.Optional(Type.Boolean()),
});
export type RegisterHousehold = Static<typeof RegisterHousehold>;

export const AddMember = Type.Intersect([
  MemberInput,
  Type.Object({ confirmNotDuplicate: Type.Optional(Type.Boolean()) }),
]);
export type AddMember = Static<typeof AddMember>;

export const UpdateResident = Type.Intersect([
  ResidentInput,
  Type.Object({ version: Type.Integer({ minimum: 1 }) }),
]);
export type UpdateResident = Static<typeof UpdateResident>;

export const MergeHouseholds = Type.Object({
  mergedHouseholdId: Uuid,
  note: Type.String({ maxLength: 2000 }),
});

export const SearchQuery = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100 })),
  birthDate: Type.Optional(Type.String({ maxLength: 10 })),
  postcode: Type.Optional(Type.String({ maxLength: 10 })),
  bsn: Type.Optional(Type.String({ maxLength: 20 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const Created = Type.Object({ id: Type.String() });

export const DuplicateCandidate = Type.Object({
  visible: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  residentId: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  name: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  address: Nullable(Type.String()),
});

export const SearchResult = Type.Object({
  residentId: Type.String(),
  householdId: Type.String(),
  householdName: Type.String(),
  name: Type.String(),
  birthDate: Type.String(),
  postcode: Nullable(Type.String()),
  houseNumber: Nullable(Type.Integer()),
  houseNumberAddition: Nullable(Type.String()),
  caseStatus: Nullable(Type.String()),
});
export const SearchResults = Type.Object({ items: Type.Array(SearchResult) });

export const Resident = Type.Object({
  id: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  birthDate: Type.String(),
  bsn: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  houseNumber: Nullable(Type.Integer()),
  houseNumberAddition: Nullable(Type.String()),
  street: Nullable(Type.String()),
  city: Nullable(Type.String()),
  neighbourhoodCode: Nullable(Type.String()),
  neighbourhoodName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  preferredLanguage: Type.String(),
  interpreterNeeded: Type.Boolean(),
  version: Type.Integer(),
  relation: Type.String(),
  isMainContact: Type.Boolean(),
});

const Person = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

export const CaseProfessional = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  roleInCase: Type.String(),
  isCaseLead: Type.Boolean(),
  addedAt: DateTime,
  endedAt: Nullable(DateTime),
  endedReason: Nullable(Type.String()),
  /** Whether the reader may end this involvement (themselves, the case lead, the team lead). */
  mayEnd: Type.Boolean(),
});

export const Score = Type.Object({
  domain: Type.String(),
  level: Type.Integer(),
  residentLevel: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  assessedOn: Type.String(),
  assessor: Person,
  dataCategory: Type.String(),
});

export const Assessment = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  residentId: Type.String(),
  zrmVersion: Type.String(),
  kind: Type.String(),
  assessedOn: Type.String(),
  assessor: Person,
  scores: Type.Array(Score),
});

export const Intake = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  conversationDate: Type.String(),
  location: Type.String(),
  locationNote: Nullable(Type.String()),
  requestInOwnWords: Type.String(),
  underlyingQuestion: Type.String(),
  lifeDomains: Type.Array(Type.String()),
  ownStrengths: Nullable(Type.String()),
  networkSummary: Nullable(Type.String()),
  urgency: Type.String(),
  safetyConcerns: Nullable(Type.String()),
  recordedBy: Person,
  recordedAt: DateTime,
});

export const Case = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  teamName: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  acute: Type.Boolean(),
  openedAt: DateTime,
  allocatedBy: Person,
  allocationGrounds: Type.String(),
  caseLead: Person,
  closedAt: Nullable(DateTime),
  closureReason: Nullable(Type.String()),
  closureNote: Nullable(Type.String()),
  finalAssessmentId: Nullable(Type.String()),
  escalationPrevented: Nullable(Type.String()),
  escalationExplanation: Nullable(Type.String()),
  residentInformed: Nullable(Type.Boolean()),
  residentInformedHow: Nullable(Type.String()),
  aftercareDate: Nullable(Type.String()),
  professionals: Type.Array(CaseProfessional),
  nextStatuses: Type.Array(Type.String()),
});

export const JournalEntry = Type.Object({
  id: Type.String(),
  caseId: Nullable(Type.String()),
  kind: Type.String(),
  occurredOn: Type.String(),
  participants: Nullable(Type.String()),
  text: Type.String(),
  author: Person,
  createdAt: DateTime,
});

export const TimelineItem = Type.Object({
  at: DateTime,
  kind: Type.String(),
  caseId: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  summary: Type.String(),
  detail: Nullable(Type.String()),
});

export const Dossier = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mergedIntoId: Nullable(Type.String()),
  registeredByTeamId: Type.String(),
  createdAt: DateTime,
  members: Type.Array(Resident),
  cases: Type.Array(Case),
  intakes: Type.Array(Intake),
  assessments: Type.Array(Assessment),
  journal: Type.Array(JournalEntry),
  timeline: Type.Array(TimelineItem),
  zrmVersion: Type.String(),
  /** What the user may do here, from the same access levels the database enforces. */
  allowed: Type.Object({
    /** The whole dossier (false for the front office, which sees the registration only). */
    read: Type.Boolean(),
    /** Add members, open a case, record the intake (the front office too). */
    register: Type.Boolean(),
    write: Type.Boolean(),
    merge: Type.Boolean(),
    writeAssessment: Type.Boolean(),
    writeJournal: Type.Boolean(),
  }),
  access: Type.Object({
    levels: Type.Array(Type.String()),
    sources: Type.Array(Type.String()),
    emergencyUntil: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  }),
});
