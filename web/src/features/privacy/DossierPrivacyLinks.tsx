import { Alert, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import type { HouseholdAccess } from "./types.ts";

export const consentPath = (h: string) => `/dossiers/${encodeURIComponent(h)}/toestemming`;
export const rightsPath = (h: string) => `/dossiers/${encodeURIComponent(h)}/inzage`;
export const breakGlassPath = (h: string) => `/dossiers/${encodeURIComponent(h)}/noodtoegang`;

/**
 * Privacy links on the dossier, only for what the server allows (GET /api/households/:id/access), and the
 * banner while the user reads the dossier under emergency access.
 */
export function DossierPrivacyLinks({ householdId }: { householdId: string }) {
  const access = useResource<HouseholdAccess>(`/api/households/${encodeURIComponent(householdId)}/access`);
  const a = access.data;
  if (!a) return null;
  const can = (action: string) => a.actions.includes(action);
  const links = [
    can("register") && { href: consentPath(householdId), label: t("privacy.consents") },
    (can("share") || can("edit")) && { href: rightsPath(householdId), label: t("privacy.rights") },
    can("breakTheGlass") && { href: breakGlassPath(householdId), label: t("privacy.breakGlass") },
  ].filter((x): x is { href: string; label: string } => Boolean(x));
  return (
    <>
      {a.level === "emergency" && (
        <Alert type="warning" role="status">
          <Paragraph data-testid="emergency-banner">
            <strong>{t("privacy.emergencyBanner")}</strong>
          </Paragraph>
        </Alert>
      )}
      {links.length > 0 && (
        <nav aria-label={t("privacy.links")}>
          <UnorderedList>
            {links.map((l) => (
              <UnorderedListItem key={l.href}>
                <AppLink href={l.href}>{l.label}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </nav>
      )}
    </>
  );
}
