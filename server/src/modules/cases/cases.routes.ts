import type { TSchema } from "typebox";
import type { Permission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import type { App } from "../../platform/http/app-type.ts";
import { IdParams } from "../../platform/http/schemas.ts";
import { endInvolvement } from "./cases.involvement.ts";
import {
  AddJournalEntry,
  CaseProfessionalParams,
  ChangeStatus,
  CloseCase,
  Created,
  EndInvolvement,
  Handover,
  InvolveProfessional,
  OpenCase,
  RecordAssessment,
  RecordIntake,
  ReopenCase,
  Worklist,
} from "./cases.schemas.ts";
import {
  addJournalEntry,
  changeCaseStatus,
  closeCase,
  getWorklist,
  handOverCaseLead,
  involveProfessional,
  openCase,
  recordAssessment,
  recordIntake,
  reopenCase,
} from "./cases.service.ts";

const tags = ["Casussen"];

export function caseRoutes(app: App): void {
  /** A POST on /api/…/:id that runs one use case and answers 201 { id }. */
  function action<B extends TSchema>(
    url: string,
    permission: Permission,
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: string, body: never) => Promise<{ id: string }>,
  ) {
    app.post(
      url,
      {
        config: { access: { anyOf: [permission] } },
        schema: {
          tags,
          summary,
          params: IdParams,
          body,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await request.withContext((ctx) => run(ctx, request.params.id, request.body as never))),
    );
  }

  app.get(
    "/api/cases",
    {
      config: { access: { anyOf: ["case.read"] } },
      schema: {
        tags,
        summary: "Werklijst: casussen van mijn teams (acuut bovenaan) en mijn nazorgafspraken",
        response: { 200: Worklist },
      },
    },
    (request) => request.withContext((ctx) => getWorklist(ctx)),
  );
  action(
    "/api/households/:id/cases",
    "case.write",
    "Een casus openen (aanmelding, met toewijzingsbesluit)",
    OpenCase,
    openCase,
  );
  action(
    "/api/households/:id/journal",
    "journal.write",
    "Een contact vastleggen in het journaal",
    AddJournalEntry,
    addJournalEntry,
  );
  action(
    "/api/cases/:id/status",
    "case.write",
    "De status van een casus wijzigen",
    ChangeStatus,
    changeCaseStatus,
  );
  action(
    "/api/cases/:id/handover",
    "case.write",
    "De regie overdragen (met notitie)",
    Handover,
    handOverCaseLead,
  );
  action(
    "/api/cases/:id/professionals",
    "case.write",
    "Een professional bij de casus betrekken",
    InvolveProfessional,
    involveProfessional,
  );
  action(
    "/api/cases/:id/intake",
    "case.write",
    "De intake (vraagverheldering) vastleggen",
    RecordIntake,
    recordIntake,
  );
  action(
    "/api/cases/:id/assessments",
    "assessment.write",
    "Een Zelfredzaamheid-Matrix vastleggen",
    RecordAssessment,
    recordAssessment,
  );
  action(
    "/api/cases/:id/close",
    "case.write",
    "Een casus afsluiten (met alle verplichte gegevens)",
    CloseCase,
    closeCase,
  );
  action("/api/cases/:id/reopen", "case.write", "Een afgesloten casus heropenen", ReopenCase, reopenCase);
  app.post(
    "/api/cases/:id/professionals/:userId/end",
    {
      config: { access: { anyOf: ["case.write"] } },
      schema: {
        tags,
        summary: "De betrokkenheid van een professional beëindigen (met reden)",
        params: CaseProfessionalParams,
        body: EndInvolvement,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await request.withContext((ctx) =>
            endInvolvement(ctx, request.params.id, request.params.userId, request.body),
          ),
        ),
  );
}
