import { Button, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { emergencyReviewsPath } from "../../app/paths.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { EmergencyTable } from "./EmergencyAccessPage.tsx";
import type { EmergencyAccess } from "./types.ts";

export { emergencyReviewsPath };

/** The team lead's review list of emergency accesses by team members. */
export function EmergencyReviewsPage() {
  const list = useResource<{ items: EmergencyAccess[] }>("/api/emergency-access/reviews");
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t("glass.reviewsTitle")}</PageTitle>
      <SuccessMessage message={saved} />
      <ErrorMessage message={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data?.items.length === 0 && <Paragraph>{t("glass.noReviews")}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <EmergencyTable
          caption={t("glass.caption")}
          items={list.data.items}
          action={(e) => (
            <ReviewForm
              item={e}
              done={async () => {
                await list.reload();
                setSaved(t("glass.reviewed"));
              }}
            />
          )}
        />
      )}
    </>
  );
}

function ReviewForm({ item, done }: { item: EmergencyAccess; done(): Promise<void> }) {
  const [note, setNote] = useState("");
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(`/api/emergency-access/${encodeURIComponent(item.id)}/review`, { note });
    await done();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorMessage message={error} />
      <TextField
        id={`review-${item.id}`}
        label={t("glass.reviewNote", { name: item.userName })}
        value={note}
        onChange={setNote}
        required
      />
      <Button type="submit" appearance="secondary-action-button" disabled={busy}>
        {t("glass.reviewSubmit")}
      </Button>
    </form>
  );
}
