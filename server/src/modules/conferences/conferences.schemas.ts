import { type Static, Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { ActorKind } from "../plans/plans.schemas.ts";

export const PlanInput = Type.Object({
  teamId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  scheduledAt: DateTime,
  location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  memberUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  invitedUserIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
});
export type PlanInput = Static<typeof PlanInput>;

export const AgendaInput = Type.Object({
  householdId: Uuid,
  presentation: Type.Union([Type.Literal("pseudonymised"), Type.Literal("named")]),
  question: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type AgendaInput = Static<typeof AgendaInput>;

const DecisionKind = Type.Union([
  Type.Literal("action"),
  Type.Literal("caseLead"),
  Type.Literal("escalation"),
]);
const Day = Type.String({ maxLength: 10, description: "JJJJ-MM-DD" });
/** A goal the conference formulates when none of the plan's goals fits (the case lead words it with the resident later). */
const NewGoal = Type.Object({
  domain: Type.String({ maxLength: 40 }),
  text: Type.String({ maxLength: 2000 }),
  targetLevel: Type.Integer({ minimum: 1, maximum: 5 }),
  targetDate: Day,
});
/** For an 'action' decision: where it goes in the household's plan and who carries it out (the ladder). */
export const DecisionPlanAction = Type.Object({
  goalId: Type.Optional(Nullable(Uuid)),
  newGoal: Type.Optional(Nullable(NewGoal)),
  actorKind: ActorKind,
  networkMemberId: Type.Optional(Nullable(Uuid)),
  directoryEntryId: Type.Optional(Nullable(Uuid)),
  actorName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  escalationReason: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  escalationNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  helpTags: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
});
export type DecisionPlanAction = Static<typeof DecisionPlanAction>;
export const DecisionInput = Type.Object({
  agendaItemId: Uuid,
  kind: DecisionKind,
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  assigneeUserId: Type.Optional(Nullable(Uuid)),
  dueDate: Type.Optional(Nullable(Day)),
  planAction: Type.Optional(Nullable(DecisionPlanAction)),
});
export type DecisionInput = Static<typeof DecisionInput>;

/** The plan action a decision created; goal, case and status only for who may open the household. */
const LinkedPlanAction = Type.Object({
  id: Uuid,
  caseId: Nullable(Uuid),
  goal: Nullable(Type.Object({ domain: Type.String(), ownWords: Type.String() })),
  actorKind: Nullable(Type.String()),
  status: Nullable(Type.String()),
});

const Decision = Type.Object({
  id: Uuid,
  kind: DecisionKind,
  description: Type.String(),
  assigneeUserId: Uuid,
  assigneeName: Type.String(),
  dueDate: Nullable(Type.String()),
  status: Type.String(),
  planAction: Nullable(LinkedPlanAction),
});
const AgendaItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  presentation: Type.String(),
  pseudonym: Type.String(),
  namedLabel: Nullable(Type.String()),
  householdId: Nullable(Uuid),
  question: Nullable(Type.String()),
  actions: Type.Array(Type.String()),
  decisions: Type.Array(Decision),
});
export const Conference = Type.Object({
  id: Uuid,
  title: Type.String(),
  scheduledAt: DateTime,
  location: Nullable(Type.String()),
  status: Type.String(),
  teamId: Uuid,
  teamName: Type.String(),
  teamModel: Type.String(),
  participants: Type.Array(
    Type.Object({
      userId: Uuid,
      name: Type.String(),
      role: Type.String(),
      organisationId: Nullable(Uuid),
      organisationName: Nullable(Type.String()),
      kind: Type.String(),
    }),
  ),
  agenda: Type.Array(AgendaItem),
  actions: Type.Array(Type.String()),
});
export const ConferenceList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      scheduledAt: DateTime,
      status: Type.String(),
      teamId: Uuid,
      teamName: Type.String(),
      teamModel: Type.String(),
    }),
  ),
});
export const MyDecisions = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      conferenceId: Uuid,
      conferenceTitle: Type.String(),
      scheduledAt: DateTime,
      kind: Type.String(),
      description: Type.String(),
      dueDate: Nullable(Type.String()),
      status: Type.String(),
      caseLabel: Type.String(),
      householdId: Nullable(Uuid),
      planAction: Nullable(LinkedPlanAction),
    }),
  ),
});
export const Minutes = Type.Object({
  title: Type.String(),
  teamName: Type.String(),
  scheduledAt: DateTime,
  participants: Type.Array(
    Type.Object({ name: Type.String(), organisationName: Nullable(Type.String()), kind: Type.String() }),
  ),
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      case: Type.String(),
      question: Nullable(Type.String()),
      decisions: Type.Array(
        Type.Object({
          kind: Type.String(),
          description: Type.String(),
          assignee: Type.String(),
          dueDate: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  learningNotes: Type.Array(Type.String()),
});
export const MinutesQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal("json"), Type.Literal("html")])),
});
export const LearningInput = Type.Object({
  teamId: Uuid,
  conferenceId: Type.Optional(Nullable(Uuid)),
  text: Type.String({ maxLength: 4000 }),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10 })),
});
export const LearningQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
export const LearningList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      text: Type.String(),
      tags: Type.Array(Type.String()),
      writtenAt: DateTime,
      teamName: Type.String(),
    }),
  ),
});

const Person = Type.Object({
  userId: Uuid,
  name: Type.String(),
  role: Type.String(),
  organisationName: Nullable(Type.String()),
});
export const CandidatesQuery = Type.Object({ teamId: Uuid });
export const Candidates = Type.Object({
  members: Type.Array(Person),
  invitable: Type.Array(Person),
  households: Type.Array(Type.Object({ householdId: Uuid, name: Type.String() })),
});

export const AgendaItemParams = Type.Object({ id: Uuid, itemId: Uuid });
/**
 * What an 'action' decision on one agenda item can be linked to. Goals and network members only for a
 * recorder who may open the household (a pseudonymised case stays pseudonymised for the others).
 */
export const DecisionOptions = Type.Object({
  agendaItemId: Uuid,
  today: Type.String(),
  planAction: Type.Object({
    possible: Type.Boolean(),
    refusal: Nullable(Type.String()),
    caseId: Nullable(Uuid),
    goals: Type.Array(Type.Object({ id: Uuid, domain: Type.String(), ownWords: Type.String() })),
    networkMembers: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    domains: Type.Array(Type.String()),
  }),
  actorKinds: Type.Array(
    Type.Object({ actorKind: Type.String(), rung: Type.String(), needsReason: Type.Boolean() }),
  ),
});
