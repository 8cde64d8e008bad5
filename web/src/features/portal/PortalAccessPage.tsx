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
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { ExportStatus } from "./PortalExportStatus.tsx";
import { PortalLayout } from "./PortalLayout.tsx";
import type { AccessEntry, AccessLog } from "./portal.types.ts";
import { formatDateTime, SubmitButton } from "./portal.ui.tsx";

const READS = /\.(viewed|listed|searched|exported|printed|matchesViewed|namesShared)$/;

function who(e: AccessEntry): string {
  const role = (e.actorRole && tOptional(`role.${e.actorRole}`)) ?? "";
  const organisation =
    e.organisationName ?? (e.actorRole === "resident" ? "" : t("portal.access.unknownOrganisation"));
  return [e.actorName, role, organisation].filter(Boolean).join(", ");
}

/** Who looked at my data: organisation, role (names only if the municipality shows them), when, why in an emergency. */
export function PortalAccessPage({ householdId }: { householdId: string }) {
  const base = `/api/portal/households/${householdId}`;
  const { data, error, reload } = useResource<AccessLog>(`${base}/access-log`);
  const exportForm = useSubmit(async () => {
    await api.post(`${base}/export-request`);
    await reload();
  });
  const open = data?.exportRequests.find((r) => r.status !== "expired");
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("portal.access.title")}</PageTitle>
      <Paragraph>{t("portal.access.intro")}</Paragraph>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && data.entries.length === 0 && <Paragraph>{t("portal.access.none")}</Paragraph>}
      {data && data.entries.length > 0 && (
        <div className="ww-table-scroll">
          <Table>
            <TableCaption>{t("portal.access.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("portal.access.when")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.access.who")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("portal.access.what")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{formatDateTime(e.occurredAt)}</TableCell>
                  <TableCell>{who(e)}</TableCell>
                  <TableCell>
                    {e.emergency ? (
                      <strong>{t("portal.access.emergency")}</strong>
                    ) : READS.test(e.action) ? (
                      t("portal.access.viewed")
                    ) : (
                      t("portal.access.changed")
                    )}
                    {e.reason && (
                      <>
                        <br />
                        {t("portal.access.reason", { reason: e.reason })}
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <section aria-labelledby="export-heading" className="ww-card">
        <Heading2 id="export-heading">{t("portal.access.export.title")}</Heading2>
        <Paragraph>{t("portal.access.export.text")}</Paragraph>
        {data?.exportRequests.map((r) => (
          <ExportStatus key={r.id} request={r} base={base} />
        ))}
        {data && !open && (
          <form onSubmit={exportForm.onSubmit}>
            <ErrorMessage message={exportForm.error} />
            <SubmitButton busy={exportForm.busy}>{t("portal.access.export.button")}</SubmitButton>
          </form>
        )}
      </section>
    </PortalLayout>
  );
}
