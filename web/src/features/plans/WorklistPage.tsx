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
import type { ReactNode } from "react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ConferenceDecisions } from "../conferences/ConferenceDecisions.tsx";
import { label as caseLabel } from "../dossier/labels.ts";
import { label } from "./labels.ts";
import { EmergencyOnMyCasesSection, RemindersSection } from "./WorklistNotices.tsx";

const caseStatus = (status: string) => caseLabel("caseStatus", status);

import type { TeamWorklist, Worklist } from "./types.ts";

const planLink = (caseId: string, name: string) => (
  <AppLink href={`/casussen/${encodeURIComponent(caseId)}/plan`}>{name}</AppLink>
);

function Section(props: { title: string; headers: string[]; rows: ReactNode[][] }) {
  return (
    <section>
      <Heading2>{props.title}</Heading2>
      {props.rows.length === 0 ? (
        <Paragraph>{t("worklist.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{props.title}</TableCaption>
          <TableHeader>
            <TableRow>
              {props.headers.map((h) => (
                <TableHeaderCell key={h} scope="col">
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.rows.map((cells, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position here
              <TableRow key={i}>
                {cells.map((c, j) => (
                  <TableCell key={props.headers[j]}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

const overdue = (flag: boolean) => (flag ? <strong> ({t("worklist.overdue")})</strong> : null);

export function WorklistPage() {
  const session = useAuthenticatedSession();
  const work = useResource<Worklist>("/api/worklist");
  const w = work.data;
  const isLead = hasAnyPermission(session, ["worklist.viewTeam"]);
  return (
    <>
      <PageTitle>{t("worklist.title")}</PageTitle>
      {hasAnyPermission(session, ["household.write"]) && (
        <Paragraph>
          <AppLink
            href="/dossiers/nieuw"
            className="utrecht-button-link utrecht-button-link--secondary-action-button"
          >
            {t("dossier.register")}
          </AppLink>
        </Paragraph>
      )}
      <RemindersSection />
      {hasAnyPermission(session, ["case.read"]) && <EmergencyOnMyCasesSection />}
      <ErrorMessage message={work.error} />
      {!w ? (
        !work.error && <Loading />
      ) : (
        <>
          <Paragraph>{t("worklist.today", { date: formatDate(w.today) })}</Paragraph>
          <Section
            title={t("worklist.acute")}
            headers={[t("worklist.household"), t("worklist.domains")]}
            rows={w.acute.map((a) => [
              <>
                {planLink(a.caseId, a.householdName)}
                {a.acute && <strong> ({t("worklist.acuteCase")})</strong>}
              </>,
              a.domains.join(", "),
            ])}
          />
          <Section
            title={t("worklist.cases")}
            headers={[t("worklist.household"), t("worklist.status")]}
            rows={w.cases.map((c) => [
              <>
                {planLink(c.caseId, c.householdName)}
                {c.acute && <strong> ({t("worklist.acuteCase")})</strong>}
              </>,
              caseStatus(c.status),
            ])}
          />
          <Section
            title={t("worklist.actions")}
            headers={[t("worklist.what"), t("worklist.household"), t("worklist.due")]}
            rows={w.actions.map((a) => [
              a.description,
              planLink(a.caseId, a.householdName),
              <>
                {formatDate(a.dueDate)}
                {overdue(a.overdue)}
              </>,
            ])}
          />
          <Section
            title={t("worklist.reviews")}
            headers={[t("worklist.household"), t("worklist.due")]}
            rows={w.reviews.map((r) => [
              planLink(r.caseId, r.householdName),
              <>
                {formatDate(r.dueOn)}
                {overdue(r.overdue)}
              </>,
            ])}
          />
          <Section
            title={t("worklist.aftercare")}
            headers={[t("worklist.household"), t("worklist.due")]}
            rows={w.aftercare.map((a) => [
              a.householdName,
              <>
                {formatDate(a.aftercareDate)}
                {overdue(a.overdue)}
              </>,
            ])}
          />
          <Section
            title={t("worklist.signals")}
            headers={[t("worklist.what"), t("worklist.due")]}
            rows={w.signals.map((s) => [
              <AppLink key={s.signalId} href={`/signalen/${encodeURIComponent(s.signalId)}`}>
                {s.referenceCode}
              </AppLink>,
              s.deadlineAt.slice(0, 10),
            ])}
          />
          <ConferenceDecisions items={w.conferenceDecisions ?? []} reload={work.reload} />
        </>
      )}
      {isLead &&
        session.teams.map((team) => <TeamOverview key={team.id} teamId={team.id} name={team.name} />)}
    </>
  );
}

function TeamOverview({ teamId, name }: { teamId: string; name: string }) {
  const team = useResource<TeamWorklist>(`/api/worklist/teams/${encodeURIComponent(teamId)}`);
  if (!team.data) return <ErrorMessage message={team.error} />;
  return (
    <Section
      title={t("worklist.team", { team: name })}
      headers={[
        t("worklist.member"),
        t("worklist.caseload"),
        t("worklist.actionsOverdue"),
        t("worklist.reviewsDue"),
        t("worklist.signalCount"),
      ]}
      rows={team.data.members.map((m) => [
        m.name,
        m.counts.caseload,
        m.counts.actionsOverdue,
        m.counts.reviewsDue,
        m.counts.signals,
      ])}
    />
  );
}

export { label };
