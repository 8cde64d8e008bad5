/** Rules of team composition and staffing; pure functions, tested with hand-made teams. */

/** Expertise words that mean the same life domain (ZRM 2010/2017 keys and the Dutch words teams use). */
const ALIASES: string[][] = [
  ["addiction", "substanceUse", "verslaving"],
  ["adl", "basicAdl", "instrumentalAdl"],
  ["daytimeActivities", "timeUse"],
  ["mentalHealth", "psychiatrie", "ggz"],
  ["finances", "schulden"],
];
const canonical = new Map<string, string>(
  ALIASES.flatMap((group) => group.map((w) => [w.toLowerCase(), group[0] ?? w])),
);
export const canonicalExpertise = (word: string) => canonical.get(word.toLowerCase()) ?? word;

export const LIFE_DOMAINS = new Set(
  [
    "finances",
    "workAndEducation",
    "timeUse",
    "daytimeActivities",
    "housing",
    "domesticRelations",
    "mentalHealth",
    "physicalHealth",
    "substanceUse",
    "addiction",
    "adl",
    "basicAdl",
    "instrumentalAdl",
    "socialNetwork",
    "communityParticipation",
    "justice",
  ].map(canonicalExpertise),
);

export interface Member {
  userId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  hoursPerWeek: number;
  expertise: string[];
}

export interface CoverageColumn {
  key: string;
  kind: "lifeDomain" | "targetGroup";
  /** Households in the caseload (or areas) that need this domain; null for target groups. */
  need: number | null;
  coveredBy: number;
  gap: boolean;
}

/**
 * The coverage matrix: columns are the needed life domains plus every domain and target group a
 * member knows; a gap is a needed domain nobody in the team covers.
 */
export function coverageMatrix(members: Member[], needs: { domain: string; count: number }[]) {
  const need = new Map<string, number>();
  for (const n of needs)
    if (n.count > 0)
      need.set(canonicalExpertise(n.domain), (need.get(canonicalExpertise(n.domain)) ?? 0) + n.count);
  const memberSets = members.map((m) => new Set(m.expertise.map(canonicalExpertise)));
  const keys = [...new Set([...need.keys(), ...memberSets.flatMap((s) => [...s])])];
  const columns: CoverageColumn[] = keys
    .map((key) => {
      const coveredBy = memberSets.filter((s) => s.has(key)).length;
      const n = need.get(key) ?? null;
      return {
        key,
        kind: LIFE_DOMAINS.has(key) ? ("lifeDomain" as const) : ("targetGroup" as const),
        need: n,
        coveredBy,
        gap: n != null && coveredBy === 0,
      };
    })
    .sort((a, b) =>
      a.kind === b.kind
        ? (b.need ?? -1) - (a.need ?? -1) || a.key.localeCompare(b.key)
        : a.kind === "lifeDomain"
          ? -1
          : 1,
    );
  return {
    columns,
    rows: members.map((m, i) => ({
      userId: m.userId,
      covers: columns.map((c) => memberSets[i]?.has(c.key) ?? false),
    })),
    gaps: columns.filter((c) => c.gap).map((c) => c.key),
  };
}

/** Hours each home organisation contributes (co-funding), largest first. */
export function hoursPerOrganisation(members: Member[]) {
  const byOrg = new Map<
    string,
    { organisationId: string; organisationName: string; hoursPerWeek: number; members: number }
  >();
  for (const m of members) {
    const o = byOrg.get(m.organisationId) ?? {
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      hoursPerWeek: 0,
      members: 0,
    };
    o.hoursPerWeek += m.hoursPerWeek;
    o.members++;
    byOrg.set(m.organisationId, o);
  }
  return [...byOrg.values()].sort(
    (a, b) => b.hoursPerWeek - a.hoursPerWeek || a.organisationName.localeCompare(b.organisationName),
  );
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const HALF_DAYS = ["morning", "afternoon"] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

export interface Norm {
  peoplePerHalfDay: number;
  hoursPerWeek: number;
  hoursPerHalfDay: number;
}

/**
 * Staffing per half-day against the norm: who is present, how many short; rostered hours against the
 * weekly norm and against each member's seconded hours.
 */
export function staffingGaps(
  members: Member[],
  slots: { userId: string; weekday: number; halfDay: HalfDay }[],
  norm: Norm,
) {
  const grid = WEEKDAYS.flatMap((weekday) =>
    HALF_DAYS.map((halfDay) => {
      const present = slots
        .filter((s) => s.weekday === weekday && s.halfDay === halfDay)
        .map((s) => s.userId);
      return { weekday, halfDay, present, shortBy: Math.max(0, norm.peoplePerHalfDay - present.length) };
    }),
  );
  const rosteredHours = slots.length * norm.hoursPerHalfDay;
  const contractHours = members.reduce((s, m) => s + m.hoursPerWeek, 0);
  const overRostered = members
    .map((m) => ({
      userId: m.userId,
      rostered: slots.filter((s) => s.userId === m.userId).length * norm.hoursPerHalfDay,
      contract: m.hoursPerWeek,
    }))
    .filter((m) => m.rostered > m.contract);
  return {
    grid,
    halfDaysShort: grid.filter((g) => g.shortBy > 0).length,
    rosteredHours,
    contractHours,
    hoursShortOfNorm: Math.max(0, norm.hoursPerWeek - rosteredHours),
    contractShortOfNorm: Math.max(0, norm.hoursPerWeek - contractHours),
    overRostered,
  };
}

/** Without ZRM scores: domains suggested by the team's areas, where a demand component is well above average. */
export function domainsFromAreaDemand(components: { component: string; relative: number | null }[]) {
  const map: Record<string, string[]> = {
    elderly: ["physicalHealth", "adl", "socialNetwork"],
    singlePersonHouseholds: ["socialNetwork"],
    lowIncome: ["finances"],
    socialAssistance: ["finances", "workAndEducation"],
    corporationHousing: ["housing"],
  };
  const out = new Map<string, number>();
  for (const c of components)
    if (c.relative != null && c.relative >= 1.1)
      for (const d of map[c.component] ?? []) out.set(d, Math.max(out.get(d) ?? 0, 1));
  return [...out.entries()].map(([domain, count]) => ({ domain, count }));
}
