import { UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";

/** From the household dossier to the case's plan, the network map and reciprocity (shown by permission). */
export function DossierPlanLinks({ householdId, caseId }: { householdId: string; caseId: string | null }) {
  const session = useAuthenticatedSession();
  const can = (p: string) => hasAnyPermission(session, [p]);
  const h = encodeURIComponent(householdId);
  if (!can("plan.read")) return null;
  return (
    <nav aria-label={t("plan.dossierLinks")}>
      <UnorderedList>
        {caseId && (
          <UnorderedListItem>
            <AppLink href={`/casussen/${encodeURIComponent(caseId)}/plan`}>{t("plan.title")}</AppLink>
          </UnorderedListItem>
        )}
        <UnorderedListItem>
          <AppLink href={`/dossiers/${h}/netwerk`}>{t("plan.network")}</AppLink>
        </UnorderedListItem>
        {can("reciprocity.match") && (
          <UnorderedListItem>
            <AppLink href={`/dossiers/${h}/wederkerigheid`}>{t("plan.reciprocity")}</AppLink>
          </UnorderedListItem>
        )}
      </UnorderedList>
    </nav>
  );
}
