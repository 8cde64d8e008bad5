import { Heading2 } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { t } from "../../i18n/i18n.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DossierHeader, type DossierSection } from "./DossierHeader.tsx";
import { useDossier } from "./useDossier.ts";

/**
 * The dossier's header and section menu around a page that lives at its own address (plan, network,
 * consent, portal messages): the household is named and one click leads back to any section.
 */
export function DossierFrame({
  householdId,
  section,
  title,
  children,
}: {
  householdId: string;
  section: DossierSection;
  title: string;
  children: ReactNode;
}) {
  const { dossier, access, current } = useDossier(householdId);
  return (
    <>
      {dossier.data ? (
        <DossierHeader
          dossier={dossier.data}
          current={current}
          access={access.data}
          section={section}
          sectionTitle={title}
        />
      ) : (
        <PageTitle>{title}</PageTitle>
      )}
      {dossier.data && <Heading2>{title}</Heading2>}
      {children}
    </>
  );
}

export const dossierFrameTitle = (key: DossierSection) => t(`workspace.section.${key}`);
