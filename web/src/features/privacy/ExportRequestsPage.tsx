import {
  Button,
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
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { exportRequestsPath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { time } from "./types.ts";

export { exportRequestsPath };

interface ExportRequest {
  id: string;
  householdId: string;
  residentName: string;
  householdName: string;
  requestedAt: string;
  status: "requested" | "ready" | "expired";
  deliveredAt: string | null;
  expiresAt: string | null;
  deliveredByName: string | null;
}

/**
 * Residents' requests for all their data (made in the portal), for the households the professional may
 * open: produce the export and put it ready in the resident's portal.
 */
export function ExportRequestsPage() {
  const list = useResource<{ items: ExportRequest[] }>("/api/export-requests");
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t("exports.title")}</PageTitle>
      <Paragraph>{t("exports.intro")}</Paragraph>
      <SuccessMessage message={saved} />
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data?.items.length === 0 && <Paragraph>{t("exports.none")}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("exports.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("exports.resident")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("exports.requestedAt")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("exports.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.residentName} (
                  <AppLink href={`/dossiers/${encodeURIComponent(r.householdId)}`}>{r.householdName}</AppLink>
                  )
                </TableCell>
                <TableCell>{time(r.requestedAt)}</TableCell>
                <TableCell>
                  {r.status === "requested" ? (
                    <DeliverButton
                      request={r}
                      done={async () => {
                        await list.reload();
                        setSaved(t("exports.delivered", { name: r.residentName }));
                      }}
                    />
                  ) : (
                    t(`exports.status.${r.status}`, {
                      delivered: time(r.deliveredAt ?? ""),
                      expires: time(r.expiresAt ?? ""),
                      by: r.deliveredByName ?? "",
                    })
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function DeliverButton({ request, done }: { request: ExportRequest; done(): Promise<void> }) {
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(`/api/export-requests/${encodeURIComponent(request.id)}/deliver`);
    await done();
  });
  return (
    <form onSubmit={onSubmit}>
      <ErrorMessage message={error} />
      <Button
        type="submit"
        appearance="primary-action-button"
        disabled={busy}
        aria-label={t("exports.deliverFor", { name: request.residentName })}
      >
        {t("exports.deliver")}
      </Button>
    </form>
  );
}
