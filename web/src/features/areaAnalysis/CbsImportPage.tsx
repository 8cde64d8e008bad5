import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading2,
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
import { formatDateTime } from "../../i18n/format.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import type { ImportList, ImportReport, ImportResult } from "./areaAnalysis.types.ts";

/** Upload of a CBS file by an administrator: a progress bar while it runs, then the validation report. */
export function CbsImportPage() {
  const history = useResource<ImportList>("/api/area-analysis/imports");
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState("");
  const [sourceTable, setSourceTable] = useState("");
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, onSubmit, setError } = useSubmit(async () => {
    setResult(null);
    if (!file) return setError(t("import.file"));
    const content = await file.text();
    const outcome = await api.post<ImportResult>("/api/area-analysis/imports", {
      content,
      fileName: file.name,
      ...(year ? { year: Number(year) } : {}),
      ...(sourceTable ? { sourceTable } : {}),
      dryRun,
    });
    setResult(outcome);
    await history.reload();
  });
  return (
    <>
      <PageTitle>{t("import.title")}</PageTitle>
      <Paragraph>{t("import.intro")}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <FormField
          label={<FormLabel htmlFor="cbs-file">{t("import.file")}</FormLabel>}
          input={
            <input
              id="cbs-file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <TextField
          id="cbs-year"
          label={t("import.year")}
          value={year}
          inputMode="numeric"
          onChange={setYear}
        />
        <TextField
          id="cbs-table"
          label={t("import.sourceTable")}
          value={sourceTable}
          onChange={setSourceTable}
        />
        <FormField
          type="checkbox"
          label={<FormLabel htmlFor="cbs-dry-run">{t("import.dryRun")}</FormLabel>}
          input={<Checkbox id="cbs-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />}
        />
        <ErrorMessage message={error} />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("import.submit")}
        </Button>
      </form>
      <div aria-live="polite">
        {busy && (
          <Paragraph>
            <label htmlFor="cbs-progress">{t("import.busy")}</label> <progress id="cbs-progress" />
          </Paragraph>
        )}
        {result && (
          <>
            <SuccessMessage
              message={
                result.stored
                  ? t("import.stored", { table: result.report.sourceTable, year: result.report.year })
                  : t("import.checked")
              }
            />
            <Paragraph>
              <label htmlFor="cbs-done">
                {t("import.progress", { done: result.report.rowsRead, total: result.report.rowsRead })}
              </label>{" "}
              <progress id="cbs-done" value={result.report.rowsRead} max={result.report.rowsRead} />
            </Paragraph>
            <Report report={result.report} />
          </>
        )}
      </div>
      <Heading2>{t("import.history")}</Heading2>
      {history.data && (
        <Table>
          <TableCaption>{t("import.historyCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("import.when")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("import.table")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("area.year")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("import.fileName")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("import.rows")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.data.items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{formatDateTime(i.importedAt)}</TableCell>
                <TableCell>{i.sourceTable}</TableCell>
                <TableCell>{i.year}</TableCell>
                <TableCell>{i.fileName ?? "–"}</TableCell>
                <TableCell>{i.rowsImported}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function Report({ report }: { report: ImportReport }) {
  const codes = (list: { row: number; code: string }[]) =>
    list.length === 0
      ? t("import.none")
      : list.map((f) => `${f.code} (${t("import.row", { row: f.row })})`).join(", ");
  const rows: [MessageKey, string | number][] = [
    ["import.rowsImported", report.rowsImported],
    ["import.rowsOther", report.rowsOtherMunicipality],
    ["import.valuesStored", report.valuesStored],
    ["import.missingValues", report.missingValues],
    ["import.unknownColumns", report.unknownColumns.join(", ") || t("import.none")],
    ["import.unknownCodes", codes(report.unknownCodes)],
    ["import.unlistedCodes", codes(report.unlistedCodes)],
    ["import.invalidCodes", codes(report.invalidCodes)],
    ["import.duplicateCodes", codes(report.duplicateCodes)],
    [
      "import.notANumber",
      report.notANumber.length === 0
        ? t("import.none")
        : report.notANumber
            .map((n) => `${n.column} = "${n.value}" (${t("import.row", { row: n.row })})`)
            .join(", "),
    ],
  ];
  return (
    <Table>
      <TableCaption>{t("import.report")}</TableCaption>
      <TableBody>
        {rows.map(([key, value]) => (
          <TableRow key={key}>
            <TableHeaderCell scope="row">{t(key)}</TableHeaderCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
