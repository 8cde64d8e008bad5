import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";
import { findDuplicates, findVisibleResidents, type ResidentValues } from "./households.repository.ts";

const REASONS = { byBsn: "bsn", byNameBirthPostcode: "nameBirthDatePostcode", byAddress: "address" } as const;

/** Possible duplicates of the given residents; details only for dossiers the user may open. */
async function detectDuplicates(ctx: RequestContext, residents: ResidentValues[]) {
  const rows = (await Promise.all(residents.map((r) => findDuplicates(ctx, r)))).flat();
  const unique = [...new Map(rows.map((r) => [r.residentId, r])).values()];
  const visible = await findVisibleResidents(
    ctx,
    unique.filter((r) => r.visible).map((r) => r.residentId),
  );
  const byId = new Map(visible.map((r) => [r.id, r]));
  // The check looked into other households (also ones the user may not open): that stays on record even
  // when the registration is refused and rolls back — a BSN typed here must not be a silent oracle.
  for (const householdId of new Set(unique.map((r) => r.householdId).filter((h): h is string => !!h))) {
    const rows = unique.filter((r) => r.householdId === householdId);
    ctx.auditApart({
      action: "household.duplicateChecked",
      resourceType: "household",
      resourceId: householdId,
      householdId,
      details: {
        reasons: [
          ...new Set(
            rows.flatMap((r) =>
              (Object.keys(REASONS) as (keyof typeof REASONS)[]).filter((k) => r[k]).map((k) => REASONS[k]),
            ),
          ),
        ],
        mayOpen: rows.some((r) => r.visible),
      },
    });
  }
  return unique.map((row) => {
    const reasons = (Object.keys(REASONS) as (keyof typeof REASONS)[])
      .filter((k) => row[k])
      .map((k) => REASONS[k]);
    const r = byId.get(row.residentId);
    if (!r) {
      return {
        visible: false,
        reasons,
        residentId: null,
        householdId: null,
        name: null,
        birthDate: null,
        address: null,
      };
    }
    const address = r.postcode
      ? `${r.postcode} ${r.houseNumber ?? ""}${r.houseNumberAddition ? ` ${r.houseNumberAddition}` : ""}`.trim()
      : null;
    return {
      visible: true,
      reasons,
      residentId: r.id,
      householdId: row.householdId,
      name: `${r.givenName} ${r.familyName}`,
      birthDate: r.birthDate,
      address,
    };
  });
}

/**
 * Refuses (409 possibleDuplicate, with the candidates) residents who may already be registered, unless
 * the user confirmed they are not.
 */
export async function assertNoDuplicates(
  ctx: RequestContext,
  residents: ResidentValues[],
  confirmed: boolean | undefined,
  ownHouseholdId?: string,
) {
  // A new housemate shares the address with the household's own members: that alone is no duplicate.
  const candidates = (await detectDuplicates(ctx, residents)).filter(
    (c) => !(ownHouseholdId && c.householdId === ownHouseholdId && c.reasons.every((r) => r === "address")),
  );
  if (candidates.length === 0) return { overridden: false };
  if (confirmed) return { overridden: true };
  const hidden = candidates.some((c) => !c.visible);
  throw conflict(
    "possibleDuplicate",
    hidden
      ? "Deze inwoner staat mogelijk al geregistreerd, ook in een dossier waar u geen toegang toe heeft. Open het bestaande dossier of ga bewust verder; overleg bij twijfel met uw teamleider."
      : "Deze inwoner staat mogelijk al geregistreerd. Open het bestaande dossier of ga bewust verder met een nieuwe registratie.",
    { candidates },
  );
}

/** One household cannot hold the same BSN twice. */
export function assertUniqueWithin(residents: ResidentValues[]) {
  const bsns = residents.map((r) => r.bsn).filter((b): b is string => b !== null);
  if (new Set(bsns).size !== bsns.length) {
    throw unprocessable("bsnTwice", "Hetzelfde BSN is bij twee gezinsleden ingevuld.", { field: "bsn" });
  }
}
