import { Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";

const DateOnly = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const Answer = Type.Union([Type.Literal("yes"), Type.Literal("somewhat"), Type.Literal("no")]);
const Basis = Type.Union([
  Type.Literal("parent"),
  Type.Literal("legalRepresentative"),
  Type.Literal("authorisedPerson"),
]);

export const HouseholdParams = Type.Object({ householdId: Uuid });
export const GoalParams = Type.Object({ householdId: Uuid, goalId: Uuid });
export const CaseParams = Type.Object({ caseId: Uuid });
export const ProposalParams = Type.Object({ caseId: Uuid, proposalId: Uuid });

export const CodeRequestBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) });
export const CodeLoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  code: Type.String({ minLength: 1, maxLength: 20 }),
});
export const Accepted = Type.Object({ message: Type.String() });
export const LoggedIn = Type.Object({ status: Type.Literal("ok") });
export const DemoCodes = Type.Object({
  demo: Type.Literal(true),
  codes: Type.Array(Type.Object({ username: Type.String(), code: Type.String(), createdAt: DateTime })),
});

export const TextBody = Type.Object({ text: Type.String({ maxLength: 20_000 }) });
export const AgreementBody = Type.Object({ planVersion: Type.Integer({ minimum: 1 }) });
export const SelfAssessmentBody = Type.Object({
  scores: Type.Array(
    Type.Object({ domain: Type.String({ maxLength: 50 }), level: Type.Integer({ minimum: 1, maximum: 5 }) }),
    {
      maxItems: 20,
    },
  ),
});
export const SatisfactionBody = Type.Object({
  feltHelped: Answer,
  takenSeriously: Answer,
  knowsNextStep: Answer,
});
export const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal("accepted"), Type.Literal("declined")]),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  /** Required when accepting: how the proposal becomes a goal of the plan. */
  goal: Type.Optional(
    Type.Object({
      planVersion: Type.Integer({ minimum: 1 }),
      domain: Type.String({ maxLength: 40 }),
      targetLevel: Type.Integer({ minimum: 1, maximum: 5 }),
      targetDate: DateOnly,
      residentId: Type.Optional(Nullable(Uuid)),
      professionalWording: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    }),
  ),
});
export const ClosurePlanBody = Type.Object({
  plannedEndDate: DateOnly,
  aftercareContactDate: Type.Optional(Nullable(DateOnly)),
  afterClosureNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export const RepresentationBody = Type.Object({
  representedResidentId: Uuid,
  representativeUsername: Type.String({ minLength: 1, maxLength: 100 }),
  basis: Basis,
  validFrom: DateOnly,
  validUntil: DateOnly,
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});

const Authorisation = Type.Object({
  id: Uuid,
  householdId: Uuid,
  representedResidentId: Uuid,
  representedName: Type.String(),
  basis: Basis,
  validFrom: DateOnly,
  validUntil: DateOnly,
  active: Type.Boolean(),
});
export const PortalMe = Type.Object({
  displayName: Type.String(),
  ownHouseholdId: Nullable(Uuid),
  authorisations: Type.Array(Authorisation),
});

const ClosurePlan = Type.Object({
  plannedEndDate: DateOnly,
  aftercareContactDate: Nullable(DateOnly),
  afterClosureNote: Nullable(Type.String()),
});
export const ClosurePlanView = ClosurePlan;

export const Overview = Type.Object({
  householdId: Uuid,
  householdName: Type.String(),
  actingAs: Type.Union([Type.Literal("self"), Type.Literal("representative")]),
  residentId: Uuid,
  members: Type.Array(Type.Object({ residentId: Uuid, givenName: Type.String(), relation: Type.String() })),
  case: Nullable(
    Type.Object({
      id: Uuid,
      status: Type.String(),
      openedOn: DateOnly,
      closedOn: Nullable(DateOnly),
      aftercareDate: Nullable(DateOnly),
    }),
  ),
  caseLead: Nullable(
    Type.Object({
      caseId: Uuid,
      userId: Uuid,
      displayName: Type.String(),
      organisationName: Type.String(),
      phone: Nullable(Type.String()),
      reachability: Nullable(Type.String()),
      hasPhoto: Type.Boolean(),
    }),
  ),
  closurePlan: Nullable(ClosurePlan),
  satisfactionAsked: Type.Boolean(),
  authorisations: Type.Array(
    Type.Object({
      id: Uuid,
      representedResidentId: Uuid,
      basis: Basis,
      validFrom: DateOnly,
      validUntil: DateOnly,
      active: Type.Boolean(),
      isYou: Type.Boolean(),
    }),
  ),
});

const Proposal = Type.Object({
  id: Uuid,
  text: Type.String(),
  status: Type.String(),
  proposedAt: DateTime,
  decisionNote: Nullable(Type.String()),
});
export const ProposalView = Proposal;
const Comment = Type.Object({ id: Uuid, text: Type.String(), mine: Type.Boolean(), writtenAt: DateTime });
export const CommentView = Comment;

export const PlanView = Type.Object({
  plan: Nullable(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      startDate: DateOnly,
      expectedEndDate: Nullable(DateOnly),
      nextReviewOn: Nullable(DateOnly),
      agreedToCurrentVersion: Type.Boolean(),
      lastAgreement: Nullable(
        Type.Object({ planVersion: Type.Integer(), agreedOn: DateOnly, how: Type.String() }),
      ),
      caseOpen: Type.Boolean(),
      goals: Type.Array(
        Type.Object({
          id: Uuid,
          domain: Type.String(),
          ownWords: Type.String(),
          targetDate: DateOnly,
          status: Type.String(),
          actions: Type.Array(
            Type.Object({
              id: Uuid,
              description: Type.String(),
              dueDate: DateOnly,
              status: Type.String(),
              who: Type.Union([
                Type.Literal("resident"),
                Type.Literal("network"),
                Type.Literal("professionals"),
              ]),
              actorKind: Type.String(),
              actorName: Nullable(Type.String()),
            }),
          ),
          comments: Type.Array(Comment),
        }),
      ),
    }),
  ),
  proposals: Type.Array(Proposal),
});
export const AgreementView = Type.Object({ planVersion: Type.Integer(), agreedOn: DateOnly });

export const SelfAssessmentView = Type.Object({
  residentId: Uuid,
  domains: Type.Array(Type.Object({ domain: Type.String(), dataCategory: Type.String() })),
  latest: Nullable(
    Type.Object({
      submittedAt: DateTime,
      scores: Type.Array(Type.Object({ domain: Type.String(), level: Type.Integer() })),
    }),
  ),
});
export const Submitted = Type.Object({ id: Uuid, submittedAt: DateTime });

const ExportRequest = Type.Object({
  id: Uuid,
  requestedAt: DateTime,
  status: Type.Union([Type.Literal("requested"), Type.Literal("ready"), Type.Literal("expired")]),
  readyAt: Nullable(DateTime),
  expiresAt: Nullable(DateTime),
});
export const ExportRequestView = ExportRequest;
export const AccessLogView = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      occurredAt: DateTime,
      action: Type.String(),
      actorRole: Nullable(Type.String()),
      organisationName: Nullable(Type.String()),
      actorName: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      emergency: Type.Boolean(),
    }),
  ),
  exportRequests: Type.Array(ExportRequest),
});

export const Message = Type.Object({
  id: Uuid,
  authorKind: Type.String(),
  authorName: Nullable(Type.String()),
  mine: Type.Boolean(),
  text: Type.String(),
  sentAt: DateTime,
});
export const MessageList = Type.Object({ canSend: Type.Boolean(), messages: Type.Array(Message) });
export const Answered = Type.Object({ answered: Type.Boolean() });

export const CasePortalView = Type.Object({
  caseId: Uuid,
  householdId: Uuid,
  status: Type.String(),
  planVersion: Nullable(Type.Integer()),
  agreements: Type.Array(
    Type.Object({
      planVersion: Type.Integer(),
      agreedOn: DateOnly,
      how: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  selfAssessments: Type.Array(
    Type.Object({
      id: Uuid,
      residentId: Uuid,
      residentName: Type.String(),
      submittedAt: DateTime,
      scores: Type.Array(
        Type.Object({
          domain: Type.String(),
          level: Type.Integer(),
          professionalLevel: Nullable(Type.Integer()),
        }),
      ),
    }),
  ),
  messages: Type.Array(Message),
  proposals: Type.Array(Proposal),
  comments: Type.Array(
    Type.Object({
      id: Uuid,
      goalId: Uuid,
      goal: Nullable(Type.String()),
      text: Type.String(),
      writtenAt: DateTime,
    }),
  ),
  closurePlan: Nullable(ClosurePlan),
  representations: Type.Array(
    Type.Object({
      id: Uuid,
      representedName: Type.String(),
      representativeName: Type.String(),
      basis: Basis,
      validFrom: DateOnly,
      validUntil: DateOnly,
      active: Type.Boolean(),
      revoked: Type.Boolean(),
    }),
  ),
  /** Whether this user may link or unlink a member's login subject (works in the dossier). */
  mayManageAccounts: Type.Boolean(),
  members: Type.Array(
    Type.Object({
      residentId: Uuid,
      name: Type.String(),
      account: Nullable(
        Type.Object({
          userId: Uuid,
          username: Type.String(),
          oidcLinked: Type.Boolean(),
          linkedAt: DateTime,
        }),
      ),
    }),
  ),
  goalDomains: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});
export const DecisionView = Type.Object({
  id: Uuid,
  status: Type.String(),
  goalId: Nullable(Uuid),
  planVersion: Nullable(Type.Integer()),
});
export const Created = Type.Object({ id: Uuid });
export const Inbox = Type.Array(
  Type.Object({
    caseId: Uuid,
    householdId: Uuid,
    householdName: Type.String(),
    lastMessageAt: DateTime,
    fromResident: Type.Integer(),
  }),
);

export const ProfileBody = Type.Object({
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  reachability: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  photo: Type.Optional(Nullable(Type.String({ maxLength: 400_000 }))),
});
export const ProfileView = Type.Object({
  phone: Nullable(Type.String()),
  reachability: Nullable(Type.String()),
  hasPhoto: Type.Optional(Type.Boolean()),
});
export const PortalSettings = Type.Object({ showProfessionalNames: Type.Boolean() });

export const ResidentAccountBody = Type.Object({
  residentId: Uuid,
  username: Type.String({ minLength: 3, maxLength: 100 }),
  email: Type.String({ minLength: 3, maxLength: 200, format: "email" }),
  oidcSubject: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 255 }))),
});
export const OidcSubjectBody = Type.Object({ oidcSubject: Type.String({ minLength: 1, maxLength: 255 }) });
export const AccountParams = Type.Object({ userId: Uuid });
export const RepresentationParams = Type.Object({ householdId: Uuid, representationId: Uuid });
export const ResidentAccountList = Type.Array(
  Type.Object({
    userId: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    oidcLinked: Type.Boolean(),
    linkedAt: DateTime,
  }),
);
export const RevokedView = Type.Object({ id: Uuid, revokedAt: DateTime });
