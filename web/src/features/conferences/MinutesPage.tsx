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
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { conferencesPath } from "./ConferencesPage.tsx";
import { formatDateTime, formatDay, type Minutes } from "./types.ts";

/** Printable minutes: cases by pseudonym only, decisions, lessons learned; no identifying data. */
export function MinutesPage({ conferenceId }: { conferenceId: string }) {
  const minutes = useResource<Minutes>(`/api/conferences/${encodeURIComponent(conferenceId)}/minutes`);
  const m = minutes.data;
  return (
    <>
      <Paragraph className="ww-no-print">
        <AppLink href={`${conferencesPath}/${encodeURIComponent(conferenceId)}`}>{t("conf.back")}</AppLink>
      </Paragraph>
      <PageTitle>{m ? t("conf.minutesTitle", { title: m.title }) : t("conf.minutes")}</PageTitle>
      <ErrorMessage message={minutes.error} />
      {!m && !minutes.error && <Loading />}
      {m && (
        <div data-testid="minutes">
          <Paragraph>
            {formatDateTime(m.scheduledAt)} – {m.teamName}
          </Paragraph>
          <Paragraph>
            <em>{t("conf.minutesNote")}</em>
          </Paragraph>
          <Paragraph className="ww-no-print">
            <Button type="button" appearance="secondary-action-button" onClick={() => window.print()}>
              {t("conf.print")}
            </Button>
          </Paragraph>
          <Heading2>{t("conf.participants")}</Heading2>
          <UnorderedList>
            {m.participants.map((p) => (
              <UnorderedListItem key={`${p.name}-${p.organisationName ?? ""}`}>
                {p.name}
                {p.organisationName ? ` (${p.organisationName})` : ""} –{" "}
                {tOptional(`conf.kind.${p.kind}`) ?? p.kind}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <Heading2>{t("conf.agenda")}</Heading2>
          {m.items.map((item) => (
            <section key={item.position} aria-label={t("conf.case", { position: item.position })}>
              <Paragraph>
                <strong>{t("conf.case", { position: item.position })}:</strong> {item.case}
              </Paragraph>
              {item.question && (
                <Paragraph>
                  {t("conf.question")}: {item.question}
                </Paragraph>
              )}
              {item.decisions.length > 0 && (
                <Table>
                  <TableCaption>
                    {t("conf.minutesDecisionsCaption", { position: item.position })}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t("conf.decisionKind")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("conf.description")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("conf.assignee")}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t("conf.due")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {item.decisions.map((d) => (
                      <TableRow key={`${d.kind}-${d.description}`}>
                        <TableCell>{tOptional(`conf.decision.${d.kind}`) ?? d.kind}</TableCell>
                        <TableCell>{d.description}</TableCell>
                        <TableCell>{d.assignee}</TableCell>
                        <TableCell>{formatDay(d.dueDate)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </section>
          ))}
          {m.learningNotes.length > 0 && (
            <>
              <Heading2>{t("conf.minutesLearning")}</Heading2>
              <UnorderedList>
                {m.learningNotes.map((n) => (
                  <UnorderedListItem key={n}>{n}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
        </div>
      )}
    </>
  );
}
