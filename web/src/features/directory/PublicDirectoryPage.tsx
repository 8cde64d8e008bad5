import {
  Button,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { publicDirectoryPath } from "../../app/paths.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { type Area, type PublicEntry, toQuery } from "./directory.ts";
import { EntryCard } from "./EntryCard.tsx";
import { emptyFilters, type Filters, SearchForm } from "./SearchForm.tsx";

export { publicDirectoryPath };

/** Without a municipality in the address: choose one (or go straight there when there is only one). */
export function PublicDirectoryStartPage() {
  const list = useResource<{ items: { code: string; name: string }[] }>("/api/public/municipalities");
  const only = list.data?.items.length === 1 ? list.data.items[0] : undefined;
  useEffect(() => {
    if (only) navigate(`${publicDirectoryPath}/${only.code}`, { replace: true });
  }, [only]);
  return (
    <>
      <PageTitle>{t("publicDirectory.title")}</PageTitle>
      <ErrorMessage message={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("publicDirectory.none")}</Paragraph>
      ) : (
        <UnorderedList>
          {list.data.items.map((m) => (
            <UnorderedListItem key={m.code}>
              <AppLink href={`${publicDirectoryPath}/${m.code}`}>{m.name}</AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

interface PublicList {
  municipalityName: string;
  total: number;
  items: PublicEntry[];
}

/** The social map for residents: no login, plain Dutch, printable, only what the municipality made public. */
export function PublicDirectoryPage({ municipalityCode }: { municipalityCode: string }) {
  const areas = useResource<{ items: Area[] }>(`/api/public/${municipalityCode}/areas`);
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [result, setResult] = useState<PublicList | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = useCallback(
    async (next: Filters) => {
      setFilters(next);
      try {
        setResult(
          await api.get<PublicList>(
            `/api/public/${municipalityCode}/directory?${toQuery({ ...next, limit: "50" })}`,
          ),
        );
        setError(null);
      } catch (caught) {
        setError(errorMessage(caught));
      }
    },
    [municipalityCode],
  );
  useEffect(() => {
    void search(emptyFilters);
  }, [search]);

  return (
    <div className="ww-public">
      <PageTitle>{t("publicDirectory.title")}</PageTitle>
      <Paragraph lead>
        {t("publicDirectory.intro", { municipality: result?.municipalityName ?? "" })}
      </Paragraph>
      <div className="ww-no-print">
        <SearchForm areas={areas.data?.items ?? []} audience="public" onSearch={(f) => void search(f)} />
      </div>
      <ErrorMessage message={error} />
      <div aria-live="polite">
        {result && (
          <>
            <Heading2>{t("publicDirectory.results", { count: result.total })}</Heading2>
            {filters.q && <Paragraph>{t("publicDirectory.searchedFor", { q: filters.q })}</Paragraph>}
          </>
        )}
      </div>
      {!result ? (
        !error && <Loading />
      ) : result.items.length === 0 ? (
        <Paragraph>{t("publicDirectory.noResults")}</Paragraph>
      ) : (
        <>
          <Button appearance="secondary-action-button" className="ww-no-print" onClick={() => window.print()}>
            {t("publicDirectory.print")}
          </Button>
          <div className="ww-entries">
            {result.items.map((entry) => (
              <EntryCard key={entry.id} entry={entry} />
            ))}
          </div>
        </>
      )}
      <Paragraph appearance="small" className="ww-public__help">
        {t("publicDirectory.help")} <Link href="tel:14030">14 030</Link>
      </Paragraph>
    </div>
  );
}
