import { Type } from "typebox";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { MyDecisions } from "../conferences/conferences.schemas.ts";

const Case = Type.Object({
  caseId: Type.String(),
  householdId: Type.String(),
  householdName: Type.String(),
  status: Type.String(),
  acute: Type.Boolean(),
  openedAt: DateTime,
  userId: Type.String(),
  planId: Nullable(Type.String()),
});
const ActionDue = Type.Object({
  actionId: Type.String(),
  description: Type.String(),
  dueDate: Type.String(),
  status: Type.String(),
  overdue: Type.Boolean(),
  caseId: Type.String(),
  householdName: Type.String(),
  userId: Type.String(),
  dataCategory: Type.String(),
});
const ReviewDue = Type.Object({
  reviewId: Type.String(),
  dueOn: Type.String(),
  overdue: Type.Boolean(),
  caseId: Type.String(),
  householdName: Type.String(),
  userId: Type.String(),
});
const Acute = Type.Object({
  caseId: Type.String(),
  householdName: Type.String(),
  acute: Type.Boolean(),
  domains: Type.Array(Type.String()),
  specialDomains: Type.Integer(),
  userId: Type.String(),
});
const Aftercare = Type.Object({
  caseId: Type.String(),
  householdName: Type.String(),
  aftercareDate: Type.String(),
  overdue: Type.Boolean(),
  userId: Type.String(),
});
const Signal = Type.Object({
  signalId: Type.String(),
  referenceCode: Type.String(),
  urgency: Type.String(),
  deadlineAt: DateTime,
  triageState: Type.String(),
  userId: Type.String(),
});
const Sections = {
  cases: Type.Array(Case),
  actions: Type.Array(ActionDue),
  reviews: Type.Array(ReviewDue),
  acute: Type.Array(Acute),
  aftercare: Type.Array(Aftercare),
  signals: Type.Array(Signal),
};

export const Worklist = Type.Object({
  today: Type.String(),
  ...Sections,
  conferenceDecisions: MyDecisions.properties.items,
});
export const TeamParams = Type.Object({ teamId: Uuid });
export const TeamWorklist = Type.Object({
  today: Type.String(),
  teamId: Type.String(),
  members: Type.Array(
    Type.Object({
      userId: Type.String(),
      name: Type.String(),
      hoursPerWeek: Type.Number(),
      counts: Type.Object({
        caseload: Type.Integer(),
        acuteCases: Type.Integer(),
        actionsOverdue: Type.Integer(),
        actionsDue: Type.Integer(),
        reviewsOverdue: Type.Integer(),
        reviewsDue: Type.Integer(),
        aftercare: Type.Integer(),
        signals: Type.Integer(),
      }),
      ...Sections,
    }),
  ),
});
