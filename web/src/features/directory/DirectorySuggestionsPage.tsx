import { Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { directoryPath } from "./DirectorySearchPage.tsx";
import type { Suggestion } from "./directory.ts";

/** Suggestions: the administrator approves or rejects; others follow their own. */
export function DirectorySuggestionsPage() {
  const session = useAuthenticatedSession();
  const canDecide = hasAnyPermission(session, ["directory.manage"]);
  const list = useResource<{ items: Suggestion[] }>("/api/directory/suggestions");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(suggestion: Suggestion, decision: "approve" | "reject") {
    try {
      await api.post(`/api/directory/suggestions/${suggestion.id}/${decision}`, {});
      setMessage(
        t(decision === "approve" ? "directory.suggestions.approved" : "directory.suggestions.rejected"),
      );
      setError(null);
      await list.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <PageTitle>
        {canDecide ? t("directory.suggestions.titleAll") : t("directory.suggestions.titleOwn")}
      </PageTitle>
      <Paragraph>
        <AppLink href={directoryPath}>{t("directory.back")}</AppLink>
      </Paragraph>
      <ErrorMessage message={list.error ?? error} />
      <SuccessMessage message={message} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("directory.suggestions.empty")}</Paragraph>
      ) : (
        list.data.items.map((s) => (
          <article key={s.id} className="ww-entry" aria-labelledby={`suggestion-${s.id}`}>
            <Heading2 id={`suggestion-${s.id}`}>
              {s.entryName ?? t("directory.suggestions.newEntry", { name: String(s.changes.name ?? "") })}
            </Heading2>
            <Paragraph appearance="small">
              {t("directory.suggestions.by", { name: s.suggestedByName, date: s.suggestedAt.slice(0, 10) })} ·{" "}
              {t(`directory.suggestions.status.${s.status}`)}
            </Paragraph>
            <Paragraph>{s.note}</Paragraph>
            <Paragraph appearance="small">
              {t("directory.suggestions.changes")}: {Object.keys(s.changes).join(", ")}
            </Paragraph>
            {typeof s.changes.description === "string" && <Paragraph>“{s.changes.description}”</Paragraph>}
            {canDecide && s.status === "open" && (
              <ButtonGroup>
                <Button appearance="primary-action-button" onClick={() => void decide(s, "approve")}>
                  {t("directory.suggestions.approve")}
                </Button>
                <Button appearance="secondary-action-button" onClick={() => void decide(s, "reject")}>
                  {t("directory.suggestions.reject")}
                </Button>
              </ButtonGroup>
            )}
          </article>
        ))
      )}
    </>
  );
}
