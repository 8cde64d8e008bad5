import { Heading2, Paragraph } from "@utrecht/component-library-react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t, tOptional } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { dataKind, isView } from "./accessWords.ts";
import { ExportStatus } from "./PortalExportStatus.tsx";
import { PortalLayout } from "./PortalLayout.tsx";
import type { AccessEntry, AccessLog } from "./portal.types.ts";
import { formatDateTime, SubmitButton } from "./portal.ui.tsx";

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
        <ol className="ww-access-log" aria-label={t("portal.access.title")}>
          {data.entries.map((e) => (
            <li key={e.id} className="ww-access-log__item">
              <p className="ww-access-log__what">
                <strong>
                  {e.emergency
                    ? t("portal.access.emergencyWhat", { kind: dataKind(e.action) })
                    : isView(e.action)
                      ? t("portal.access.viewedWhat", { kind: dataKind(e.action) })
                      : t("portal.access.changedWhat", { kind: dataKind(e.action) })}
                </strong>
              </p>
              <p>
                {t("portal.access.by", { who: who(e) })}
                <br />
                {formatDateTime(e.occurredAt)}
              </p>
              {e.reason && <p>{t("portal.access.reason", { reason: e.reason })}</p>}
            </li>
          ))}
        </ol>
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
