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
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { getLanguage, t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";

export const operationsPath = "/beheer/werking";

interface Run {
  job: string;
  instance: string;
  attempt: number;
  state: string;
  startedAt: string;
  error: string | null;
}
interface JobsOverview {
  running: boolean;
  jobs: {
    name: string;
    schedule: string;
    lastState: string | null;
    lastStartedAt: string | null;
    nextRunAt: string | null;
    queued: number;
  }[];
  failures: Run[];
}
interface OutboxOverview {
  smtpConfigured: boolean;
  backlog: { pending: number; sending: number; dead: number };
  oldestPendingAt: string | null;
  messages: {
    id: string;
    kind: string;
    state: string;
    attempts: number;
    createdAt: string;
    lastError: string | null;
  }[];
}

function formatTime(iso: string | null): string {
  if (!iso) return t("operations.jobs.never");
  const locale = getLanguage() === "nl" ? "nl-NL" : "en-GB";
  return new Date(iso).toLocaleString(locale, { dateStyle: "short", timeStyle: "medium" });
}

const label = (prefix: string, value: string) => tOptional(`${prefix}.${value}`) ?? value;

/** The administrator's view of e-mail delivery and the background jobs (issue 17). */
export function OperationsPage() {
  const jobs = useResource<JobsOverview>("/api/operations/jobs");
  const outbox = useResource<OutboxOverview>("/api/operations/outbox");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const retry = async (id: string) => {
    try {
      await api.post(`/api/operations/outbox/${id}/retry`);
      setNotice(t("operations.mail.retried"));
      setError(null);
      await outbox.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <>
      <PageTitle>{t("operations.title")}</PageTitle>
      <Paragraph>{t("operations.intro")}</Paragraph>
      <ErrorMessage message={error ?? outbox.error ?? jobs.error} />
      <SuccessMessage message={notice} />

      <Heading2>{t("operations.mail")}</Heading2>
      {!outbox.data ? (
        !outbox.error && <Loading />
      ) : (
        <>
          {!outbox.data.smtpConfigured && <Paragraph>{t("operations.mail.noSmtp")}</Paragraph>}
          <Paragraph>{t("operations.mail.backlog", outbox.data.backlog)}</Paragraph>
          {outbox.data.oldestPendingAt && (
            <Paragraph>
              {t("operations.mail.oldest", { time: formatTime(outbox.data.oldestPendingAt) })}
            </Paragraph>
          )}
          {outbox.data.messages.length === 0 ? (
            <Paragraph>{t("operations.mail.empty")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("operations.mail.caption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("operations.mail.kind")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.mail.state")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.mail.attempts")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.mail.created")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.mail.error")}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    <span className="utrecht-visually-hidden">{t("operations.mail.retry")}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outbox.data.messages.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{label("operations.kind", m.kind)}</TableCell>
                    <TableCell>{label("operations.state", m.state)}</TableCell>
                    <TableCell>{m.attempts}</TableCell>
                    <TableCell>{formatTime(m.createdAt)}</TableCell>
                    <TableCell>{m.lastError ?? ""}</TableCell>
                    <TableCell>
                      {m.state === "dead" && (
                        <Button appearance="secondary-action-button" onClick={() => void retry(m.id)}>
                          {t("operations.mail.retry")}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}

      <Heading2>{t("operations.jobs")}</Heading2>
      {!jobs.data ? (
        !jobs.error && <Loading />
      ) : (
        <>
          {!jobs.data.running && <Paragraph>{t("operations.jobs.off")}</Paragraph>}
          <Table>
            <TableCaption>{t("operations.jobs.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("operations.jobs.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("operations.jobs.schedule")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("operations.jobs.last")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("operations.jobs.next")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("operations.jobs.queued")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {jobs.data.jobs.map((job) => (
                <TableRow key={job.name}>
                  <TableCell>{label("operations.job", job.name)}</TableCell>
                  <TableCell>
                    <code>{job.schedule}</code>
                  </TableCell>
                  <TableCell>
                    {formatTime(job.lastStartedAt)}
                    {job.lastState ? ` (${label("operations.runState", job.lastState)})` : ""}
                  </TableCell>
                  <TableCell>{formatTime(job.nextRunAt)}</TableCell>
                  <TableCell>{job.queued}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Heading2>{t("operations.failures")}</Heading2>
          {jobs.data.failures.length === 0 ? (
            <Paragraph>{t("operations.failures.none")}</Paragraph>
          ) : (
            <Table>
              <TableCaption>{t("operations.failures.caption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("operations.jobs.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.run.when")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.run.instance")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.run.attempt")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("operations.run.error")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {jobs.data.failures.map((run) => (
                  <TableRow key={`${run.job}-${run.startedAt}-${run.attempt}`}>
                    <TableCell>{label("operations.job", run.job)}</TableCell>
                    <TableCell>{formatTime(run.startedAt)}</TableCell>
                    <TableCell>{run.instance}</TableCell>
                    <TableCell>{run.attempt}</TableCell>
                    <TableCell>{run.error ?? ""}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
