import { Heading2 } from "@utrecht/component-library-react";
import { type ReactNode, useState } from "react";
import { t } from "../../i18n/i18n.ts";
import { SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DossierHeader, type DossierSection } from "./DossierHeader.tsx";
import { HeaderActions } from "./HeaderActions.tsx";
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
  const { dossier, instrument, access, current, reload } = useDossier(householdId);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      {dossier.data ? (
        <DossierHeader
          dossier={dossier.data}
          current={current}
          access={access.data}
          section={section}
          sectionTitle={title}
          actions={
            current && current.status !== "closed" ? (
              <HeaderActions
                dossier={dossier.data}
                instrument={instrument.data}
                current={current}
                reload={reload}
                done={async (message) => {
                  await reload();
                  setSaved(message ?? null);
                }}
              />
            ) : null
          }
        />
      ) : (
        <PageTitle>{title}</PageTitle>
      )}
      <SuccessMessage message={saved} />
      {dossier.data && <Heading2>{title}</Heading2>}
      {children}
    </>
  );
}

export const dossierFrameTitle = (key: DossierSection) => t(`workspace.section.${key}`);
