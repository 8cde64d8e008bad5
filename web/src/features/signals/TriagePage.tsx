import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { formatDate, label } from "./signalLabels.ts";

export interface QueueItem {
  id: string;
  referenceCode: string;
  subject: string;
  personName: string | null;
  address: string | null;
  street: string | null;
  neighbourhoodName: string | null;
  category: string;
  urgency: string;
  source: string;
  receivedAt: string;
  deadlineAt: string;
  overdue: boolean;
  triageState: string;
  teamName: string | null;
  groupSize: number;
  meldcode: boolean;
}

/** The team's triage queue: earliest deadline first, overdue marked, signals at one address grouped. */
export function TriagePage() {
  const queue = useResource<{ items: QueueItem[] }>("/api/signals/queue");
  return (
    <>
      <PageTitle>{t("triage.title")}</PageTitle>
      <ErrorMessage message={queue.error} />
      {!queue.data ? (
        !queue.error && <Loading />
      ) : queue.data.items.length === 0 ? (
        <Paragraph>{t("triage.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("triage.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("triage.deadline")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.about")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.category")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.urgency")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("triage.state")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("triage.team")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {queue.data.items.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  {formatDate(s.deadlineAt)}{" "}
                  <strong className={s.overdue ? "ww-overdue" : undefined}>
                    {s.overdue ? t("triage.overdue") : t("triage.onTime")}
                  </strong>
                </TableCell>
                <TableCell>
                  <AppLink href={`/signalen/${encodeURIComponent(s.id)}`}>
                    {s.personName ?? s.street ?? s.referenceCode}
                  </AppLink>
                  {[s.address, s.neighbourhoodName].filter(Boolean).length > 0 && (
                    <> — {[s.address, s.neighbourhoodName].filter(Boolean).join(", ")}</>
                  )}
                  {s.groupSize > 1 && <div>{t("triage.group", { count: s.groupSize })}</div>}
                </TableCell>
                <TableCell>{label("category", s.category)}</TableCell>
                <TableCell>{label("urgency", s.urgency)}</TableCell>
                <TableCell>{label("state", s.triageState)}</TableCell>
                <TableCell>{s.teamName ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
