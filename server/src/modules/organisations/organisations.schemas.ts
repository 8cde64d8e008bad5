import { Type } from "typebox";

export const ORGANISATION_TYPES = [
  "welfare",
  "socialWork",
  "mentalHealth",
  "homeCare",
  "generalPractice",
  "housingCorporation",
  "police",
  "municipality",
  "youthAndFamilyCentre",
  "debtCounselling",
  "volunteerOrganisation",
  "other",
] as const;

export const OrganisationType = Type.Enum(ORGANISATION_TYPES);

export const Organisation = Type.Object({ id: Type.String(), name: Type.String(), type: OrganisationType });
export const OrganisationList = Type.Object({ items: Type.Array(Organisation) });
export const CreateOrganisation = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: OrganisationType,
});
