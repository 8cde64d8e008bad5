import { type Static, Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { MemberInput } from "../households/households.schemas.ts";

export const QueueQuery = Type.Object({
  teamId: Type.Optional(Uuid),
  state: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("all")])),
});

export const QueueItem = Type.Object({
  id: Type.String(),
  referenceCode: Type.String(),
  source: Type.String(),
  subject: Type.String(),
  personName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  street: Nullable(Type.String()),
  neighbourhoodCode: Type.String(),
  neighbourhoodName: Nullable(Type.String()),
  category: Type.String(),
  urgency: Type.String(),
  receivedAt: DateTime,
  deadlineAt: DateTime,
  overdue: Type.Boolean(),
  triageState: Type.String(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  groupId: Type.String(),
  groupSize: Type.Integer(),
  meldcode: Type.Boolean(),
  reporterOrganisationName: Nullable(Type.String()),
});
export const Queue = Type.Object({ items: Type.Array(QueueItem) });

export const ContactAttempt = Type.Object({
  id: Type.String(),
  attemptedAt: DateTime,
  method: Type.String(),
  outcome: Type.String(),
  note: Nullable(Type.String()),
  userName: Type.String(),
});
export const MeldcodeStep = Type.Object({
  step: Type.Integer(),
  title: Type.String(),
  done: Type.Boolean(),
  /** Skipped by the team lead; the note says why. */
  skipped: Type.Boolean(),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Nullable(DateTime),
});

export const SignalDetail = Type.Intersect([
  QueueItem,
  Type.Object({
    observation: Type.String(),
    residentAware: Type.Boolean(),
    anonymous: Type.Boolean(),
    reporterName: Nullable(Type.String()),
    reporterPhone: Nullable(Type.String()),
    reporterEmail: Nullable(Type.String()),
    externalReference: Nullable(Type.String()),
    dataCategory: Type.String(),
    decidedAt: Nullable(DateTime),
    decidedBy: Nullable(Type.String()),
    decisionReason: Nullable(Type.String()),
    referredTo: Nullable(Type.String()),
    outreachUserId: Nullable(Type.String()),
    outreachUserName: Nullable(Type.String()),
    householdId: Nullable(Type.String()),
    caseId: Nullable(Type.String()),
    initiativeId: Nullable(Type.String()),
    firstContactAt: Nullable(DateTime),
    contactAttempts: Type.Array(ContactAttempt),
    meldcodeSteps: Type.Array(MeldcodeStep),
    group: Type.Array(
      Type.Object({
        id: Type.String(),
        referenceCode: Type.String(),
        category: Type.String(),
        source: Type.String(),
        receivedAt: DateTime,
        triageState: Type.String(),
      }),
    ),
    teamMembers: Type.Array(Type.Object({ userId: Type.String(), displayName: Type.String() })),
    reportedToVeiligThuis: Type.Boolean(),
    allowed: Type.Object({
      decide: Type.Boolean(),
      noAction: Type.Boolean(),
      endWithoutCase: Type.Boolean(),
      reportVeiligThuis: Type.Boolean(),
      skipMeldcodeStep: Type.Boolean(),
      recordContact: Type.Boolean(),
    }),
  }),
]);

export const Decision = Type.Object({
  decision: Type.Union([
    Type.Literal("outreach"),
    Type.Literal("linkHousehold"),
    Type.Literal("openCase"),
    Type.Literal("refer"),
    Type.Literal("neighbourhood"),
    Type.Literal("noAction"),
    Type.Literal("reportVeiligThuis"),
  ]),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  outreachUserId: Type.Optional(Uuid),
  householdId: Type.Optional(Uuid),
  referredTo: Type.Optional(Type.String({ maxLength: 400 })),
  initiativeId: Type.Optional(Uuid),
  /** For openCase: the household to register (the address comes from the signal). */
  members: Type.Optional(Type.Array(MemberInput, { minItems: 1, maxItems: 15 })),
  allocationGrounds: Type.Optional(Type.String({ maxLength: 4000 })),
  confirmNotDuplicate: Type.Optional(Type.Boolean()),
});
export type Decision = Static<typeof Decision>;

export const ContactAttemptInput = Type.Object({
  attemptedAt: Type.Optional(Type.String({ format: "date-time" })),
  method: Type.Union([
    Type.Literal("homeVisit"),
    Type.Literal("phone"),
    Type.Literal("letter"),
    Type.Literal("viaPartner"),
    Type.Literal("other"),
  ]),
  outcome: Type.Union([
    Type.Literal("reached"),
    Type.Literal("notHome"),
    Type.Literal("noAnswer"),
    Type.Literal("declined"),
  ]),
  note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
});
export type ContactAttemptInput = Static<typeof ContactAttemptInput>;

export const MeldcodeStepInput = Type.Object({
  step: Type.Integer({ minimum: 1, maximum: 5 }),
  note: Type.String({ maxLength: 4000 }),
  /** Only a team lead skips a step; the note then says why. */
  skipped: Type.Optional(Type.Boolean()),
});

export const Match = Type.Object({
  residentId: Type.String(),
  householdId: Type.String(),
  householdName: Type.String(),
  name: Type.String(),
  birthDate: Type.String(),
  address: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
  openCaseId: Nullable(Type.String()),
});
export const Matches = Type.Object({
  items: Type.Array(Match),
  /** Matches at this address in dossiers the user may not open: only their number. */
  hiddenMatches: Type.Integer(),
});
