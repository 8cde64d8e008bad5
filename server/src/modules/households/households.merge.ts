import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { insertMerge, moveHouseholdRows } from "./households.repository.ts";
import { assertVisibleHousehold } from "./households.service.ts";

/** Merges a duplicate dossier into this one: its rows move here and it points here from now on. */
export async function mergeHouseholds(
  ctx: RequestContext,
  householdId: string,
  input: { mergedHouseholdId: string; note: string },
) {
  const note = input.note.trim();
  if (!note)
    throw unprocessable("mergeNoteRequired", "Leg kort uit waarom deze dossiers samen horen.", {
      field: "note",
    });
  if (householdId === input.mergedHouseholdId) {
    throw unprocessable("mergeSelf", "Een dossier kan niet met zichzelf worden samengevoegd.");
  }
  const target = await assertVisibleHousehold(ctx, householdId);
  const source = await assertVisibleHousehold(ctx, input.mergedHouseholdId);
  if (target.mergedIntoId || source.mergedIntoId) {
    throw conflict("householdMerged", "Een van deze dossiers is al samengevoegd.");
  }
  const open = await ctx.trx
    .selectFrom("caseFile")
    .select(["householdId"])
    .where("householdId", "in", [householdId, input.mergedHouseholdId])
    .where("status", "!=", "closed")
    .execute();
  if (open.length > 1) {
    throw conflict(
      "twoOpenCases",
      "Beide dossiers hebben een lopende casus. Sluit eerst een van beide casussen af; één huishouden heeft één plan.",
    );
  }
  await ctx.trx
    .updateTable("household")
    .set({ mergedIntoId: householdId })
    .where("id", "=", input.mergedHouseholdId)
    .execute();
  await moveHouseholdRows(ctx, input.mergedHouseholdId, householdId);
  await insertMerge(ctx, { id: randomUUID(), householdId, mergedHouseholdId: input.mergedHouseholdId, note });
  for (const id of [householdId, input.mergedHouseholdId]) {
    await ctx.audit({
      action: "household.merged",
      resourceType: "household",
      resourceId: householdId,
      householdId: id,
      teamId: target.registeredByTeamId,
      details: { into: householdId, merged: input.mergedHouseholdId },
    });
  }
  return { id: householdId };
}
