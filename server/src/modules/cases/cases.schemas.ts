import { type TSchema, Type } from "typebox";
import { DateTime, Uuid } from "../../platform/http/schemas.ts";

/** null first: with type coercion on, ajv would otherwise turn null into 0, "" or false. */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

const Version = Type.Integer({ minimum: 1, description: "De versie van de casus die u las" });
const DateText = Type.String({ maxLength: 10, description: "JJJJ-MM-DD" });

export const CaseStatusName = Type.Union(
  ["registration", "intake", "plan", "execution", "evaluation", "closed", "reopened"].map((s) =>
    Type.Literal(s),
  ),
);

export const OpenCase = Type.Object({
  teamId: Type.Optional(Uuid),
  caseLeadUserId: Uuid,
  decidedByUserId: Type.Optional(Uuid),
  allocationGrounds: Type.String({ maxLength: 2000 }),
});

export const ChangeStatus = Type.Object({
  version: Version,
  status: CaseStatusName,
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});

export const Handover = Type.Object({
  version: Version,
  toUserId: Uuid,
  note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
});

export const InvolveProfessional = Type.Object({
  version: Version,
  userId: Uuid,
  organisationId: Type.Optional(Uuid),
  roleInCase: Type.String({ maxLength: 100 }),
  asCaseLead: Type.Optional(Type.Boolean()),
});

export const RecordIntake = Type.Object({
  version: Version,
  conversationDate: DateText,
  location: Type.Union([Type.Literal("homeVisit"), Type.Literal("desk"), Type.Literal("elsewhere")]),
  locationNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  requestInOwnWords: Type.String({ maxLength: 4000 }),
  underlyingQuestion: Type.String({ maxLength: 4000 }),
  lifeDomains: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 16 }),
  ownStrengths: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  networkSummary: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  urgency: Type.Union([
    Type.Literal("low"),
    Type.Literal("normal"),
    Type.Literal("high"),
    Type.Literal("acute"),
  ]),
  safetyConcerns: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
});

// Levels are checked by the service (1–5, whole numbers) so the answer names the domain in Dutch.
export const ScoreInput = Type.Object({
  domain: Type.String({ maxLength: 40 }),
  level: Type.Number(),
  residentLevel: Type.Optional(Nullable(Type.Number())),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  assessedOn: Type.Optional(Nullable(DateText)),
});

export const RecordAssessment = Type.Object({
  residentId: Uuid,
  assessedOn: DateText,
  scores: Type.Array(ScoreInput, { maxItems: 16 }),
});

// Closure fields are optional in the schema so that a missing one gets a named Dutch message.
export const CloseCase = Type.Object({
  version: Version,
  reason: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  finalAssessment: Type.Optional(Nullable(RecordAssessment)),
  escalationPrevented: Type.Optional(
    Nullable(Type.Union([Type.Literal("yes"), Type.Literal("no"), Type.Literal("unknown")])),
  ),
  escalationExplanation: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  // One schema with two types: ajv then coerces nothing (an anyOf with null first turned false into null).
  residentInformed: Type.Optional(Type.Unsafe<boolean | null>({ type: ["boolean", "null"] })),
  residentInformedHow: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  aftercareDate: Type.Optional(Nullable(DateText)),
});

export const CaseProfessionalParams = Type.Object({ id: Uuid, userId: Uuid });
export const EndInvolvement = Type.Object({
  version: Version,
  reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});

export const ReopenCase = Type.Object({ version: Version, reason: Type.String({ maxLength: 2000 }) });

export const AddJournalEntry = Type.Object({
  caseId: Type.Optional(Nullable(Uuid)),
  kind: Type.Union([
    Type.Literal("homeVisit"),
    Type.Literal("phoneCall"),
    Type.Literal("consultation"),
    Type.Literal("meeting"),
  ]),
  occurredOn: DateText,
  participants: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  text: Type.String({ maxLength: 10000 }),
});

export const Created = Type.Object({ id: Type.String() });

export const WorklistItem = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  householdName: Type.String(),
  status: Type.String(),
  acute: Type.Boolean(),
  openedAt: DateTime,
  aftercareDate: Nullable(Type.String()),
  teamName: Type.String(),
  caseLeadName: Nullable(Type.String()),
  isMine: Type.Boolean(),
});
export const Worklist = Type.Object({ items: Type.Array(WorklistItem) });
