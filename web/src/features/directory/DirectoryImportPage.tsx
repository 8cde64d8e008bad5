import {
  Button,
  FormField,
  FormLabel,
  Heading2,
  Link,
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
import { ApiError } from "../../api/client.ts";
import { AppLink } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { directoryPath } from "./DirectorySearchPage.tsx";
import type { ImportReport } from "./directory.ts";

async function upload(file: File, dryRun: boolean, csrf: string | null): Promise<ImportReport> {
  const response = await fetch(`/api/directory/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: {
      "content-type": "text/csv",
      accept: "application/json",
      ...(csrf ? { "x-csrf-token": csrf } : {}),
    },
    credentials: "same-origin",
    body: file,
  });
  const body = (await response.json()) as ImportReport & { error?: string; message?: string };
  if (!response.ok)
    throw new ApiError(response.status, body.error ?? "error", body.message ?? t("error.generic"));
  return body;
}

/** CSV import with a report per row, and the export of the same columns. */
export function DirectoryImportPage() {
  const { csrfToken } = useAuthenticatedSession();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const form = useSubmit(async () => {
    setReport(null);
    if (!file) throw new ApiError(400, "noFile", t("directory.import.chooseFile"));
    setReport(await upload(file, dryRun, csrfToken));
  });
  return (
    <>
      <PageTitle>{t("directory.import.title")}</PageTitle>
      <Paragraph>
        <AppLink href={directoryPath}>{t("directory.back")}</AppLink>
      </Paragraph>
      <Paragraph>{t("directory.import.intro")}</Paragraph>
      <Paragraph>
        <Link href="/api/directory/export" download>
          {t("directory.import.export")}
        </Link>
      </Paragraph>
      <form onSubmit={form.onSubmit} aria-labelledby="import-form" className="ww-form">
        <Heading2 id="import-form">{t("directory.import.upload")}</Heading2>
        <ErrorMessage message={form.error} />
        <FormField
          label={<FormLabel htmlFor="import-file">{t("directory.import.file")}</FormLabel>}
          input={
            <input
              id="import-file"
              name="import-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <Button
          type="submit"
          appearance="secondary-action-button"
          busy={form.busy}
          onClick={() => setDryRun(true)}
        >
          {t("directory.import.check")}
        </Button>{" "}
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={form.busy}
          onClick={() => setDryRun(false)}
        >
          {t("directory.import.submit")}
        </Button>
      </form>
      <SuccessMessage
        message={
          report &&
          t(report.dryRun ? "directory.import.checked" : "directory.import.done", {
            created: report.created,
            updated: report.updated,
            rejected: report.rejected,
          })
        }
      />
      {report && report.problems.length > 0 && (
        <Table>
          <TableCaption>{t("directory.import.problems")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("directory.import.row")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("directory.import.field")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("directory.import.reason")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.problems.map((p) => (
              <TableRow key={`${p.row}-${p.field}-${p.reason}`}>
                <TableCell>{p.row}</TableCell>
                <TableCell>{p.field}</TableCell>
                <TableCell>{p.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
