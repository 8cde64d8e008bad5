import { Heading1, Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useEffect } from "react";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { label } from "./labels.ts";
import type { CaseFile, Dossier } from "./types.ts";
import type { HouseholdAccess } from "./useDossier.ts";

export const dossierSections = [
  "overview",
  "members",
  "intake",
  "zrm",
  "plan",
  "network",
  "reciprocity",
  "journal",
  "documents",
  "case",
  "portal",
  "privacy",
] as const;
export type DossierSection = (typeof dossierSections)[number];

/** The address of a section; the plan and the portal messages live at their own addresses. */
export function sectionHref(
  householdId: string,
  section: DossierSection,
  caseId: string | null,
): string | null {
  const base = `/dossiers/${encodeURIComponent(householdId)}`;
  switch (section) {
    case "overview":
      return base;
    case "plan":
      return caseId ? `/casussen/${encodeURIComponent(caseId)}/plan` : null;
    case "portal":
      return caseId ? `${base}/portaal` : null;
    case "members":
      return `${base}/gezin`;
    case "network":
      return `${base}/netwerk`;
    case "reciprocity":
      return `${base}/wederkerigheid`;
    case "journal":
      return `${base}/journaal`;
    case "documents":
      return `${base}/documenten`;
    case "case":
      return `${base}/casus`;
    case "privacy":
      return `${base}/toestemming`;
    default:
      return `${base}/${section}`;
  }
}

/** The section of a path segment ("gezin" → members). */
export function sectionOf(segment: string): DossierSection | null {
  const map: Record<string, DossierSection> = {
    overview: "overview",
    gezin: "members",
    intake: "intake",
    zrm: "zrm",
    journaal: "journal",
    documenten: "documents",
    casus: "case",
    portaal: "portal",
  };
  return map[segment] ?? null;
}

export interface HeaderFlags {
  acuteZrm: boolean;
  safety: boolean;
  emergency: boolean;
}

export function flagsOf(dossier: Dossier, access: HouseholdAccess | null): HeaderFlags {
  const latest = new Map<string, Dossier["assessments"][number]>();
  for (const a of dossier.assessments) {
    const previous = latest.get(a.residentId);
    if (!previous || previous.assessedOn <= a.assessedOn) latest.set(a.residentId, a);
  }
  const acuteZrm = [...latest.values()].some((a) => a.scores.some((s) => s.level === 1));
  const intake = dossier.intakes[0];
  const safety = Boolean(intake?.safetyConcerns) || intake?.urgency === "acute";
  return { acuteZrm, safety, emergency: access?.level === "emergency" };
}

/**
 * The dossier's header, the same on every section: household, case status in Dutch, case lead, team and
 * flags (acute ZRM level, safety, emergency access), then the section menu with the current one marked.
 */
export function DossierHeader({
  dossier,
  current,
  access,
  section,
  sectionTitle,
  actions,
}: {
  dossier: Dossier;
  current: CaseFile | undefined;
  access: HouseholdAccess | null;
  section: DossierSection;
  sectionTitle: string;
  /** Quick actions available on every section (recording a contact). */
  actions?: ReactNode;
}) {
  const flags = flagsOf(dossier, access);
  useEffect(() => {
    document.title = t("app.pageTitle", { page: `${dossier.name} – ${sectionTitle}` });
  }, [dossier.name, sectionTitle]);
  const caseId = current?.id ?? null;
  return (
    <div className="ww-dossier-header">
      <Paragraph>
        <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
      </Paragraph>
      <Heading1>{dossier.name}</Heading1>
      <dl className="ww-facts" aria-label={t("workspace.facts")}>
        <div>
          <dt>{t("dossier.status")}:</dt>
          <dd data-testid="case-status">
            {current ? label("caseStatus", current.status) : t("workspace.noCase")}
          </dd>
        </div>
        {current && (
          <div>
            <dt>{t("dossier.caseLead")}:</dt>
            <dd data-testid="case-lead">{current.caseLead?.name ?? "–"}</dd>
          </div>
        )}
        {current && (
          <div>
            <dt>{t("dossier.team")}:</dt>
            <dd>{current.teamName}</dd>
          </div>
        )}
      </dl>
      {(flags.acuteZrm || flags.safety || flags.emergency || current?.acute) && (
        <ul className="ww-flags" aria-label={t("workspace.flags")}>
          {(flags.acuteZrm || current?.acute) && (
            <li className="ww-flag ww-flag--danger">{t("workspace.flag.acute")}</li>
          )}
          {flags.safety && <li className="ww-flag ww-flag--danger">{t("workspace.flag.safety")}</li>}
          {flags.emergency && <li className="ww-flag ww-flag--warning">{t("workspace.flag.emergency")}</li>}
        </ul>
      )}
      {actions && <div className="ww-toolbar">{actions}</div>}
      <nav className="ww-sections" aria-label={t("workspace.sections")}>
        <ul>
          {dossierSections.map((s) => {
            const href = sectionHref(dossier.id, s, caseId);
            if (!href) return null;
            return (
              <li key={s}>
                <AppLink href={href} aria-current={s === section ? "page" : undefined}>
                  {t(`workspace.section.${s}`)}
                </AppLink>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
