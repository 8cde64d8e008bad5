import { Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PortalLayout } from "./PortalLayout.tsx";
import type { MessageItem, MessageList } from "./portal.types.ts";
import { formatDateTime, SubmitButton, TextArea } from "./portal.ui.tsx";

/** A message thread: every text is rendered as text (React escapes it), line breaks kept by CSS. */
export function MessageThread({ messages, staff }: { messages: MessageItem[]; staff: boolean }) {
  if (messages.length === 0) return <Paragraph>{t("portal.messages.none")}</Paragraph>;
  return (
    <ol className="ww-thread">
      {messages.map((m) => {
        const who = staff
          ? (m.authorName ?? t("portal.messages.team"))
          : m.mine
            ? t("portal.messages.you")
            : t("portal.messages.team");
        return (
          <li key={m.id} className={`ww-thread__item ww-thread__item--${m.mine ? "mine" : "other"}`}>
            <p className="ww-thread__meta">
              {t("portal.messages.at", { who, when: formatDateTime(m.sentAt) })}
            </p>
            <p className="ww-pre">{m.text}</p>
          </li>
        );
      })}
    </ol>
  );
}

export function PortalMessagesPage({ householdId }: { householdId: string }) {
  const url = `/api/portal/households/${householdId}/messages`;
  const { data, error, reload } = useResource<MessageList>(url);
  const [text, setText] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const form = useSubmit(async () => {
    await api.post(url, { text });
    setText("");
    setSent(t("portal.messages.sent"));
    await reload();
  });
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("portal.messages.title")}</PageTitle>
      <Paragraph>{t("portal.messages.intro")}</Paragraph>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && <MessageThread messages={data.messages} staff={false} />}
      {data && !data.canSend && <Paragraph>{t("portal.messages.closed")}</Paragraph>}
      {data?.canSend && (
        <form onSubmit={form.onSubmit}>
          <ErrorMessage message={form.error} />
          <TextArea
            id="message"
            label={t("portal.messages.new")}
            hint={t("portal.messages.hint")}
            value={text}
            onChange={setText}
            maxLength={4000}
          />
          <SubmitButton busy={form.busy}>{t("portal.messages.send")}</SubmitButton>
          <SuccessMessage message={sent} />
        </form>
      )}
    </PortalLayout>
  );
}
