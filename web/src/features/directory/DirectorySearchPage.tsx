import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { directoryPath } from "../../app/paths.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { type Area, type Entry, toQuery } from "./directory.ts";
import { EntryCard } from "./EntryCard.tsx";
import { emptyFilters, type Filters, SearchForm } from "./SearchForm.tsx";

export { directoryPath };

/** The social map for professionals: every entry, with kind, performance field and area filters. */
export function DirectorySearchPage() {
  const session = useAuthenticatedSession();
  const areas = useResource<{ items: Area[] }>("/api/directory/areas");
  const [result, setResult] = useState<{ total: number; items: Entry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canManage = hasAnyPermission(session, ["directory.manage"]);
  const canSuggest = hasAnyPermission(session, ["directory.suggest"]);

  const search = useCallback(async (filters: Filters) => {
    try {
      setResult(await api.get(`/api/directory/entries?${toQuery({ ...filters, limit: "50" })}`));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);
  useEffect(() => {
    void search(emptyFilters);
  }, [search]);

  return (
    <>
      <PageTitle>{t("directory.title")}</PageTitle>
      <Paragraph>{t("directory.intro")}</Paragraph>
      <UnorderedList className="ww-inline-links">
        <UnorderedListItem>
          <AppLink href={`${directoryPath}/voorstellen`}>
            {canManage ? t("directory.suggestions.titleAll") : t("directory.suggestions.titleOwn")}
          </AppLink>
        </UnorderedListItem>
        {canSuggest && !canManage && (
          <UnorderedListItem>
            <AppLink href={`${directoryPath}/voorstel-nieuw`}>{t("directory.link.suggestNew")}</AppLink>
          </UnorderedListItem>
        )}
        {hasAnyPermission(session, ["directory.viewUsage"]) && (
          <UnorderedListItem>
            <AppLink href={`${directoryPath}/meest-gebruikt`}>{t("directory.link.usage")}</AppLink>
          </UnorderedListItem>
        )}
        {canManage && (
          <>
            <UnorderedListItem>
              <AppLink href={`${directoryPath}/nieuw`}>{t("directory.link.newEntry")}</AppLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <AppLink href={`${directoryPath}/te-controleren`}>{t("directory.overdue.title")}</AppLink>
            </UnorderedListItem>
            <UnorderedListItem>
              <AppLink href={`${directoryPath}/importeren`}>{t("directory.import.title")}</AppLink>
            </UnorderedListItem>
          </>
        )}
        <UnorderedListItem>
          <AppLink href="/sociale-kaart">{t("directory.publicLink")}</AppLink>
        </UnorderedListItem>
      </UnorderedList>
      <SearchForm areas={areas.data?.items ?? []} audience="staff" onSearch={(f) => void search(f)} />
      <ErrorMessage message={error} />
      <div aria-live="polite">
        {result && <Heading2>{t("directory.results", { count: result.total })}</Heading2>}
      </div>
      {!result ? !error && <Loading /> : <EntryList items={result.items} />}
    </>
  );
}

export function EntryList({ items }: { items: Entry[] }) {
  if (items.length === 0) return <Paragraph>{t("directory.noResults")}</Paragraph>;
  return (
    <div className="ww-entries">
      {items.map((entry) => (
        <EntryCard
          key={entry.id}
          entry={entry}
          title={<AppLink href={`${directoryPath}/${entry.id}`}>{entry.name}</AppLink>}
          extra={
            (entry.reviewOverdue || !entry.isPublic || !entry.isActive) && (
              <Paragraph appearance="small">
                {[
                  entry.reviewOverdue && t("directory.flag.overdue", { date: formatDate(entry.reviewDate) }),
                  !entry.isPublic && t("directory.flag.internal"),
                  !entry.isActive && t("directory.flag.inactive"),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Paragraph>
            )
          }
        />
      ))}
    </div>
  );
}

/** Entries whose review date has passed, for the administrator to check. */
export function DirectoryOverduePage() {
  const list = useResource<{ total: number; items: Entry[] }>(
    "/api/directory/entries?reviewOverdue=true&limit=100",
  );
  return (
    <>
      <PageTitle>{t("directory.overdue.title")}</PageTitle>
      <Paragraph>
        <AppLink href={directoryPath}>{t("directory.back")}</AppLink>
      </Paragraph>
      <Paragraph>{t("directory.overdue.intro")}</Paragraph>
      <ErrorMessage message={list.error} />
      {!list.data ? !list.error && <Loading /> : <EntryList items={list.data.items} />}
    </>
  );
}
