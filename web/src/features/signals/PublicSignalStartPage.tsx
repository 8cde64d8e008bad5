import { Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect } from "react";
import { useResource } from "../../api/useResource.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { publicSignalPath } from "./reportForm.ts";

/** Without a municipality in the address: choose one (or go straight there when there is only one). */
export function PublicSignalStartPage({ next = "" }: { next?: string }) {
  const list = useResource<{ items: { code: string; name: string }[] }>("/api/public/municipalities");
  const only = list.data?.items.length === 1 ? list.data.items[0] : undefined;
  useEffect(() => {
    if (only) navigate(`${publicSignalPath}/${only.code}${next}`, { replace: true });
  }, [only, next]);
  return (
    <div className="ww-public ww-narrow">
      <PageTitle>{next ? t("report.status.title") : t("report.title")}</PageTitle>
      <ErrorMessage message={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("report.noMunicipalities")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("report.chooseMunicipality")}</Paragraph>
          <UnorderedList>
            {list.data.items.map((m) => (
              <UnorderedListItem key={m.code}>
                <AppLink href={`${publicSignalPath}/${m.code}${next}`}>{m.name}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </div>
  );
}
