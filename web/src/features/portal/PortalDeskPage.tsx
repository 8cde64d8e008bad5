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
import { portalDeskPath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { CaseLeadProfileForm } from "./CaseLeadProfileForm.tsx";
import { CasePortalPanel } from "./CasePortalPanel.tsx";
import type { InboxItem } from "./portal.types.ts";
import { formatDateTime } from "./portal.ui.tsx";

export { portalDeskPath };

/** For professionals: households that wrote through the portal, newest first. */
export function PortalDeskPage() {
  const { data, error } = useResource<InboxItem[]>("/api/portal-desk/inbox");
  return (
    <>
      <PageTitle>{t("portal.desk.title")}</PageTitle>
      <Paragraph>{t("portal.desk.intro")}</Paragraph>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && <Paragraph>{t("portal.desk.none")}</Paragraph>}
      {data && data.length > 0 && (
        <div className="ww-table-scroll">
          <Table>
            <TableCaption>{t("portal.desk.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("portal.desk.household")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.desk.last")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.desk.fromResident")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((item) => (
                <TableRow key={item.caseId}>
                  <TableCell>
                    <AppLink href={`${portalDeskPath}/${item.caseId}`}>{item.householdName}</AppLink>
                  </TableCell>
                  <TableCell>{formatDateTime(item.lastMessageAt)}</TableCell>
                  <TableCell>{item.fromResident}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <CaseLeadProfileForm />
    </>
  );
}

export function CasePortalPage({ caseId }: { caseId: string }) {
  return (
    <>
      <PageTitle>{t("portal.desk.caseTitle")}</PageTitle>
      <CasePortalPanel caseId={caseId} />
    </>
  );
}
