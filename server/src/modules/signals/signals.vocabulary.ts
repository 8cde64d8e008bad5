/**
 * The closed lists of early signalling. The UI shows their Dutch names from its catalogue. The web app
 * imports this file too: keep it free of imports and of anything but plain values and types.
 */

/** Life domains (as in the ZRM) plus neighbourhood and safety concerns. */
export const SIGNAL_CATEGORIES = [
  "finances",
  "workAndEducation",
  "daytimeActivities",
  "housing",
  "domesticRelations",
  "mentalHealth",
  "physicalHealth",
  "addiction",
  "adl",
  "socialNetwork",
  "communityParticipation",
  "justice",
  "nuisance",
  "pollution",
  "debtsRentArrears",
  "loneliness",
  "childConcern",
  "domesticViolence",
] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** Special-category data under the GDPR (art. 9): health, addiction and justice. */
export const SPECIAL_CATEGORIES: readonly SignalCategory[] = [
  "mentalHealth",
  "physicalHealth",
  "addiction",
  "justice",
];

/** Categories under the meldcode huiselijk geweld en kindermishandeling. */
export const MELDCODE_CATEGORIES: readonly SignalCategory[] = ["domesticViolence", "childConcern"];

export const URGENCIES = ["low", "normal", "high", "acute"] as const;
export const SOURCES = ["partner", "public", "api"] as const;
export const DECISIONS = [
  "outreach",
  "linkHousehold",
  "openCase",
  "refer",
  "neighbourhood",
  "noAction",
  "reportVeiligThuis",
] as const;
export type Decision = (typeof DECISIONS)[number];
export const CONTACT_METHODS = ["homeVisit", "phone", "letter", "viaPartner", "other"] as const;
export const CONTACT_OUTCOMES = ["reached", "notHome", "noAnswer", "declined"] as const;

/** The five steps of the meldcode (Wet verplichte meldcode, 2019 version). */
export const MELDCODE_STEPS = [
  { step: 1, title: "Signalen in kaart brengen" },
  { step: 2, title: "Collegiale consultatie en zo nodig Veilig Thuis of een letselexpert raadplegen" },
  { step: 3, title: "Gesprek met de betrokkene(n)" },
  { step: 4, title: "Wegen van het geweld of de kindermishandeling aan de hand van het afwegingskader" },
  { step: 5, title: "Beslissen: zelf hulp bieden of organiseren, en/of melden bij Veilig Thuis" },
] as const;

export function isMeldcodeCategory(category: string): boolean {
  return (MELDCODE_CATEGORIES as readonly string[]).includes(category);
}

export function isSignalCategory(value: string): value is SignalCategory {
  return (SIGNAL_CATEGORIES as readonly string[]).includes(value);
}
