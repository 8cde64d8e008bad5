import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { priceListPath } from "./PriceListPage.tsx";

/** From the Effectencalculator to the prices it uses (with their sources and years). */
export function PriceListLink() {
  const session = useAuthenticatedSession();
  if (!hasAnyPermission(session, ["socialPrice.read", "socialPrice.manage"])) return null;
  return (
    <Paragraph>
      <AppLink href={priceListPath}>{t("prices.open")}</AppLink>
    </Paragraph>
  );
}

/**
 * In the household dossier's case section: the case's Effectencalculator, for whoever may use it. The page
 * itself checks the case against the access rules again (a case outside one's teams is a 404 there).
 */
export function DossierImpactLink({ caseId }: { caseId: string | null }) {
  const session = useAuthenticatedSession();
  if (!caseId || !hasAnyPermission(session, ["impactCalculator.use"])) return null;
  return (
    <nav aria-label={t("impact.dossierLinks")}>
      <UnorderedList>
        <UnorderedListItem>
          <AppLink href={`/effectencalculator/${encodeURIComponent(caseId)}`}>
            {t("impact.openForCase")}
          </AppLink>
        </UnorderedListItem>
      </UnorderedList>
    </nav>
  );
}
