import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { t } from "../../i18n/i18n.ts";
import type { ExportRequest } from "./portal.types.ts";
import { formatDate } from "./portal.ui.tsx";

/** One request for all one's data, in plain words: asked, ready (with the two downloads), or expired. */
export function ExportStatus({ request, base }: { request: ExportRequest; base: string }) {
  const asked = formatDate(request.requestedAt);
  if (request.status === "requested")
    return <Paragraph>{t("portal.access.export.done", { date: asked })}</Paragraph>;
  const until = formatDate(request.expiresAt);
  if (request.status === "expired")
    return <Paragraph>{t("portal.access.export.expired", { date: asked, until })}</Paragraph>;
  const file = `${base}/exports/${encodeURIComponent(request.id)}`;
  return (
    <div data-testid="export-ready">
      <Paragraph>{t("portal.access.export.ready", { date: formatDate(request.readyAt), until })}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <a href={`${file}?format=html`} target="_blank" rel="noreferrer">
            {t("portal.access.export.read")}
          </a>
        </UnorderedListItem>
        <UnorderedListItem>
          <a href={`${file}?format=json`} download>
            {t("portal.access.export.file")}
          </a>
        </UnorderedListItem>
      </UnorderedList>
    </div>
  );
}
