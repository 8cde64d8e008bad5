import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { EntryInput } from "./directory.schemas.ts";

let counter = 0;

/** A complete, valid entry as the API takes it (Utrecht codes), with overrides. */
export function entryInput(over: Partial<EntryInput> = {}): EntryInput {
  const n = ++counter;
  return {
    externalKey: `test-${n}`,
    name: `Voorziening ${n}`,
    description: "Een voorziening om mee te testen, in gewone taal beschreven.",
    kind: "collectiveProvision",
    providerName: "Welzijn Test",
    wmoPerformanceFields: [1],
    lifeDomains: ["socialNetwork"],
    targetGroups: ["everyone"],
    accessRoute: "walkIn",
    cost: "free",
    servesWholeMunicipality: true,
    areaCodes: [],
    openingHours: [],
    isPublic: true,
    ...over,
  };
}

/** Writes an entry directly as the owner (arrange, not act). */
export async function buildDirectoryEntry(
  db: Kysely<DB>,
  municipalityId: string,
  over: Partial<EntryInput> = {},
) {
  const input = entryInput(over);
  return db
    .insertInto("directoryEntry")
    .values({
      municipalityId,
      externalKey: input.externalKey ?? `test-${++counter}`,
      name: input.name,
      description: input.description,
      kind: input.kind as never,
      providerName: input.providerName,
      wmoPerformanceFields: input.wmoPerformanceFields,
      lifeDomains: input.lifeDomains as never,
      targetGroups: input.targetGroups as never,
      accessRoute: input.accessRoute as never,
      cost: input.cost as never,
      servesWholeMunicipality: input.servesWholeMunicipality,
      areaCodes: input.areaCodes,
      neighbourhoodCode: input.neighbourhoodCode ?? null,
      openingHours: JSON.stringify(input.openingHours),
      contactPersonName: input.contactPersonName ?? null,
      contactPersonEmail: input.contactPersonEmail ?? null,
      activeFrom: input.activeFrom ?? null,
      activeUntil: input.activeUntil ?? null,
      reviewDate: input.reviewDate ?? "2099-01-01",
      isPublic: input.isPublic,
    })
    .returning(["id", "externalKey", "name"])
    .executeTakeFirstOrThrow();
}
