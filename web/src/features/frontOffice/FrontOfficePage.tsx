import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { formatDate } from "../../i18n/format.ts";
import { t, useLanguage } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { label } from "../dossier/labels.ts";

export interface FrontOfficeRequest {
  caseId: string;
  householdId: string;
  status: string;
  caseVersion: number;
  conversationDate: string | null;
  requestInOwnWords: string | null;
  urgency: string | null;
  name: string | null;
  address: string | null;
  routedTo: string | null;
}

export const frontOfficeRequestPath = (householdId: string) =>
  `/aanvragen/${encodeURIComponent(householdId)}`;

/**
 * The front office's own list: its team's requests as a summary (name, address, the request in the
 * resident's words, urgency) and where each went. Nothing more of the dossier.
 */
export function FrontOfficePage() {
  useLanguage();
  const list = useResource<{ items: FrontOfficeRequest[] }>("/api/front-office/requests");
  return (
    <>
      <PageTitle>{t("frontOffice.title")}</PageTitle>
      <Paragraph>{t("frontOffice.intro")}</Paragraph>
      <Paragraph>
        <AppLink
          href="/dossiers/nieuw"
          className="utrecht-button-link utrecht-button-link--primary-action-button"
        >
          {t("frontOffice.register")}
        </AppLink>
      </Paragraph>
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t("frontOffice.empty")}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("frontOffice.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("frontOffice.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("frontOffice.request")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.urgency")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.status")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("frontOffice.routedTo")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((item) => (
              <TableRow key={item.caseId}>
                <TableHeaderCell scope="row">
                  <AppLink href={frontOfficeRequestPath(item.householdId)}>{item.name ?? "–"}</AppLink>
                  <br />
                  <span className="ww-hint">{item.address}</span>
                </TableHeaderCell>
                <TableCell>
                  {item.requestInOwnWords ? `“${item.requestInOwnWords}”` : t("frontOffice.noIntake")}
                  {item.conversationDate && (
                    <>
                      <br />
                      <span className="ww-hint">{formatDate(item.conversationDate)}</span>
                    </>
                  )}
                </TableCell>
                <TableCell>{item.urgency ? label("urgencyName", item.urgency) : "–"}</TableCell>
                <TableCell>{label("caseStatus", item.status)}</TableCell>
                <TableCell>{item.routedTo ?? t("frontOffice.notRouted")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
