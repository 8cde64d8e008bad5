import {
  Button,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Textarea,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { directoryPath } from "./DirectorySearchPage.tsx";
import { type EntryDetail, label } from "./directory.ts";
import { EntryCard } from "./EntryCard.tsx";

function TextArea({
  id,
  label: text,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  required?: boolean;
}) {
  return (
    <FormField
      label={
        <FormLabel htmlFor={id}>
          {text}
          {required && <span className="ww-required"> {t("form.required")}</span>}
        </FormLabel>
      }
      input={
        <Textarea
          id={id}
          name={id}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
          rows={4}
        />
      }
    />
  );
}

/** One entry with its internal details; suggest a change, or (administrator) take it out of use. */
export function DirectoryEntryPage({ entryId }: { entryId: string }) {
  const detail = useResource<EntryDetail>(`/api/directory/entries/${encodeURIComponent(entryId)}`);
  if (!detail.data) return detail.error ? <ErrorMessage message={detail.error} /> : <Loading />;
  const { entry, can, activePlanReferences } = detail.data;
  return (
    <>
      <PageTitle>{entry.name}</PageTitle>
      <Paragraph>
        <AppLink href={directoryPath}>{t("directory.back")}</AppLink>
      </Paragraph>
      {(can.edit || can.suggest) && (
        <Paragraph>
          {can.edit ? (
            <AppLink href={`${directoryPath}/${entry.id}/bewerken`}>{t("directory.link.edit")}</AppLink>
          ) : (
            <AppLink href={`${directoryPath}/${entry.id}/voorstel`}>
              {t("directory.link.suggestChange")}
            </AppLink>
          )}
        </Paragraph>
      )}
      <EntryCard entry={entry} title={t("directory.detail.about")} />
      <Heading2>{t("directory.detail.internal")}</Heading2>
      <Paragraph>
        {t("directory.detail.fields")}:{" "}
        {entry.wmoPerformanceFields.map((f) => `${f}. ${label("field", f)}`).join("; ") || "–"}
      </Paragraph>
      <Paragraph>
        {t("directory.detail.domains")}:{" "}
        {entry.lifeDomains.map((d) => label("lifeDomain", d)).join(", ") || "–"}
      </Paragraph>
      {entry.contactPersonName && (
        <Paragraph>
          {t("directory.detail.contactPerson")}: {entry.contactPersonName}
          {entry.contactPersonEmail && ` (${entry.contactPersonEmail})`}
        </Paragraph>
      )}
      <Paragraph>
        {t("directory.detail.review", { date: formatDate(entry.reviewDate) })}
        {entry.reviewOverdue && ` ${t("directory.flag.overdue", { date: formatDate(entry.reviewDate) })}`}
      </Paragraph>
      <Paragraph>{entry.isPublic ? t("directory.detail.public") : t("directory.flag.internal")}</Paragraph>
      <Paragraph>{t("directory.detail.usage", { count: activePlanReferences })}</Paragraph>
      {!entry.isActive && entry.deactivationReason && (
        <Paragraph>{t("directory.detail.deactivated", { reason: entry.deactivationReason })}</Paragraph>
      )}
      {can.suggest && <SuggestChange entryId={entry.id} description={entry.description} />}
      {can.deactivate && (
        <Deactivate entryId={entry.id} references={activePlanReferences} onDone={detail.reload} />
      )}
    </>
  );
}

function SuggestChange({ entryId, description: current }: { entryId: string; description: string }) {
  const [description, setDescription] = useState(current);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setSaved(null);
    await api.post("/api/directory/suggestions", { entryId, changes: { description }, note });
    setSaved(t("directory.suggest.sent"));
    setNote("");
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="suggest-change" className="ww-form">
      <Heading2 id="suggest-change">{t("directory.suggest.title")}</Heading2>
      <Paragraph>{t("directory.suggest.intro")}</Paragraph>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={saved} />
      <TextArea
        id="suggest-description"
        label={t("directory.suggest.description")}
        value={description}
        onChange={setDescription}
        required
      />
      <TextField
        id="suggest-note"
        label={t("directory.suggest.note")}
        value={note}
        onChange={setNote}
        required
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("directory.suggest.submit")}
      </Button>
    </form>
  );
}

function Deactivate({
  entryId,
  references,
  onDone,
}: {
  entryId: string;
  references: number;
  onDone(): Promise<void>;
}) {
  const [reason, setReason] = useState("");
  const form = useSubmit(async () => {
    await api.post(`/api/directory/entries/${entryId}/deactivate`, {
      reason,
      confirmActivePlanReferences: references,
    });
    await onDone();
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="deactivate" className="ww-form">
      <Heading2 id="deactivate">{t("directory.deactivate.title")}</Heading2>
      <Paragraph>{t("directory.deactivate.intro", { count: references })}</Paragraph>
      <ErrorMessage message={form.error} />
      <TextField
        id="deactivate-reason"
        label={t("directory.deactivate.reason")}
        value={reason}
        onChange={setReason}
        required
      />
      <Button type="submit" appearance="secondary-action-button" busy={form.busy}>
        {t("directory.deactivate.submit")}
      </Button>
    </form>
  );
}
