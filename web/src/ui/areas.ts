import { useResource } from "../api/useResource.ts";
import { tOptional } from "../i18n/i18n.ts";

interface Area {
  code: string;
  kind: "district" | "neighbourhood";
  name: string;
  districtCode: string | null;
}

/** The municipality's CBS wijken and buurten, to show names where the data holds codes. */
export function useAreas() {
  const areas = useResource<{ items: Area[] }>("/api/areas", { keep: true });
  const items = areas.data?.items ?? [];
  const names = new Map(items.map((a) => [a.code, a.name]));
  return {
    items,
    districts: items.filter((a) => a.kind === "district"),
    /** "Overvecht" for WK034403; a code the list does not know stays a code until the list is loaded. */
    name: (code: string) => names.get(code) ?? (areas.data ? code : "…"),
  };
}

/** The life domains of the ZRM 2017 that the coverage matrix counts, with their Dutch names. */
export const EXPERTISE_DOMAINS = [
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
] as const;

/** A member's expertise word in Dutch: a life domain by its name, a target group as written. */
export function expertiseName(word: string): string {
  return tOptional(`plan.domain.${word}`) ?? tOptional(`domain.${word}`) ?? word;
}
