import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { Drawer } from "../../ui/Dialog.tsx";
import { TextAreaField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { Preview } from "./Preview.tsx";
import { contentUrl, type DocumentItem } from "./types.ts";

/** The list of documents: title, kind, date, who, status ("wordt gecontroleerd"), and what may be done. */
export function DocumentList({
  items,
  portal,
  onWithdrawn,
}: {
  items: DocumentItem[];
  portal?: boolean;
  onWithdrawn?(message: string): void;
}) {
  const [previewing, setPreviewing] = useState<DocumentItem | null>(null);
  const [withdrawing, setWithdrawing] = useState<DocumentItem | null>(null);
  if (items.length === 0) return <Paragraph>{t("documents.none")}</Paragraph>;
  return (
    <>
      <div className="ww-table-scroll">
        <Table className="ww-documents">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("documents.column.title")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("documents.column.date")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("documents.column.by")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("documents.column.status")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("documents.column.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((d) => (
              <TableRow key={d.id} data-testid="document-row">
                <TableCell>
                  <strong>{d.title}</strong>
                  <br />
                  <span className="ww-hint">
                    {d.kindName}
                    {d.confidentiality !== "team" && !portal
                      ? ` · ${t(`documents.shared.${d.confidentiality}`)}`
                      : ""}
                    {" · "}
                    {d.fileName}
                  </span>
                </TableCell>
                <TableCell>{formatDate(d.documentDate ?? d.uploadedAt.slice(0, 10))}</TableCell>
                <TableCell>
                  {d.uploadedByMe ? t("documents.by.me") : (d.uploadedByName ?? t("documents.by.team"))}
                </TableCell>
                <TableCell data-testid="document-status">
                  {d.status === "scanning"
                    ? t("documents.status.scanning")
                    : d.scan === "notScanned"
                      ? t("documents.status.notScanned")
                      : d.scan === "generated"
                        ? t("documents.status.generated")
                        : t("documents.status.available")}
                </TableCell>
                <TableCell>
                  {d.status === "available" && (
                    <span className="ww-actions">
                      {d.preview && (
                        <Button
                          type="button"
                          appearance="secondary-action-button"
                          onClick={() => setPreviewing(d)}
                        >
                          {t("documents.open")}
                          <span className="ww-visually-hidden">: {d.title}</span>
                        </Button>
                      )}{" "}
                      <a className="utrecht-link" href={contentUrl(d.id)} download={d.fileName}>
                        {t("documents.download")}
                        <span className="ww-visually-hidden">: {d.title}</span>
                      </a>{" "}
                      {d.allowed.withdraw && !portal && (
                        <Button type="button" appearance="subtle-button" onClick={() => setWithdrawing(d)}>
                          {t("documents.withdraw")}
                          <span className="ww-visually-hidden">: {d.title}</span>
                        </Button>
                      )}
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Drawer
        id="document-preview"
        open={previewing !== null}
        title={previewing ? t("documents.preview.title", { title: previewing.title }) : ""}
        onClose={() => setPreviewing(null)}
      >
        {previewing && (
          <>
            <Preview document={previewing} />
            {previewing.sha256 && (
              <Paragraph className="ww-hint">{t("documents.sha", { sha: previewing.sha256 })}</Paragraph>
            )}
          </>
        )}
      </Drawer>
      <Drawer
        id="document-withdraw"
        open={withdrawing !== null}
        title={t("documents.withdraw.title")}
        onClose={() => setWithdrawing(null)}
      >
        {withdrawing && (
          <WithdrawForm
            document={withdrawing}
            done={(message) => {
              setWithdrawing(null);
              onWithdrawn?.(message);
            }}
          />
        )}
      </Drawer>
    </>
  );
}

function WithdrawForm({ document: d, done }: { document: DocumentItem; done(message: string): void }) {
  const [reason, setReason] = useState("");
  const form = useSubmit(async () => {
    await api.post(`/api/documents/${encodeURIComponent(d.id)}/withdraw`, { reason });
    done(t("documents.withdraw.done"));
  });
  return (
    <form onSubmit={form.onSubmit} className="ww-form">
      <Paragraph>{t("documents.withdraw.intro")}</Paragraph>
      <ErrorMessage message={form.error} />
      <TextAreaField
        id="withdraw-reason"
        label={t("documents.withdraw.reason")}
        value={reason}
        onChange={setReason}
        required
      />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {t("documents.withdraw.submit")}
      </Button>
    </form>
  );
}
