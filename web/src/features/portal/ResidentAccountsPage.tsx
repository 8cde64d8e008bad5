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
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { residentAccountsPath } from "../../app/paths.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { SubmitButton } from "./portal.ui.tsx";

export { residentAccountsPath };

interface Account {
  userId: string;
  username: string;
  displayName: string;
  oidcLinked: boolean;
  linkedAt: string;
}

/**
 * For administrators: residents' portal accounts and their link to the municipality's identity provider.
 * Accounts are made by the case lead in the case's portal view (the administrator sees no dossiers).
 */
export function ResidentAccountsPage() {
  const { data, error, reload } = useResource<Account[]>("/api/portal-desk/resident-accounts");
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
                    {a.oidcLinked ? t("portal.accounts.linked") : <LinkOidc account={a} onLinked={reload} />}
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

function LinkOidc({ account, onLinked }: { account: Account; onLinked(): Promise<void> }) {
  const [subject, setSubject] = useState("");
  const form = useSubmit(async () => {
    await api.post(`/api/portal-desk/resident-accounts/${account.userId}/oidc-subject`, {
      oidcSubject: subject,
    });
    await onLinked();
  });
  return (
    <form onSubmit={form.onSubmit}>
      <ErrorMessage message={form.error} />
      <TextField
        id={`oidc-${account.userId}`}
        label={t("portal.accounts.subjectFor", { username: account.username })}
        value={subject}
        onChange={setSubject}
        required
      />
      <SubmitButton busy={form.busy}>{t("portal.accounts.link")}</SubmitButton>
    </form>
  );
}
