import type { ReactNode } from "react";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";

/** The portal's own menu for one household: five short links, wrapping on a phone. */
export function PortalLayout({ householdId, children }: { householdId: string; children: ReactNode }) {
  const base = `/mijn/${householdId}`;
  const links = [
    [base, "portal.menu.overview"],
    [`${base}/plan`, "portal.menu.plan"],
    [`${base}/inschatting`, "portal.menu.selfAssessment"],
    [`${base}/berichten`, "portal.menu.messages"],
    [`${base}/documenten`, "portal.menu.documents"],
    [`${base}/inzage`, "portal.menu.access"],
  ] as const;
  return (
    <div className="ww-portal">
      <nav aria-label={t("portal.menu.label")} className="ww-portal__nav">
        <ul>
          {links.map(([href, label]) => (
            <li key={href}>
              <AppLink href={href}>{t(label)}</AppLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
