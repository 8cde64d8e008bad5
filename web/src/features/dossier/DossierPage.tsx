import { Alert, Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useState } from "react";
import { AppLink } from "../../app/router.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { CasePortalPanel } from "../portal/CasePortalPanel.tsx";
import { DossierPrivacyLinks } from "../privacy/DossierPrivacyLinks.tsx";
import { CaseSection } from "./CaseSection.tsx";
import { DocumentsSection } from "./DocumentsSection.tsx";
import { DossierHeader, type DossierSection, sectionOf } from "./DossierHeader.tsx";
import { HeaderActions } from "./HeaderActions.tsx";
import { IntakeSection } from "./IntakeSection.tsx";
import { JournalSection } from "./JournalSection.tsx";
import { t } from "./labels.ts";
import { MembersSection } from "./MembersSection.tsx";
import { MergeSection } from "./MergeSection.tsx";
import { OverviewSection } from "./OverviewSection.tsx";
import { useDossier } from "./useDossier.ts";
import { ZrmSection } from "./ZrmSection.tsx";
import "./dossier.css";

/**
 * The dossier as a workspace: a header that always shows the household, the case status, case lead, team
 * and flags; a section menu with the overview first; every form opens in place and returns focus.
 */
export function DossierPage({ householdId, section: segment }: { householdId: string; section: string }) {
  useLanguage();
  const { dossier, instrument, access, plan, current, reload } = useDossier(householdId);
  const [saved, setSaved] = useState<string | null>(null);
  const section: DossierSection | null = segment === "overview" ? "overview" : sectionOf(segment);

  if (!dossier.data || !instrument.data) {
    return (
      // The same frame as the loaded dossier (back link, title, a header of the same height), so nothing
      // moves when the data arrives.
      <div className="ww-dossier-header ww-dossier-header--loading">
        <Paragraph>
          <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
        </Paragraph>
        <PageTitle>{t("dossier.titleOne")}</PageTitle>
        <ErrorMessage message={dossier.error ?? instrument.error} />
        {!dossier.error && <Loading />}
        {dossier.error && <DossierPrivacyLinks householdId={householdId} />}
      </div>
    );
  }
  if (!section) {
    return (
      <>
        <PageTitle>{t("app.notFound.title")}</PageTitle>
        <Paragraph>
          <AppLink href={`/dossiers/${householdId}`}>{t("workspace.toOverview")}</AppLink>
        </Paragraph>
      </>
    );
  }
  const data = dossier.data;
  const done = async (message = t("dossier.saved")) => {
    await reload();
    setSaved(message);
  };
  const reloaded = () => done(t("dossier.reloaded"));
  const props = { dossier: data, instrument: instrument.data, current, done, reload: reloaded };

  const content: Record<
    Exclude<DossierSection, "plan" | "network" | "privacy" | "reciprocity">,
    () => ReactNode
  > = {
    overview: () => <OverviewSection {...props} plan={plan.data?.plan ?? null} />,
    members: () => (
      <>
        <MembersSection dossier={data} done={done} reload={reloaded} />
        <MergeSection dossier={data} done={done} />
      </>
    ),
    intake: () => <IntakeSection {...props} />,
    zrm: () => <ZrmSection {...props} />,
    journal: () => <JournalSection {...props} />,
    documents: () => <DocumentsSection {...props} />,
    case: () => <CaseSection {...props} />,
    portal: () =>
      current ? <CasePortalPanel caseId={current.id} /> : <Paragraph>{t("dossier.noCase")}</Paragraph>,
  };
  const render = content[section as keyof typeof content];

  return (
    <>
      <DossierHeader
        dossier={data}
        current={current}
        access={access.data}
        section={section}
        sectionTitle={t(`workspace.section.${section}`)}
        actions={
          current && current.status !== "closed" ? (
            <HeaderActions
              dossier={data}
              instrument={instrument.data}
              current={current}
              done={done}
              reload={reloaded}
            />
          ) : null
        }
      />
      {data.mergedIntoId && (
        <Alert type="warning">
          <Paragraph>
            {t("dossier.mergedInto")}{" "}
            <AppLink href={`/dossiers/${data.mergedIntoId}`}>{t("dossier.openMerged")}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <SuccessMessage message={saved} />
      {render?.()}
    </>
  );
}
