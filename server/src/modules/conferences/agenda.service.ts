import { randomUUID } from "node:crypto";
import { householdAccess } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { findOpenCaseOf } from "../privacy/privacy.repository.ts";
import { assertSharingAllowed } from "../privacy/sharing.ts";
import { findConference, participantsOf } from "./conferences.repository.ts";
import type { AgendaInput } from "./conferences.schemas.ts";
import { getConference } from "./conferences.service.ts";
import { dossierPeople } from "./dossierPeople.ts";
import { assertNoPersonalData } from "./personalData.ts";
import { buildPseudonym, householdPeople, namedLabel } from "./pseudonym.ts";

export async function addAgendaItem(ctx: RequestContext, conferenceId: string, input: AgendaInput) {
  const c = await findConference(ctx, conferenceId);
  if (!ctx.actor.teamIds.includes(c.teamId))
    throw notFound("Dit casusoverleg bestaat niet of u neemt er niet aan deel.");
  const access = await householdAccess(ctx, input.householdId);
  if (!access.actions.includes("share"))
    throw notFound(
      "Dit huishouden bestaat niet of u heeft er geen toegang toe; alleen wie het dossier kent, brengt het in.",
    );
  const openCase = await findOpenCaseOf(ctx, input.householdId);
  if (!openCase)
    throw unprocessable("noOpenCase", "Dit huishouden heeft geen lopende casus om te bespreken.");
  const people = await householdPeople(ctx, input.householdId);
  if (input.question)
    assertNoPersonalData(
      input.question,
      await dossierPeople(ctx, [input.householdId]),
      "De vraag aan het overleg",
      "question",
    );
  const pseudonym = await buildPseudonym(ctx, input.householdId, people);
  let consentId: string | null = null;
  if (input.presentation === "named") {
    const participants = await participantsOf(ctx, conferenceId);
    const decision = await assertSharingAllowed(ctx, {
      householdId: input.householdId,
      caseId: openCase.id,
      action: "conferenceNamed",
      categories: ["personalDetails"],
      recipients: participants
        .filter((p) => p.userId !== ctx.actor.userId)
        .map((p) => ({ organisationId: p.organisationId, role: p.role, name: p.name })),
    });
    consentId = decision.consentId;
  }
  const position =
    ((
      await ctx.trx
        .selectFrom("conferenceAgendaItem")
        .select((eb) => eb.fn.max("position").as("max"))
        .where("conferenceId", "=", conferenceId)
        .executeTakeFirst()
    )?.max ?? 0) + 1;
  const id = randomUUID();
  try {
    await ctx.trx
      .insertInto("conferenceAgendaItem")
      .values({
        municipalityId: ctx.actor.municipalityId,
        id,
        conferenceId,
        householdId: input.householdId,
        caseId: openCase.id,
        position,
        presentation: input.presentation,
        pseudonym,
        namedLabel: input.presentation === "named" ? namedLabel(people) : null,
        consentId,
        question: input.question?.trim() || null,
        addedByUserId: ctx.actor.userId,
        addedAt: ctx.now,
      })
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code === "23505")
      throw conflict("alreadyOnAgenda", "Deze casus staat al op de agenda.");
    throw error;
  }
  await ctx.audit({
    action: "conference.caseAdded",
    resourceType: "caseConference",
    resourceId: conferenceId,
    householdId: input.householdId,
    teamId: c.teamId,
    details: { presentation: input.presentation, consentId },
  });
  return getConference(ctx, conferenceId);
}
