import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from "@utrecht/component-library-react";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { formatDate } from "./signalLabels.ts";

export interface Sent {
  referenceCode: string;
  receivedAt: string;
  municipalityName: string;
}

/** What a resident sees after sending: the reference code, how to use it, and a printable page. */
export function PublicConfirmation({
  sent,
  statusHref,
  onAnother,
}: {
  sent: Sent;
  statusHref: string;
  onAnother(): void;
}) {
  return (
    <div className="ww-public ww-narrow" aria-live="polite">
      <PageTitle>{t("report.sent.title")}</PageTitle>
      <Paragraph lead>{t("report.sent.thanks")}</Paragraph>
      <DataList className="ww-confirmation">
        <DataListItem>
          <DataListKey>{t("report.sent.code")}</DataListKey>
          <DataListValue>
            <strong className="ww-reference" data-testid="reference-code">
              {sent.referenceCode}
            </strong>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("report.sent.received")}</DataListKey>
          <DataListValue>{formatDate(sent.receivedAt)}</DataListValue>
        </DataListItem>
      </DataList>
      <Paragraph>{t("report.sent.keep")}</Paragraph>
      <Paragraph>{t("report.sent.noContent")}</Paragraph>
      <Paragraph>{sent.municipalityName}</Paragraph>
      <div className="ww-no-print ww-actions">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t("report.sent.print")}
        </Button>
        <Paragraph>
          <AppLink href={`${statusHref}?code=${encodeURIComponent(sent.referenceCode)}`}>
            {t("report.sent.status")}
          </AppLink>
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={onAnother}>
          {t("report.sent.another")}
        </Button>
      </div>
    </div>
  );
}
