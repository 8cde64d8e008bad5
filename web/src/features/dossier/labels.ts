import { t, tOptional } from "../../i18n/i18n.ts";

/** Codes the server sends, with their label in the catalogue (`dossier.<group>.<code>`). */
export const codes = {
  caseStatus: ["registration", "intake", "plan", "execution", "evaluation", "closed", "reopened"],
  relationName: ["self", "partner", "child", "parent", "other"],
  journalKind: ["homeVisit", "phoneCall", "consultation", "meeting"],
  locationName: ["homeVisit", "desk", "elsewhere"],
  urgencyName: ["low", "normal", "high", "acute"],
  closureReason: [
    "goalsAchieved",
    "referredToSpecialistCare",
    "referredToCollectiveProvision",
    "residentDeclined",
    "movedAway",
    "deceased",
    "other",
  ],
  escalationName: ["yes", "no", "unknown"],
  languageName: ["nl", "en", "ar", "tr", "ber", "pl", "ti", "uk", "pap"],
  levelName: ["1", "2", "3", "4", "5"],
} as const;
export type CodeGroup = keyof typeof codes;

/** The label of a code; an unknown code is shown as it is. */
export function label(group: CodeGroup, code: string | number | null | undefined): string {
  if (code === null || code === undefined) return "";
  return tOptional(`dossier.${group}.${code}`) ?? String(code);
}

/** Options for a select field, in the order of the list. */
export function options(group: CodeGroup, only?: readonly string[]) {
  return (only ?? codes[group]).map((value) => ({ value, label: label(group, value) }));
}

/** "3 – Beperkt zelfredzaam" */
export const levelText = (level: number) => `${level} – ${label("levelName", level)}`;

export { t };
