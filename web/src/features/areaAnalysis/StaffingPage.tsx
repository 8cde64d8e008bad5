import {
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
import type { TeamSummary } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { type MessageKey, t, tOptional } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import type { TeamStaffing } from "./areaAnalysis.types.ts";
import { RosterEditor } from "./RosterEditor.tsx";
import { ScrollRegion } from "./ScrollRegion.tsx";

/** Life domains by their ZRM names where the catalogue has them; target groups as the team wrote them. */
export const domainLabel = (key: string) => tOptional(`staffing.domain.${key}`) ?? key;

export function StaffingPage() {
  const teams = useResource<{ items: TeamSummary[] }>("/api/teams");
  const [teamId, setTeamId] = useState("");
  const chosen = teamId || teams.data?.items[0]?.id || "";
  return (
    <>
      <PageTitle>{t("staffing.title")}</PageTitle>
      <ErrorMessage message={teams.error} />
      {teams.data && (
        <SelectField
          id="staffing-team"
          label={t("staffing.team")}
          value={chosen}
          options={teams.data.items.map((x) => ({ value: x.id, label: x.name }))}
          onChange={setTeamId}
        />
      )}
      {chosen && <TeamStaffingView key={chosen} teamId={chosen} />}
    </>
  );
}

function TeamStaffingView({ teamId }: { teamId: string }) {
  const staffing = useResource<TeamStaffing>(`/api/staffing/teams/${encodeURIComponent(teamId)}`);
  const data = staffing.data;
  if (!data) return staffing.error ? <ErrorMessage message={staffing.error} /> : <Loading />;
  const { coverage, norm } = data;
  const nameOf = (userId: string) => data.members?.find((m) => m.userId === userId)?.displayName ?? userId;
  return (
    <>
      <Heading2>{t("staffing.coverage")}</Heading2>
      <Paragraph>{t(`staffing.source.${coverage.source}` as MessageKey)}</Paragraph>
      <Paragraph>
        {coverage.gaps.length > 0
          ? t("staffing.gaps", { domains: coverage.gaps.map(domainLabel).join(", ") })
          : t("staffing.noGaps")}
      </Paragraph>
      <ScrollRegion label={t("staffing.coverageCaption", { team: data.team.name })}>
        <Table>
          <TableCaption>{t("staffing.coverageCaption", { team: data.team.name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("staffing.member")}</TableHeaderCell>
              {coverage.columns.map((c) => (
                <TableHeaderCell scope="col" key={c.key} className={c.gap ? "ww-gap" : undefined}>
                  {domainLabel(c.key)}
                  {c.gap && ` (${t("staffing.gap")})`}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {coverage.rows?.map((row) => (
              <TableRow key={row.userId}>
                <TableHeaderCell scope="row">
                  {row.displayName} <small>({row.organisationName})</small>
                </TableHeaderCell>
                {row.covers.map((covers, i) => (
                  <TableCell key={coverage.columns[i]?.key ?? i}>
                    {covers ? t("staffing.yes") : t("staffing.no")}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableHeaderCell scope="row">{t("staffing.need")}</TableHeaderCell>
              {coverage.columns.map((c) => (
                <TableCell key={c.key}>{c.needSuppressed ? t("area.suppressed") : (c.need ?? "–")}</TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t("staffing.coveredBy")}</TableHeaderCell>
              {coverage.columns.map((c) => (
                <TableCell key={c.key} className={c.gap ? "ww-gap" : undefined}>
                  {c.coveredBy}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </ScrollRegion>

      <Heading2>{t("staffing.hours")}</Heading2>
      <Table>
        <TableCaption>{t("staffing.hoursCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("staffing.organisation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("staffing.hoursPerWeek")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("staffing.people")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.organisations.map((o) => (
            <TableRow key={o.organisationId}>
              <TableHeaderCell scope="row">{o.organisationName}</TableHeaderCell>
              <TableCell>{o.hoursPerWeek}</TableCell>
              <TableCell>{o.members}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.members && (
        <Table>
          <TableCaption>{t("staffing.membersCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("staffing.member")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("staffing.organisation")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("staffing.hoursPerWeek")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.members.map((m) => (
              <TableRow key={m.userId}>
                <TableHeaderCell scope="row">{m.displayName}</TableHeaderCell>
                <TableCell>{m.organisationName}</TableCell>
                <TableCell>{m.hoursPerWeek}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Heading2>{t("staffing.roster")}</Heading2>
      <Paragraph>
        {t("staffing.norm", {
          people: norm.peoplePerHalfDay,
          hours: norm.hoursPerWeek,
          perHalfDay: norm.hoursPerHalfDay,
        })}{" "}
        {norm.isDefault && t("staffing.normDefault")}
      </Paragraph>
      <Paragraph>
        {t("staffing.summary", {
          short: data.staffing.halfDaysShort,
          rostered: data.staffing.rosteredHours,
          norm: norm.hoursPerWeek,
          contract: data.staffing.contractHours,
        })}
      </Paragraph>
      {data.staffing.overRostered.map((o) => (
        <Paragraph key={o.userId}>
          {t("staffing.overRostered", { name: nameOf(o.userId), rostered: o.rostered, contract: o.contract })}
        </Paragraph>
      ))}
      <Table>
        <TableCaption>{t("staffing.rosterCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("staffing.team")}</TableHeaderCell>
            {[1, 2, 3, 4, 5].map((d) => (
              <TableHeaderCell scope="col" key={d}>
                {t(`staffing.weekday.${d}` as MessageKey)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {(["morning", "afternoon"] as const).map((half) => (
            <TableRow key={half}>
              <TableHeaderCell scope="row">{t(`staffing.halfDay.${half}`)}</TableHeaderCell>
              {data.staffing.grid
                .filter((g) => g.halfDay === half)
                .map((g) => (
                  <TableCell key={g.weekday} className={g.shortBy > 0 ? "ww-gap" : undefined}>
                    {t("staffing.present", { present: g.present })}
                    {g.userIds && g.userIds.length > 0 && (
                      <small> ({g.userIds.map(nameOf).join(", ")})</small>
                    )}
                    {g.shortBy > 0 && (
                      <>
                        <br />
                        {t("staffing.short", { short: g.shortBy })}
                      </>
                    )}
                  </TableCell>
                ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.mayManage && data.members && <RosterEditor staffing={data} onSaved={staffing.reload} />}
    </>
  );
}
