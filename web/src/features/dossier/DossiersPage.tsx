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
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { d, statusLabels, useLanguage } from "./messages.ts";
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
      <PageTitle>{d("title")}</PageTitle>
      <Paragraph>{d("intro")}</Paragraph>
      <Paragraph>
        <AppLink href="/dossiers/nieuw">{d("register")}</AppLink>
      </Paragraph>
      <form onSubmit={form.onSubmit} aria-labelledby="search-heading" className="ww-form">
        <Heading2 id="search-heading">{d("searchHeading")}</Heading2>
        <ErrorMessage message={form.error} />
        <TextField {...field("name")} label={d("name")} />
        <TextField {...field("birthDate")} type="date" label={d("birthDate")} />
        <TextField {...field("postcode")} label={d("postcode")} hint={d("postcodeHint")} />
        <TextField {...field("bsn")} label={d("bsn")} inputMode="numeric" />
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {d("search")}
        </Button>
      </form>
      {results && (
        <section aria-labelledby="results-heading">
          <Heading2 id="results-heading">{d("results")}</Heading2>
          {results.length === 0 ? (
            <Paragraph role="status">{d("noResults")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{d("results")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{d("name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d("birthDate")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d("address")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d("household")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{d("status")}</TableHeaderCell>
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
                    <TableCell>{r.caseStatus ? statusLabels[r.caseStatus] : "–"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
      <Heading2>{d("worklist")}</Heading2>
      <ErrorMessage message={worklist.error} />
      {worklist.data && worklist.data.items.length === 0 && <Paragraph>{d("noCases")}</Paragraph>}
      {worklist.data && worklist.data.items.length > 0 && (
        <Table>
          <TableCaption>{d("worklistCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{d("household")}</TableHeaderCell>
              <TableHeaderCell scope="col">{d("status")}</TableHeaderCell>
              <TableHeaderCell scope="col">{d("caseLead")}</TableHeaderCell>
              <TableHeaderCell scope="col">{d("team")}</TableHeaderCell>
              <TableHeaderCell scope="col">{d("aftercare")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {worklist.data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <AppLink href={`/dossiers/${c.householdId}`}>{c.householdName}</AppLink>
                  {c.acute && <strong className="ww-flag"> {d("acute")}</strong>}
                </TableCell>
                <TableCell>{statusLabels[c.status]}</TableCell>
                <TableCell>
                  {c.caseLeadName ?? "–"} {c.isMine && d("mine")}
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
