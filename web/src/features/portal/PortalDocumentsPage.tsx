import { Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DocumentList } from "../documents/DocumentList.tsx";
import type { DocumentItem, UploadSettings } from "../documents/types.ts";
import { UploadForm } from "../documents/UploadForm.tsx";
import { PortalLayout } from "./PortalLayout.tsx";
import "../documents/documents.css";

/** The resident's documents: what the team shares (the agreed plan among them), and sending one. */
export function PortalDocumentsPage({ householdId }: { householdId: string }) {
  const url = `/api/portal/households/${encodeURIComponent(householdId)}/documents`;
  const list = useResource<{ items: DocumentItem[] }>(url);
  const settings = useResource<UploadSettings>("/api/document-settings");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("documents.portal.title")}</PageTitle>
      <Paragraph>{t("documents.portal.intro")}</Paragraph>
      <SuccessMessage message={message} />
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && <DocumentList items={list.data.items} portal />}
      <section aria-labelledby="portal-send-heading">
        <Heading2 id="portal-send-heading">{t("documents.portal.send")}</Heading2>
        <Paragraph>{t("documents.portal.sendHint")}</Paragraph>
        {settings.data && (
          <UploadForm
            url={url}
            settings={settings.data}
            portal
            onDone={async (text) => {
              setMessage(text);
              await list.reload();
            }}
          />
        )}
      </section>
    </PortalLayout>
  );
}
