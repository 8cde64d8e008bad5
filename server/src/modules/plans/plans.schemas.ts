import { type Static, type TSchema, Type } from "typebox";
import { DateTime, Uuid } from "../../platform/http/schemas.ts";
import {
  ACTION_STATUSES,
  ACTOR_KINDS,
  AGREEMENT_WAYS,
  ESCALATION_REASONS,
  GOAL_STATUSES,
  RUNGS,
} from "./plans.tables.ts";

const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" });
const Text = (max = 2000) => Type.String({ maxLength: max });
const Version = Type.Integer({
  minimum: 1,
  description: "The plan version the client read (409 when it changed).",
});
/** null first: with type coercion on, ajv would otherwise turn null into "" or 0 (see households.schemas.ts). */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const Rung = Type.Enum(RUNGS);
export const ActorKind = Type.Enum(ACTOR_KINDS);
export const EscalationReason = Type.Enum(ESCALATION_REASONS);

export const CaseParams = Type.Object({ caseId: Uuid });
export const PlanParams = Type.Object({ planId: Uuid });
export const GoalParams = Type.Object({ planId: Uuid, goalId: Uuid });
export const ActionParams = Type.Object({ planId: Uuid, actionId: Uuid });
export const ReviewParams = Type.Object({ planId: Uuid, reviewId: Uuid });

export const CreatePlan = Type.Object({
  startDate: Day,
  expectedEndDate: Type.Optional(Nullable(Day)),
  firstReviewOn: Type.Optional(Nullable(Day)),
});
export type CreatePlan = Static<typeof CreatePlan>;

export const PlanDates = Type.Object({
  version: Version,
  startDate: Day,
  expectedEndDate: Type.Optional(Nullable(Day)),
});
export type PlanDates = Static<typeof PlanDates>;

export const GoalInput = Type.Object({
  domain: Type.String({ maxLength: 40 }),
  residentId: Type.Optional(Nullable(Uuid)),
  targetLevel: Type.Integer({ minimum: 1, maximum: 5 }),
  startDate: Type.Optional(Nullable(Day)),
  targetDate: Day,
  ownWords: Text(),
  professionalWording: Text(),
  consideredRungs: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 5 })),
  ladderNote: Type.Optional(Nullable(Text())),
});
export type GoalInput = Static<typeof GoalInput>;
export const AddGoal = Type.Intersect([GoalInput, Type.Object({ version: Version })]);
export const ChangeGoal = Type.Intersect([
  GoalInput,
  Type.Object({ version: Version, status: Type.Optional(Type.Enum(GOAL_STATUSES)) }),
]);
export const VersionOnly = Type.Object({ version: Version });

export const ActionInput = Type.Object({
  description: Text(),
  dueDate: Day,
  actorKind: ActorKind,
  networkMemberId: Type.Optional(Nullable(Uuid)),
  directoryEntryId: Type.Optional(Nullable(Uuid)),
  professionalUserId: Type.Optional(Nullable(Uuid)),
  actorName: Type.Optional(Nullable(Text(200))),
  escalationReason: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  escalationNote: Type.Optional(Nullable(Text())),
  helpTags: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
});
export type ActionInput = Static<typeof ActionInput>;
export const AddAction = Type.Intersect([ActionInput, Type.Object({ version: Version })]);
export const ChangeAction = Type.Intersect([
  ActionInput,
  Type.Object({ version: Version, status: Type.Optional(Type.Enum(ACTION_STATUSES)) }),
]);
export const AddProgress = Type.Object({
  version: Version,
  note: Text(),
  status: Type.Optional(Type.Enum(ACTION_STATUSES)),
});
export type AddProgress = Static<typeof AddProgress>;

export const RecordAgreement = Type.Object({
  version: Version,
  agreedOn: Day,
  how: Type.Enum(AGREEMENT_WAYS),
  note: Type.Optional(Nullable(Text(1000))),
});
export type RecordAgreement = Static<typeof RecordAgreement>;

export const ScheduleReview = Type.Object({ version: Version, dueOn: Day });
export const HoldReview = Type.Object({
  version: Version,
  heldOn: Day,
  outcome: Text(4000),
  nextDueOn: Type.Optional(Nullable(Day)),
});
export type HoldReview = Static<typeof HoldReview>;

export const CompareQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Integer({ minimum: 1 }),
});
export const FiguresQuery = Type.Object({ teamId: Uuid, from: Day, to: Day });

export const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });

const Progress = Type.Object({
  id: Type.String(),
  note: Type.String(),
  writtenAt: DateTime,
  writtenByName: Nullable(Type.String()),
});
const LadderStep = Type.Object({
  rung: Type.String(),
  considered: Type.Boolean(),
  actionCount: Type.Integer(),
  reasons: Type.Array(Type.String()),
});
export const Action = Type.Object({
  id: Type.String(),
  goalId: Type.String(),
  dataCategory: Type.String(),
  description: Type.String(),
  dueDate: Type.String(),
  status: Type.String(),
  overdue: Type.Boolean(),
  actorKind: Type.String(),
  rung: Type.String(),
  networkMemberId: Nullable(Type.String()),
  networkMemberName: Nullable(Type.String()),
  directoryEntryId: Nullable(Type.String()),
  directoryEntryName: Nullable(Type.String()),
  professionalUserId: Nullable(Type.String()),
  professionalName: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  escalationReason: Nullable(Type.String()),
  escalationNote: Nullable(Type.String()),
  helpTags: Type.Array(Type.String()),
  completedAt: Nullable(DateTime),
  progress: Type.Array(Progress),
});
export const Goal = Type.Object({
  id: Type.String(),
  residentId: Nullable(Type.String()),
  domain: Type.String(),
  dataCategory: Type.String(),
  currentLevel: Nullable(Type.Integer()),
  currentLevelAssessedOn: Nullable(Type.String()),
  targetLevel: Type.Integer(),
  startDate: Type.String(),
  targetDate: Type.String(),
  ownWords: Type.String(),
  professionalWording: Type.String(),
  consideredRungs: Type.Array(Type.String()),
  ladderNote: Nullable(Type.String()),
  status: Type.String(),
  ladder: Type.Array(LadderStep),
  actions: Type.Array(Action),
});
export const Plan = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  householdId: Type.String(),
  caseStatus: Type.String(),
  version: Type.Integer(),
  startDate: Type.String(),
  expectedEndDate: Nullable(Type.String()),
  zrmVersion: Type.String(),
  caseLead: Nullable(
    Type.Object({ userId: Type.String(), name: Type.String(), organisationName: Type.String() }),
  ),
  goals: Type.Array(Goal),
  reviews: Type.Array(
    Type.Object({
      id: Type.String(),
      dueOn: Type.String(),
      heldOn: Nullable(Type.String()),
      outcome: Nullable(Type.String()),
      heldByName: Nullable(Type.String()),
      overdue: Type.Boolean(),
    }),
  ),
  nextReviewOn: Nullable(Type.String()),
  agreements: Type.Array(
    Type.Object({
      planVersion: Type.Integer(),
      agreedOn: Type.String(),
      how: Type.String(),
      note: Nullable(Type.String()),
      recordedAt: DateTime,
      recordedByName: Nullable(Type.String()),
    }),
  ),
  agreedToCurrentVersion: Type.Boolean(),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      changedAt: DateTime,
      summary: Type.String(),
      changedByName: Nullable(Type.String()),
    }),
  ),
  allowed: Type.Object({ write: Type.Boolean() }),
});

const Snapshot = Type.Record(Type.String(), Type.Unknown());
const ChangeItem = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  before: Nullable(Snapshot),
  after: Nullable(Snapshot),
  fields: Type.Array(Type.String()),
});

/** The plan of a case for the dossier overview: null while the case has no plan (no 404). */
export const PlanOverview = Type.Object({ householdId: Uuid, plan: Type.Union([Plan, Type.Null()]) });

export const Comparison = Type.Object({
  from: Type.Object({
    version: Type.Integer(),
    changedAt: DateTime,
    changedByName: Nullable(Type.String()),
    summary: Type.String(),
  }),
  to: Type.Object({
    version: Type.Integer(),
    changedAt: DateTime,
    changedByName: Nullable(Type.String()),
    summary: Type.String(),
  }),
  planFields: Type.Array(Type.String()),
  goals: Type.Array(ChangeItem),
  actions: Type.Array(ChangeItem),
});

export const PrintablePlan = Type.Object({
  householdName: Type.String(),
  residents: Type.Array(Type.String()),
  planVersion: Type.Integer(),
  startDate: Type.String(),
  expectedEndDate: Nullable(Type.String()),
  nextReviewOn: Nullable(Type.String()),
  caseLead: Nullable(
    Type.Object({
      name: Type.String(),
      organisationName: Type.String(),
      email: Nullable(Type.String()),
      phone: Nullable(Type.String()),
    }),
  ),
  goals: Type.Array(
    Type.Object({
      domainName: Type.String(),
      ownWords: Type.String(),
      targetDate: Type.String(),
      actions: Type.Array(
        Type.Object({ what: Type.String(), who: Type.String(), when: Type.String(), done: Type.Boolean() }),
      ),
    }),
  ),
  agreement: Nullable(Type.Object({ agreedOn: Type.String(), how: Type.String() })),
});

export const LadderFigures = Type.Object({
  teamId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  periods: Type.Array(
    Type.Object({
      period: Type.String(),
      perRung: Type.Record(Type.String(), Type.Integer()),
      specialistReferrals: Type.Integer(),
      total: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    perRung: Type.Record(Type.String(), Type.Integer()),
    specialistReferrals: Type.Integer(),
    total: Type.Integer(),
    reasons: Type.Record(Type.String(), Type.Integer()),
  }),
});

const ShownCount = Type.Union([Type.Integer(), Type.Literal("< 5"), Type.Literal("hidden")], {
  description:
    '"< 5": the cell concerns 1 to 4 households; "hidden": withheld so a "< 5" cell cannot be worked out from a total.',
});
const ShownRow = Type.Object({
  perRung: Type.Record(Type.String(), ShownCount),
  specialistReferrals: ShownCount,
  total: ShownCount,
});
export const MunicipalFiguresQuery = Type.Object({ from: Day, to: Day });
export const MunicipalLadderFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  threshold: Type.Integer(),
  periods: Type.Array(Type.Intersect([Type.Object({ period: Type.String() }), ShownRow])),
  totals: Type.Intersect([ShownRow, Type.Object({ reasons: Type.Record(Type.String(), ShownCount) })]),
});
