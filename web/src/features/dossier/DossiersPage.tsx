import {
  Button,
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
import { AppLink } from "../../app/router.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { label, t } from "./labels.ts";
import { formatDate } from "./types.ts";

interface SearchResult {
  residentId: string;
  householdId: string;
  householdName: string;
  name: string;
  birthDate: string;
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
  caseStatus: string | null;
}
interface WorklistItem {
  id: string;
  householdId: string;
  householdName: string;
  status: string;
  acute: boolean;
  aftercareDate: string | null;
  teamName: string;
  caseLeadName: string | null;
  isMine: boolean;
}

/** Search residents (audited) and the team's worklist, acute cases first. */
export function DossiersPage() {
  useLanguage();
  const worklist = useResource<{ items: WorklistItem[] }>("/api/cases");
  const [query, setQuery] = useState({ name: "", birthDate: "", postcode: "", bsn: "" });
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const form = useSubmit(async () => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v.trim() !== ""));
    setResults((await api.get<{ items: SearchResult[] }>(`/api/households?${params}`)).items);
  });
  const field = (key: keyof typeof query) => ({
    id: `search-${key}`,
    value: query[key],
    onChange: (value: string) => setQuery({ ...query, [key]: value }),
  });

  return (
    <>
      <PageTitle>{t("dossier.title")}</PageTitle>
      <Paragraph>{t("dossier.intro")}</Paragraph>
      <Paragraph>
        <AppLink href="/dossiers/nieuw">{t("dossier.register")}</AppLink>
      </Paragraph>
      <form onSubmit={form.onSubmit} aria-labelledby="search-heading" className="ww-form">
        <Heading2 id="search-heading">{t("dossier.searchHeading")}</Heading2>
        <ErrorMessage message={form.error} />
        <TextField {...field("name")} label={t("dossier.name")} />
        <TextField {...field("birthDate")} type="date" label={t("dossier.birthDate")} />
        <TextField {...field("postcode")} label={t("dossier.postcode")} hint={t("dossier.postcodeHint")} />
        <TextField {...field("bsn")} label={t("dossier.bsn")} inputMode="numeric" />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("dossier.search")}
        </Button>
      </form>
      {results && (
        <section aria-labelledby="results-heading">
          <Heading2 id="results-heading">{t("dossier.results")}</Heading2>
          {results.length === 0 ? (
            <Paragraph role="status">{t("dossier.noResults")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("dossier.results")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("dossier.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.birthDate")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.address")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.household")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("dossier.status")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {results.map((r) => (
                  <TableRow key={r.residentId}>
                    <TableCell>
                      <AppLink href={`/dossiers/${r.householdId}`}>{r.name}</AppLink>
                    </TableCell>
                    <TableCell>{formatDate(r.birthDate)}</TableCell>
                    <TableCell>
                      {[r.postcode, r.houseNumber, r.houseNumberAddition].filter(Boolean).join(" ")}
                    </TableCell>
                    <TableCell>{r.householdName}</TableCell>
                    <TableCell>{r.caseStatus ? label("caseStatus", r.caseStatus) : "–"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
      <Heading2>{t("dossier.worklist")}</Heading2>
      <ErrorMessage message={worklist.error} />
      {worklist.data && worklist.data.items.length === 0 && <Paragraph>{t("dossier.noCases")}</Paragraph>}
      {worklist.data && worklist.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("dossier.worklistCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("dossier.household")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.status")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.caseLead")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.team")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("dossier.aftercare")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {worklist.data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <AppLink href={`/dossiers/${c.householdId}`}>{c.householdName}</AppLink>
                  {c.acute && <strong className="ww-flag"> {t("dossier.acute")}</strong>}
                </TableCell>
                <TableCell>{label("caseStatus", c.status)}</TableCell>
                <TableCell>
                  {c.caseLeadName ?? "–"} {c.isMine && t("dossier.mine")}
                </TableCell>
                <TableCell>{c.teamName}</TableCell>
                <TableCell>{c.aftercareDate ? formatDate(c.aftercareDate) : "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
