import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { AddCaseForm, DecisionForm, LearningForm } from "./ConferenceForms.tsx";
import { conferencesPath } from "./ConferencesPage.tsx";
import { PlanActionLink } from "./PlanActionLink.tsx";
import { type AgendaItem, type Conference, formatDateTime, formatDay } from "./types.ts";

/** One conference: participants, the agenda (pseudonymised unless consent covers naming) and decisions. */
export function ConferencePage({ conferenceId }: { conferenceId: string }) {
  const path = `/api/conferences/${encodeURIComponent(conferenceId)}`;
  const conference = useResource<Conference>(path);
  const [saved, setSaved] = useState<string | null>(null);
  const c = conference.data;
  if (!c) {
    return (
      <>
        <PageTitle>{t("conf.title")}</PageTitle>
        <ErrorMessage message={conference.error} />
        {!conference.error && <Loading />}
        <Paragraph>
          <AppLink href={conferencesPath}>{t("conf.back")}</AppLink>
        </Paragraph>
      </>
    );
  }
  const done = (message: string) => async () => {
    await conference.reload();
    setSaved(message);
  };
  const can = (action: string) => c.actions.includes(action);
  return (
    <>
      <Paragraph>
        <AppLink href={conferencesPath}>{t("conf.back")}</AppLink>
      </Paragraph>
      <PageTitle>{c.title}</PageTitle>
      <Paragraph>
        {formatDateTime(c.scheduledAt)} – {c.teamName}
        {c.location ? ` – ${c.location}` : ""}
      </Paragraph>
      <SuccessMessage message={saved} />
      {can("exportMinutes") && (
        <nav aria-label={t("conf.minutes")}>
          <UnorderedList>
            <UnorderedListItem>
              <AppLink href={`${conferencesPath}/${encodeURIComponent(c.id)}/verslag`}>
                {t("conf.minutes")}
              </AppLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <a href={`${path}/minutes?format=html`}>{t("conf.minutesHtml")}</a>
            </UnorderedListItem>
          </UnorderedList>
        </nav>
      )}

      <Heading2>{t("conf.participants")}</Heading2>
      <Table>
        <TableCaption>{t("conf.participantsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("conf.participant")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("conf.organisation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("conf.kind")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.participants.map((p) => (
            <TableRow key={p.userId}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.organisationName ?? "–"}</TableCell>
              <TableCell>{tOptional(`conf.kind.${p.kind}`) ?? p.kind}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading2>{t("conf.agenda")}</Heading2>
      {c.agenda.length === 0 && <Paragraph>{t("conf.agendaEmpty")}</Paragraph>}
      {c.agenda.map((item) => (
        <AgendaSection
          key={item.id}
          item={item}
          conference={c}
          canDecide={can("recordDecision")}
          done={done(t("conf.decisionSaved"))}
        />
      ))}
      {can("addCase") && <AddCaseForm conference={c} done={done(t("conf.caseAdded"))} />}
      {can("addLearningNote") && <LearningForm conference={c} done={done(t("conf.learningSaved"))} />}
    </>
  );
}

function AgendaSection(props: {
  item: AgendaItem;
  conference: Conference;
  canDecide: boolean;
  done(): Promise<void>;
}) {
  const { item } = props;
  const heading = `${t("conf.case", { position: item.position })}: ${item.namedLabel ?? item.pseudonym}`;
  return (
    <section aria-label={heading} data-testid="agenda-item">
      <Heading3>{heading}</Heading3>
      <Paragraph>
        <strong>{item.presentation === "named" ? t("conf.named") : t("conf.pseudonymised")}</strong>
        {item.presentation === "named" && ` – ${item.pseudonym}`}
      </Paragraph>
      {item.question && (
        <Paragraph>
          {t("conf.question")}: {item.question}
        </Paragraph>
      )}
      {item.householdId && (
        <Paragraph>
          <AppLink href={`/dossiers/${encodeURIComponent(item.householdId)}`}>
            {t("conf.openDossier")}
          </AppLink>
        </Paragraph>
      )}
      {item.decisions.length === 0 ? (
        <Paragraph>{t("conf.noDecisions")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("conf.decisionsCaption", { position: item.position })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("conf.decisionKind")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.description")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.assignee")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.due")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.status")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.planColumn")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {item.decisions.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{t(`conf.decision.${d.kind}`)}</TableCell>
                <TableCell>{d.description}</TableCell>
                <TableCell>{d.assigneeName}</TableCell>
                <TableCell>{formatDay(d.dueDate)}</TableCell>
                <TableCell>{tOptional(`conf.decisionStatus.${d.status}`) ?? d.status}</TableCell>
                <TableCell>
                  <PlanActionLink planAction={d.planAction} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {props.canDecide && <DecisionForm conference={props.conference} item={item} done={props.done} />}
    </section>
  );
}
