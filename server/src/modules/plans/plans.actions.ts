import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertHelpTags } from "../reciprocity/reciprocity.vocabulary.ts";
import { assertEscalationReason, RUNG_NAMES, rungOf } from "./plans.ladder.ts";
import { findAction, findGoal } from "./plans.repository.ts";
import { assertDate, optionalText, requiredText } from "./plans.rules.ts";
import type { ActionInput, AddProgress } from "./plans.schemas.ts";
import type { ActionStatus } from "./plans.tables.ts";
import { commitPlanChange, type LoadedPlan } from "./plans.versioning.ts";

const ENTRY_KINDS: Partial<Record<ActionInput["actorKind"], { kinds: string[]; message: string }>> = {
  collectiveProvision: {
    kinds: ["collectiveProvision", "informationAndAdvice"],
    message:
      "Kies voor een collectieve voorziening een collectieve voorziening of informatie en advies uit de sociale kaart.",
  },
  volunteer: {
    kinds: ["volunteerHelp", "volunteerVacancy"],
    message: "Kies voor vrijwilligershulp een vrijwilligersorganisatie uit de sociale kaart.",
  },
  individualProvision: {
    kinds: ["individualProvision"],
    message: "Kies een individuele voorziening uit de sociale kaart.",
  },
  specialistCare: {
    kinds: ["individualProvision"],
    message: "Kies een individuele voorziening uit de sociale kaart.",
  },
};

async function assertNetworkMember(ctx: RequestContext, householdId: string, id: string) {
  const member = await ctx.trx
    .selectFrom("networkMember")
    .select(["id", "name", "removedAt"])
    .where("id", "=", id)
    .where("householdId", "=", householdId)
    .executeTakeFirst();
  if (!member)
    throw unprocessable(
      "unknownNetworkMember",
      "Deze persoon staat niet in het netwerk van dit huishouden.",
      { field: "networkMemberId" },
    );
  if (member.removedAt) {
    throw unprocessable(
      "networkMemberRemoved",
      `${member.name} is uit het netwerk verwijderd en kan geen actie meer uitvoeren. Voeg de persoon opnieuw toe of kies iemand anders.`,
      { field: "networkMemberId" },
    );
  }
}

async function assertDirectoryEntry(ctx: RequestContext, id: string, actorKind: ActionInput["actorKind"]) {
  const entry = await ctx.trx
    .selectFrom("directoryEntry")
    .select(["id", "name", "kind", "deactivatedAt"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!entry)
    throw unprocessable("unknownDirectoryEntry", "Deze voorziening staat niet in de sociale kaart.", {
      field: "directoryEntryId",
    });
  if (entry.deactivatedAt) {
    throw unprocessable("directoryEntryInactive", `${entry.name} is niet meer actief in de sociale kaart.`, {
      field: "directoryEntryId",
    });
  }
  const rule = ENTRY_KINDS[actorKind];
  if (rule && !rule.kinds.includes(entry.kind))
    throw unprocessable("wrongEntryKind", rule.message, { field: "directoryEntryId" });
}

async function assertTeamProfessional(ctx: RequestContext, teamId: string, userId: string) {
  const member = await ctx.trx
    .selectFrom("teamMembership")
    .select("userId")
    .where("teamId", "=", teamId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!member)
    throw unprocessable("notTeamMember", "Deze professional is geen lid van het team van deze casus.", {
      field: "professionalUserId",
    });
}

/** Checks who acts and on which rung; returns the columns to store (fields that do not apply are cleared). */
async function validateAction(ctx: RequestContext, plan: LoadedPlan, input: ActionInput) {
  const kind = input.actorKind;
  const rung = rungOf(kind);
  const values = {
    description: requiredText(input.description, "wat er gebeurt", "description"),
    dueDate: assertDate(input.dueDate, "De datum", "dueDate"),
    actorKind: kind,
    rung,
    networkMemberId: null as string | null,
    directoryEntryId: null as string | null,
    professionalUserId: null as string | null,
    actorName: optionalText(input.actorName, "De naam van wie het doet", "actorName", 200),
    helpTags: [] as string[],
    ...assertEscalationReason(rung, input.escalationReason, input.escalationNote),
  };
  if (kind === "networkMember" || (kind === "volunteer" && input.networkMemberId)) {
    if (!input.networkMemberId)
      throw unprocessable("networkMemberRequired", "Kies wie uit het netwerk deze actie doet.", {
        field: "networkMemberId",
      });
    await assertNetworkMember(ctx, plan.householdId, input.networkMemberId);
    values.networkMemberId = input.networkMemberId;
  }
  if (input.directoryEntryId && ENTRY_KINDS[kind]) {
    await assertDirectoryEntry(ctx, input.directoryEntryId, kind);
    values.directoryEntryId = input.directoryEntryId;
  }
  if (kind === "collectiveProvision" && !values.directoryEntryId) {
    throw unprocessable("directoryEntryRequired", "Kies de collectieve voorziening uit de sociale kaart.", {
      field: "directoryEntryId",
    });
  }
  if (kind === "teamProfessional") {
    if (!input.professionalUserId)
      throw unprocessable("professionalRequired", "Kies welke professional van het team dit doet.", {
        field: "professionalUserId",
      });
    await assertTeamProfessional(ctx, plan.teamId, input.professionalUserId);
    values.professionalUserId = input.professionalUserId;
  }
  if (kind === "volunteer") values.helpTags = assertHelpTags(input.helpTags ?? [], "helpTags");
  if (
    kind === "volunteer" &&
    !values.networkMemberId &&
    !values.directoryEntryId &&
    !values.actorName &&
    values.helpTags.length === 0
  ) {
    throw unprocessable(
      "volunteerRequired",
      "Kies de vrijwilliger uit het netwerk, een vrijwilligersorganisatie uit de sociale kaart, of geef aan welke hulp een buurtbewoner zou kunnen bieden.",
      { field: "actorKind" },
    );
  }
  if (
    (kind === "individualProvision" || kind === "specialistCare") &&
    !values.directoryEntryId &&
    !values.actorName
  ) {
    throw unprocessable("referralTargetRequired", `Vul in naar wie wordt verwezen (${RUNG_NAMES[rung]}).`, {
      field: "actorName",
    });
  }
  return values;
}

export async function addAction(
  ctx: RequestContext,
  planId: string,
  goalId: string,
  input: ActionInput & { version: number },
) {
  return commitPlanChange(
    ctx,
    planId,
    input.version,
    "Actie toegevoegd",
    async (plan) => {
      const goal = await findGoal(ctx, planId, goalId);
      if (!goal) throw notFound("Dit doel bestaat niet (meer) in dit plan.");
      const values = await validateAction(ctx, plan, input);
      const id = randomUUID();
      await ctx.trx
        .insertInto("planAction")
        .values({
          ...values,
          municipalityId: ctx.actor.municipalityId,
          id,
          planId,
          goalId,
          householdId: plan.householdId,
          dataCategory: goal.dataCategory,
          createdByUserId: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          completedAt: null,
          removedAt: null,
        })
        .execute();
      return { id };
    },
    { actorKind: input.actorKind },
  );
}

function statusPatch(ctx: RequestContext, status: ActionStatus | undefined, previous: ActionStatus) {
  if (!status || status === previous) return {};
  return { status, completedAt: status === "done" ? ctx.now : null };
}

export async function changeAction(
  ctx: RequestContext,
  planId: string,
  actionId: string,
  input: ActionInput & { version: number; status?: ActionStatus },
) {
  return commitPlanChange(ctx, planId, input.version, "Actie gewijzigd", async (plan) => {
    const action = await findAction(ctx, planId, actionId);
    if (!action) throw notFound("Deze actie bestaat niet (meer) in dit plan.");
    const values = await validateAction(ctx, plan, input);
    await ctx.trx
      .updateTable("planAction")
      .set({ ...values, ...statusPatch(ctx, input.status, action.status), updatedAt: ctx.now })
      .where("id", "=", actionId)
      .execute();
    return { id: actionId };
  });
}

export async function addProgress(ctx: RequestContext, planId: string, actionId: string, input: AddProgress) {
  return commitPlanChange(ctx, planId, input.version, "Voortgang genoteerd", async (plan) => {
    const action = await findAction(ctx, planId, actionId);
    if (!action) throw notFound("Deze actie bestaat niet (meer) in dit plan.");
    const note = requiredText(input.note, "de voortgang", "note");
    await ctx.trx
      .insertInto("planActionProgress")
      .values({
        municipalityId: ctx.actor.municipalityId,
        id: randomUUID(),
        actionId,
        householdId: plan.householdId,
        note,
        writtenByUserId: ctx.actor.userId,
        writtenAt: ctx.now,
      })
      .execute();
    const patch = statusPatch(ctx, input.status, action.status);
    if (Object.keys(patch).length > 0) {
      await ctx.trx
        .updateTable("planAction")
        .set({ ...patch, updatedAt: ctx.now })
        .where("id", "=", actionId)
        .execute();
    }
    return { id: actionId };
  });
}

export async function removeAction(ctx: RequestContext, planId: string, actionId: string, version: number) {
  return commitPlanChange(ctx, planId, version, "Actie verwijderd", async () => {
    const action = await findAction(ctx, planId, actionId);
    if (!action) throw notFound("Deze actie bestaat niet (meer) in dit plan.");
    await ctx.trx
      .updateTable("planAction")
      .set({ removedAt: ctx.now, updatedAt: ctx.now })
      .where("id", "=", actionId)
      .execute();
    return { id: actionId };
  });
}
