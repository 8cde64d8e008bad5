import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Drawer } from "../../ui/Dialog.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { DocumentList } from "../documents/DocumentList.tsx";
import type { DocumentItem, UploadSettings } from "../documents/types.ts";
import { UploadForm } from "../documents/UploadForm.tsx";
import type { SectionProps } from "./OverviewSection.tsx";
import "../documents/documents.css";

/** Documenten: the household's letters, decisions and reports; upload in place, preview, download. */
export function DocumentsSection({ dossier }: SectionProps) {
  const url = `/api/households/${encodeURIComponent(dossier.id)}/documents`;
  const list = useResource<{ items: DocumentItem[] }>(url);
  const settings = useResource<UploadSettings>("/api/document-settings");
  const kinds = useResource<{ items: { code: string; name: string }[] }>("/api/document-kinds");
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const canUpload = dossier.allowed.writeJournal;
  const done = async (text: string) => {
    setOpen(false);
    setMessage(text);
    await list.reload();
  };
  return (
    <section aria-labelledby="documents-heading">
      <Heading2 id="documents-heading">{t("documents.title")}</Heading2>
      <Paragraph>{t("documents.intro")}</Paragraph>
      <SuccessMessage message={message} />
      {canUpload && settings.data && (
        <div className="ww-toolbar">
          <Button type="button" appearance="primary-action-button" onClick={() => setOpen(true)}>
            {t("documents.upload.open")}
          </Button>
        </div>
      )}
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && <DocumentList items={list.data.items} onWithdrawn={done} />}
      <Drawer
        id="document-upload"
        open={open}
        title={t("documents.upload.title")}
        onClose={() => setOpen(false)}
      >
        {settings.data && kinds.data && (
          <UploadForm url={url} settings={settings.data} kinds={kinds.data.items} onDone={done} />
        )}
      </Drawer>
    </section>
  );
}
