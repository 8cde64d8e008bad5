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
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { directoryUsagePath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { directoryPath } from "./DirectorySearchPage.tsx";
import { label } from "./directory.ts";

export { directoryUsagePath };

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface UsageReport {
  from: string;
  until: string;
  scope: "ownTeams" | "municipality";
  smallCellThreshold: number;
  teams: {
    teamId: string;
    teamName: string;
    entries: {
      entryId: string;
      name: string;
      kind: string;
      isActive: boolean;
      actions: Count;
      plans: Count;
    }[];
  }[];
}

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
function lastThreeMonths() {
  const until = new Date();
  const from = new Date(until);
  from.setMonth(from.getMonth() - 3);
  return { from: isoDay(from), until: isoDay(until), teamId: "" };
}

const shown = (count: Count, threshold: number) =>
  count.suppressed ? t("directory.usage.below", { n: threshold }) : String(count.value);

/**
 * Which provisions of the social map the team's plans use most, per team, over a period: team leads and
 * professionals for their own teams, policy officers for every team (small counts as "< 5").
 */
export function DirectoryUsagePage() {
  const session = useAuthenticatedSession();
  const allTeams = useResource<{ items: { id: string; name: string }[] }>("/api/teams");
  const [filters, setFilters] = useState(lastThreeMonths);
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (f: { from: string; until: string; teamId: string }) => {
    const params = new URLSearchParams({ from: f.from, until: f.until });
    if (f.teamId) params.set("teamId", f.teamId);
    try {
      setReport(await api.get<UsageReport>(`/api/directory/usage?${params}`));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);
  useEffect(() => {
    void load(lastThreeMonths());
  }, [load]);
  const teams = session.user.role === "policyOfficer" ? (allTeams.data?.items ?? []) : session.teams;
  const set = (key: "from" | "until" | "teamId") => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void load(filters);
  };

  return (
    <>
      <PageTitle>{t("directory.usage.title")}</PageTitle>
      <Paragraph>
        <AppLink href={directoryPath}>{t("directory.back")}</AppLink>
      </Paragraph>
      <Paragraph>{t("directory.usage.intro")}</Paragraph>
      {session.user.role === "policyOfficer" && <Paragraph>{t("directory.usage.suppressed")}</Paragraph>}
      <form onSubmit={submit} aria-label={t("directory.usage.filter")} className="ww-search">
        <div className="ww-search__filters">
          <TextField
            id="usage-from"
            label={t("directory.usage.from")}
            type="date"
            value={filters.from}
            onChange={set("from")}
          />
          <TextField
            id="usage-until"
            label={t("directory.usage.until")}
            type="date"
            value={filters.until}
            onChange={set("until")}
          />
          <SelectField
            id="usage-team"
            label={t("directory.usage.team")}
            value={filters.teamId}
            onChange={set("teamId")}
            placeholder={t("directory.usage.allTeams")}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </div>
        <Button type="submit" appearance="primary-action-button">
          {t("directory.usage.show")}
        </Button>
      </form>
      <ErrorMessage message={error} />
      <div aria-live="polite">
        {report && (
          <Paragraph>{t("directory.usage.period", { from: report.from, until: report.until })}</Paragraph>
        )}
      </div>
      {!report ? (
        !error && <Loading />
      ) : report.teams.length === 0 ? (
        <Paragraph>{t("directory.usage.empty")}</Paragraph>
      ) : (
        report.teams.map((team) => (
          <section key={team.teamId} aria-labelledby={`usage-${team.teamId}`}>
            <Heading2 id={`usage-${team.teamId}`}>{team.teamName}</Heading2>
            <Table>
              <TableCaption>
                {t("directory.usage.caption", {
                  team: team.teamName,
                  from: report.from,
                  until: report.until,
                })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("directory.usage.entry")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("directory.search.kind")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("directory.usage.actions")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("directory.usage.plans")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {team.entries.map((e) => (
                  <TableRow key={e.entryId}>
                    <TableHeaderCell scope="row">
                      <AppLink href={`${directoryPath}/${e.entryId}`}>{e.name}</AppLink>
                      {!e.isActive && ` (${t("directory.flag.inactive")})`}
                    </TableHeaderCell>
                    <TableCell>{label("kind", e.kind)}</TableCell>
                    <TableCell>{shown(e.actions, report.smallCellThreshold)}</TableCell>
                    <TableCell>{shown(e.plans, report.smallCellThreshold)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ))
      )}
    </>
  );
}
