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
import { residentAccountsPath } from "../../app/paths.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";

export { residentAccountsPath };

interface Account {
  userId: string;
  username: string;
  displayName: string;
  oidcLinked: boolean;
  linkedAt: string;
}

/**
 * For administrators: residents' portal accounts and whether they log in through the municipality's
 * identity provider. Accounts are made, linked and unlinked by whoever works in the household's dossier, in
 * the case's portal view: the administrator sees no dossiers, so cannot tell whose subject is whose.
 */
export function ResidentAccountsPage() {
  const { data, error } = useResource<Account[]>("/api/portal-desk/resident-accounts");
  return (
    <>
      <PageTitle>{t("portal.accounts.title")}</PageTitle>
      <Paragraph>{t("portal.accounts.intro")}</Paragraph>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && (
        <div className="ww-table-scroll">
          <Table>
            <TableCaption>{t("portal.accounts.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("portal.desk.username")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.accounts.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.accounts.oidc")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((a) => (
                <TableRow key={a.userId}>
                  <TableHeaderCell scope="row">{a.username}</TableHeaderCell>
                  <TableCell>{a.displayName}</TableCell>
                  <TableCell>
                    {a.oidcLinked ? t("portal.accounts.linked") : t("portal.accounts.notLinked")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
