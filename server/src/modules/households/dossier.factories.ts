import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import {
  buildMembership,
  buildOrganisation,
  buildStaffedTeam,
  buildTeam,
  buildUser,
} from "../../test/factories.ts";
import { loadAreas } from "../areas/areas.loader.ts";

/** Valid BSNs (eleven-test) for tests. */
export const BSN = { a: "111222333", b: "123456782", c: "999999990" } as const;

/**
 * A municipality with CBS areas (Utrecht, GM0344 by default), a team of the given model with a team
 * lead and two professionals, a second team with its own professional, a partner and a policy officer.
 */
export async function buildDossierWorld(
  db: Kysely<DB>,
  over: { code?: string; model?: "integrated" | "frontBackOffice" | "network" } = {},
) {
  const staffed = await buildStaffedTeam(db, { code: over.code ?? "GM0344", model: over.model });
  const { municipality, organisation, team } = staffed;
  await loadAreas(db, municipality.id, municipality.code);
  const lead = await staffed.member("teamLead");
  const worker = await staffed.member("professional");
  const colleague = await staffed.member("professional");
  const otherTeam = await buildTeam(db, municipality.id, { name: "Ander buurtteam" });
  const otherOrganisation = await buildOrganisation(db, municipality.id, { name: "GGZ Test" });
  const outsider = await buildUser(db, municipality.id, {
    role: "professional",
    organisationId: otherOrganisation.id,
  });
  await buildMembership(db, municipality.id, otherTeam.id, outsider.id, otherOrganisation.id);
  const partner = await buildUser(db, municipality.id, { role: "partner", organisationId: organisation.id });
  const policyOfficer = await buildUser(db, municipality.id, {
    role: "policyOfficer",
    organisationId: organisation.id,
  });
  const administrator = await buildUser(db, municipality.id, {
    role: "administrator",
    organisationId: organisation.id,
  });
  return {
    municipality,
    organisation,
    team,
    lead,
    worker,
    colleague,
    otherTeam,
    outsider,
    partner,
    policyOfficer,
    administrator,
  };
}

export const member = (over: Record<string, unknown> = {}) => ({
  givenName: "Sanne",
  familyName: "de Vries",
  birthDate: "1985-04-12",
  bsn: BSN.a,
  postcode: "3562 AB",
  houseNumber: 12,
  houseNumberAddition: "bis",
  street: "Zamenhofdreef",
  city: "Utrecht",
  neighbourhoodCode: "BU03440311",
  phone: "06-12345678",
  email: "sanne@example.nl",
  preferredLanguage: "nl",
  interpreterNeeded: false,
  relation: "self",
  isMainContact: true,
  ...over,
});

/** Scores for every domain of the 2017 ZRM, at one level unless overridden. */
export function scores2017(level: number, over: Record<string, number> = {}) {
  const keys = [
    "finances",
    "workAndEducation",
    "timeUse",
    "housing",
    "domesticRelations",
    "mentalHealth",
    "physicalHealth",
    "substanceUse",
    "basicAdl",
    "instrumentalAdl",
    "socialNetwork",
    "communityParticipation",
    "justice",
  ];
  return keys.map((domain) => ({ domain, level: over[domain] ?? level, note: null }));
}
