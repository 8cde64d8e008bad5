import { randomUUID } from "node:crypto";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertNoDuplicates, assertUniqueWithin } from "./households.duplicates.ts";
import {
  findHousehold,
  findResidentWithHousehold,
  insertHousehold,
  insertMember,
  insertResident,
  type ResidentValues,
  updateResident,
} from "./households.repository.ts";
import type { AddMember, MemberInput, RegisterHousehold, UpdateResident } from "./households.schemas.ts";
import { validateResident } from "./residents.validation.ts";

/*
 * Registering a household and changing its members, plus the guards other modules use. Reading the
 * dossier: dossier.service.ts; search: households.search.ts; merging: households.merge.ts.
 */

function teamFor(ctx: RequestContext, teamId: string | undefined) {
  if (teamId) {
    if (!ctx.actor.teamIds.includes(teamId)) {
      throw unprocessable(
        "notYourTeam",
        "U kunt alleen huishoudens registreren voor een team waarvan u lid bent.",
        {
          field: "teamId",
        },
      );
    }
    return teamId;
  }
  const [only, ...others] = ctx.actor.teamIds;
  if (!only)
    throw unprocessable(
      "noTeam",
      "U bent geen lid van een team; vraag de beheerder u aan een team toe te voegen.",
    );
  if (others.length > 0)
    throw unprocessable("teamRequired", "Kies voor welk team u het huishouden registreert.", {
      field: "teamId",
    });
  return only;
}

export async function registerHousehold(ctx: RequestContext, input: RegisterHousehold) {
  const teamId = teamFor(ctx, input.teamId);
  const mainContacts = input.members.filter((m) => m.isMainContact);
  if (mainContacts.length > 1) {
    throw unprocessable("oneMainContact", "Kies precies één contactpersoon voor het huishouden.", {
      field: "isMainContact",
    });
  }
  const mainIndex = mainContacts.length === 1 ? input.members.findIndex((m) => m.isMainContact) : 0;
  const residents: ResidentValues[] = [];
  for (const [i, member] of input.members.entries()) {
    residents.push(await validateResident(ctx, member, `gezinslid ${i + 1}`));
  }
  assertUniqueWithin(residents);
  const { overridden } = await assertNoDuplicates(ctx, residents, input.confirmNotDuplicate);

  const householdId = randomUUID();
  const main = residents[mainIndex] ?? residents[0];
  const name = input.name?.trim() || `Huishouden ${main?.familyName ?? ""}`.trim();
  await insertHousehold(ctx, { id: householdId, name, registeredByTeamId: teamId });
  for (const [i, values] of residents.entries()) {
    const residentId = randomUUID();
    await insertResident(ctx, residentId, values);
    await insertMember(ctx, {
      householdId,
      residentId,
      relation: (input.members[i] as MemberInput).relation,
      isMainContact: i === mainIndex,
    });
    await ctx.audit({
      action: "resident.created",
      resourceType: "resident",
      resourceId: residentId,
      householdId,
      residentId,
      teamId,
      details: { duplicateWarningOverridden: overridden },
    });
  }
  await ctx.audit({
    action: "household.created",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    teamId,
    details: { members: residents.length, duplicateWarningOverridden: overridden },
  });
  return { id: householdId };
}

/** The household if the actor may see it; 404 otherwise, so existence stays hidden. */
export async function assertVisibleHousehold(ctx: RequestContext, householdId: string) {
  const household = await findHousehold(ctx, householdId);
  if (!household) throw notFound("Dit dossier bestaat niet of u heeft er geen toegang toe.");
  return household;
}

export async function addHouseholdMember(ctx: RequestContext, householdId: string, input: AddMember) {
  await assertHouseholdAction(ctx, householdId, "register");
  const household = await assertVisibleHousehold(ctx, householdId);
  if (household.mergedIntoId)
    throw conflict("householdMerged", "Dit huishouden is samengevoegd; werk in het nieuwe dossier.");
  const values = await validateResident(ctx, input);
  const { overridden } = await assertNoDuplicates(ctx, [values], input.confirmNotDuplicate, householdId);
  const residentId = randomUUID();
  await insertResident(ctx, residentId, values);
  if (input.isMainContact) {
    await ctx.trx
      .updateTable("householdMember")
      .set({ isMainContact: false })
      .where("householdId", "=", householdId)
      .execute();
  }
  await insertMember(ctx, {
    householdId,
    residentId,
    relation: input.relation,
    isMainContact: input.isMainContact ?? false,
  });
  await ctx.audit({
    action: "household.memberAdded",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    residentId,
    teamId: household.registeredByTeamId,
    details: { relation: input.relation, duplicateWarningOverridden: overridden },
  });
  return { id: residentId };
}

export async function changeResident(ctx: RequestContext, residentId: string, input: UpdateResident) {
  const existing = await findResidentWithHousehold(ctx, residentId);
  if (!existing) throw notFound("Deze inwoner bestaat niet of u heeft er geen toegang toe.");
  await assertHouseholdAction(ctx, existing.householdId, "register");
  if (existing.version !== input.version) throw concurrentChange("Deze gegevens");
  const values = await validateResident(ctx, input);
  const changed = await updateResident(ctx, residentId, input.version, values);
  if (changed === 0) throw concurrentChange("Deze gegevens");
  await ctx.audit({
    action: "resident.updated",
    resourceType: "resident",
    resourceId: residentId,
    residentId,
    householdId: existing.householdId,
  });
  return { id: residentId };
}

export function concurrentChange(what: string) {
  return conflict(
    "concurrentChange",
    `${what} zijn intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; laad het dossier opnieuw en voer haar dan opnieuw in.`,
  );
}
