import { Type } from "typebox";
import type { App } from "../../platform/http/app-type.ts";
import { routeGroup } from "../../platform/http/route-helpers.ts";
import { DateTime, errors, IdParams, Nullable } from "../../platform/http/schemas.ts";
import { dismissReminder, listMyReminders } from "./reminders.service.ts";

const Reminder = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal("aftercareCheckIn"),
    Type.Literal("planReview"),
    Type.Literal("directoryReview"),
    Type.Literal("signalDeadline"),
    Type.Literal("signalDeadlineTripled"),
  ]),
  dueOn: Type.String(),
  caseId: Nullable(Type.String()),
  planReviewId: Nullable(Type.String()),
  directoryEntryId: Nullable(Type.String()),
  signalId: Nullable(Type.String()),
  createdAt: DateTime,
});
const Reminders = Type.Object({ items: Type.Array(Reminder) });

const own = routeGroup("session", ["Mijn werk"]);

/** The reminders the jobs put on a user's worklist (only the user's own: row-level security). */
export function reminderRoutes(app: App): void {
  app.get(
    "/api/worklist/reminders",
    own("Mijn herinneringen: nazorg, evaluaties, sociale kaart, signalen over de termijn", {
      response: { 200: Reminders },
    }),
    (request) => request.withContext(async (ctx) => ({ items: await listMyReminders(ctx) })),
  );
  app.post(
    "/api/worklist/reminders/:id/dismiss",
    own("Een herinnering afvinken", { params: IdParams, response: { 204: Type.Null(), ...errors(404) } }),
    async (request, reply) => {
      await request.withContext((ctx) => dismissReminder(ctx, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
