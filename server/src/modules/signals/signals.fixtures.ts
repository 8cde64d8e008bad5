import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { buildOrganisation, buildUser } from "../../test/factories.ts";
import { buildDossierWorld } from "../households/dossier.factories.ts";
import { hashApiKey, newApiKey } from "./signals.rules.ts";

/** Overvecht (wijk 03) for the team, Oost (wijk 05) for the other team, in Utrecht's real CBS buurten. */
export const BUURT = { overvecht: "BU03440311", overvecht2: "BU03440321", oost: "BU03440511" } as const;

/**
 * The dossier world (GM0344 with CBS areas, a team with lead and professionals, another team, a
 * partner, a policy officer and an administrator) with area codes per team, a second partner of
 * another organisation, and an API key for each partner organisation.
 */
export async function buildSignalWorld(db: Kysely<DB>) {
  const w = await buildDossierWorld(db);
  await db
    .updateTable("team")
    .set({ areaCodes: ["WK034403"] })
    .where("id", "=", w.team.id)
    .execute();
  await db
    .updateTable("team")
    .set({ areaCodes: ["WK034405"] })
    .where("id", "=", w.otherTeam.id)
    .execute();
  const police = await buildOrganisation(db, w.municipality.id, { name: "Politie test", type: "police" });
  const otherPartner = await buildUser(db, w.municipality.id, { role: "partner", organisationId: police.id });
  const housing = await buildOrganisation(db, w.municipality.id, {
    name: "Woningcorporatie test",
    type: "housingCorporation",
  });
  const keyFor = async (organisationId: string) => {
    const key = newApiKey();
    await db
      .insertInto("partnerApiKey")
      .values({
        municipalityId: w.municipality.id,
        organisationId,
        label: "test",
        keyPrefix: key.prefix,
        keyHash: hashApiKey(key.token),
        issuedByUserId: w.administrator.id,
      })
      .execute();
    return key.token;
  };
  return {
    ...w,
    police,
    otherPartner,
    housing,
    housingKey: await keyFor(housing.id),
    policeKey: await keyFor(police.id),
  };
}

export const personSignal = (over: Record<string, unknown> = {}) => ({
  subject: "person",
  personName: "Mevrouw Jansen",
  postcode: "3562ab",
  houseNumber: 12,
  neighbourhoodCode: BUURT.overvecht,
  category: "loneliness",
  urgency: "normal",
  observation: "Mevrouw komt al weken de deur niet uit en de brievenbus puilt uit.",
  residentAware: false,
  ...over,
});

export const placeSignal = (over: Record<string, unknown> = {}) => ({
  subject: "place",
  street: "Zamenhofdreef",
  neighbourhoodCode: BUURT.overvecht2,
  category: "pollution",
  urgency: "low",
  observation: "Bij de flat staat al dagen grofvuil en er lopen ratten rond.",
  residentAware: true,
  ...over,
});
