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
import { type ReactNode, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { directoryPath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";

/** Shapes of GET /api/worklist/reminders and GET /api/emergency-access/on-my-cases. */
export interface Reminder {
  id: string;
  kind: "aftercareCheckIn" | "planReview" | "directoryReview" | "signalDeadline" | "signalDeadlineTripled";
  dueOn: string;
  caseId: string | null;
  planReviewId: string | null;
  directoryEntryId: string | null;
  signalId: string | null;
  createdAt: string;
}
export interface EmergencyOnMyCase {
  id: string;
  householdId: string;
  householdName: string;
  userName: string;
  reason: string;
  startsAt: string;
  expiresAt: string;
  endedAt: string | null;
  active: boolean;
}

const reminderLabel = (kind: Reminder["kind"]) => t(`worklist.reminder.${kind}` as MessageKey);

/** Where a reminder is about, when the reminder says: the signal, the social-map entry or the case's plan. */
function reminderHref(r: Reminder): string | null {
  if (r.signalId) return `/signalen/${encodeURIComponent(r.signalId)}`;
  if (r.directoryEntryId) return `${directoryPath}/${encodeURIComponent(r.directoryEntryId)}`;
  if (r.caseId) return `/casussen/${encodeURIComponent(r.caseId)}/plan`;
  return null;
}

/** Runs one row's action at a time; the confirmation and the error are the section's. */
function useRowAction() {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(id: string, action: () => Promise<void>, confirmation: string) {
    if (busyId) return;
    setBusyId(id);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(confirmation);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusyId(null);
    }
  }
  return { busyId, error, done, run };
}

function NoticeTable(props: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="ww-table-scroll">
      <Table>
        <TableCaption>{props.caption}</TableCaption>
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
          {props.rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((c, j) => (
                <TableCell key={props.headers[j] ?? j}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The reminders the jobs put on my worklist, each ticked off with "Klaar". */
export function RemindersSection() {
  const reminders = useResource<{ items: Reminder[] }>("/api/worklist/reminders");
  const action = useRowAction();
  const items = reminders.data?.items;
  const dismiss = (r: Reminder) =>
    action.run(
      r.id,
      async () => {
        await api.post(`/api/worklist/reminders/${encodeURIComponent(r.id)}/dismiss`);
        await reminders.reload();
      },
      t("worklist.reminders.dismissed"),
    );
  return (
    <section aria-labelledby="worklist-reminders">
      <Heading2 id="worklist-reminders">{t("worklist.reminders")}</Heading2>
      <SuccessMessage message={action.done} />
      <ErrorMessage message={reminders.error ?? action.error} />
      {!items ? (
        !reminders.error && <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t("worklist.reminders.empty")}</Paragraph>
      ) : (
        <NoticeTable
          caption={t("worklist.reminders")}
          headers={[t("worklist.reminders.kind"), t("worklist.due"), t("worklist.reminders.done")]}
          rows={items.map((r) => {
            const href = reminderHref(r);
            return {
              key: r.id,
              cells: [
                href ? (
                  <AppLink key="what" href={href}>
                    {reminderLabel(r.kind)}
                  </AppLink>
                ) : (
                  reminderLabel(r.kind)
                ),
                formatDate(r.dueOn),
                <Button
                  key="done"
                  type="button"
                  appearance="secondary-action-button"
                  busy={action.busyId === r.id}
                  aria-label={t("worklist.reminders.doneFor", {
                    what: reminderLabel(r.kind),
                    date: formatDate(r.dueOn),
                  })}
                  onClick={() => void dismiss(r)}
                >
                  {t("worklist.reminders.done")}
                </Button>,
              ],
            };
          })}
        />
      )}
    </section>
  );
}

/** Emergency ("break the glass") access by someone else to households I am case lead of, until I have seen it. */
export function EmergencyOnMyCasesSection() {
  const list = useResource<{ items: EmergencyOnMyCase[] }>("/api/emergency-access/on-my-cases");
  const action = useRowAction();
  const items = list.data?.items;
  const markSeen = (e: EmergencyOnMyCase) =>
    action.run(
      e.id,
      async () => {
        await api.post(`/api/emergency-access/${encodeURIComponent(e.id)}/seen`);
        await list.reload();
      },
      t("worklist.emergency.marked", { name: e.userName }),
    );
  return (
    <section aria-labelledby="worklist-emergency">
      <Heading2 id="worklist-emergency">{t("worklist.emergency")}</Heading2>
      <SuccessMessage message={action.done} />
      <ErrorMessage message={list.error ?? action.error} />
      {!items ? (
        !list.error && <Loading />
      ) : items.length === 0 ? (
        <Paragraph>{t("worklist.emergency.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("worklist.emergency.intro")}</Paragraph>
          <NoticeTable
            caption={t("worklist.emergency")}
            headers={[
              t("worklist.household"),
              t("worklist.emergency.who"),
              t("worklist.emergency.when"),
              t("worklist.emergency.reason"),
              t("worklist.emergency.status"),
              t("worklist.emergency.seen"),
            ]}
            rows={items.map((e) => ({
              key: e.id,
              cells: [
                <AppLink key="household" href={`/dossiers/${encodeURIComponent(e.householdId)}`}>
                  {e.householdName}
                </AppLink>,
                e.userName,
                <>
                  <time dateTime={e.startsAt}>{formatDateTime(e.startsAt)}</time>{" "}
                  {t("worklist.emergency.until", { time: formatDateTime(e.endedAt ?? e.expiresAt) })}
                </>,
                e.reason,
                e.active ? t("worklist.emergency.active") : t("worklist.emergency.ended"),
                <Button
                  key="seen"
                  type="button"
                  appearance="secondary-action-button"
                  busy={action.busyId === e.id}
                  aria-label={t("worklist.emergency.seenFor", {
                    name: e.userName,
                    household: e.householdName,
                  })}
                  onClick={() => void markSeen(e)}
                >
                  {t("worklist.emergency.seen")}
                </Button>,
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}
