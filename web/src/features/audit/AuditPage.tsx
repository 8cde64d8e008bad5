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
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import type { AuditEvent, AuditPage as AuditPageResponse } from "../../api/types.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { roleLabel } from "../users/UsersPage.tsx";
import { RefusalsSection } from "./RefusalsSection.tsx";

const pageSize = 50;

const formatTime = (iso: string) => formatDateTime(iso);

/** The audit trail, newest first, fifty at a time. */
export function AuditPage() {
  const session = useAuthenticatedSession();
  // Refused attempts are the administrator's (whole municipality), not a team lead's.
  const refusals = hasAnyPermission(session, ["audit.readMunicipality"]);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (before: string | null) => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (before) query.set("before", before);
      const page = await api.get<AuditPageResponse>(`/api/audit-events?${query}`);
      setEvents((old) => (before && old ? [...old, ...page.items] : page.items));
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <>
      <PageTitle>{t("audit.title")}</PageTitle>
      <Paragraph>{t("audit.intro")}</Paragraph>
      {refusals && (
        <>
          <RefusalsSection />
          <Heading2>{t("audit.allEvents")}</Heading2>
        </>
      )}
      <ErrorMessage message={error} />
      {!events ? (
        !error && <Loading />
      ) : events.length === 0 ? (
        <Paragraph>{t("audit.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("audit.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("audit.when")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("audit.who")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("audit.action")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("audit.resource")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("audit.reason")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("audit.ip")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell>
                  <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time>
                </TableCell>
                <TableCell>
                  {event.actorDisplayName ?? "–"}
                  {event.actorRole && <> ({roleLabel(event.actorRole)})</>}
                  {event.actorOrganisationName && (
                    <>
                      <br />
                      {event.actorOrganisationName}
                    </>
                  )}
                </TableCell>
                <TableCell>{tOptional(`action.${event.action}`) ?? t("audit.otherAction")}</TableCell>
                <TableCell>
                  {event.resourceType ? (tOptional(`resource.${event.resourceType}`) ?? "–") : "–"}
                  {event.householdId && (
                    <>
                      <br />
                      {t("audit.household")}:{" "}
                      {event.householdName ??
                        t("audit.householdHidden", { id: event.householdId.slice(0, 8) })}
                    </>
                  )}
                </TableCell>
                <TableCell>{event.reason ?? "–"}</TableCell>
                <TableCell>{event.clientIp ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div aria-live="polite">
        {events && nextBefore ? (
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void load(nextBefore)}>
            {t("audit.loadMore")}
          </Button>
        ) : (
          events && events.length > 0 && <Paragraph>{t("audit.noMore")}</Paragraph>
        )}
      </div>
    </>
  );
}
