import { t } from "../../i18n/i18n.ts";

/** Actions that only read: a view, list, search, print or download (the last word of the action). */
const READ = /(viewed|listed|searched|printed|exported|downloaded|compared|loaded|opened)$/i;

export function isView(action: string): boolean {
  return READ.test(action);
}

/** The kind of data an action is about, in plain words for the resident; the first match wins. */
const KINDS: [RegExp, string][] = [
  [/selfAssessment/i, "portal.access.kind.selfAssessment"],
  [/^plan\.|plan(Viewed|Agreed)|goal/i, "portal.access.kind.plan"],
  [/^assessment\.|zrm/i, "portal.access.kind.zrm"],
  [/^intake\./i, "portal.access.kind.intake"],
  [/^journal\./i, "portal.access.kind.journal"],
  [/^network\./i, "portal.access.kind.network"],
  [/^consent\./i, "portal.access.kind.consent"],
  [/message|inbox/i, "portal.access.kind.messages"],
  [/^resident\.|member/i, "portal.access.kind.personal"],
  [/^signal\./i, "portal.access.kind.signal"],
  [/^conference\./i, "portal.access.kind.conference"],
  [/^impactCalculator\./i, "portal.access.kind.impact"],
  [/^reciprocity\./i, "portal.access.kind.reciprocity"],
  [/^case\./i, "portal.access.kind.case"],
  [/^household\.|emergencyAccess/i, "portal.access.kind.dossier"],
];

export function dataKind(action: string): string {
  const found = KINDS.find(([pattern]) => pattern.test(action));
  return t((found?.[1] ?? "portal.access.kind.other") as Parameters<typeof t>[0]);
}
