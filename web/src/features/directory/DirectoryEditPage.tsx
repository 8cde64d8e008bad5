import { Button, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ErrorSummary, type FieldErrors } from "../signals/reportFields.tsx";
import { directoryPath } from "./DirectorySearchPage.tsx";
import type { Area, EntryDetail } from "./directory.ts";
import { TextInput } from "./EntryFields.tsx";
import { EntryForm } from "./EntryForm.tsx";
import {
  changesOf,
  type Draft,
  draftOf,
  emptyDraft,
  type FormField,
  fieldErrorsOf,
  fieldId,
  inputOf,
  localErrors,
} from "./entryDraft.ts";

/**
 * The whole entry in one form. The administrator creates or changes an entry (POST / PUT); a professional
 * suggests a change to any field, or a new entry, for the administrator to approve. The server's
 * validation report comes back field by field (Dutch reasons) and shows at each field and in a summary.
 */
export type EditorMode = "create" | "edit" | "suggestChange" | "suggestNew";

export function DirectoryEditPage({ mode, entryId }: { mode: EditorMode; entryId?: string }) {
  const areas = useResource<{ items: Area[] }>("/api/directory/areas");
  const [original, setOriginal] = useState<Draft | null>(entryId ? null : emptyDraft());
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    if (!entryId) return;
    api
      .get<EntryDetail>(`/api/directory/entries/${encodeURIComponent(entryId)}`)
      .then((detail) => setOriginal(draftOf(detail.entry)))
      .catch((caught: unknown) => setLoadError(errorMessage(caught)));
  }, [entryId]);
  const back = entryId ? `${directoryPath}/${entryId}` : directoryPath;
  const title = t(`directory.form.title.${mode}`);
  if (!original) {
    return loadError ? <ErrorMessage message={loadError} /> : <Loading />;
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>
        <AppLink href={back}>{entryId ? t("directory.form.backToEntry") : t("directory.back")}</AppLink>
      </Paragraph>
      <Paragraph>{t(`directory.form.intro.${mode}`)}</Paragraph>
      <Editor mode={mode} entryId={entryId} original={original} areas={areas.data?.items ?? []} />
    </>
  );
}

function Editor(props: { mode: EditorMode; entryId?: string; original: Draft; areas: Area[] }) {
  const { mode, entryId, original } = props;
  const suggesting = mode === "suggestChange" || mode === "suggestNew";
  const [draft, setDraft] = useState<Draft>(original);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(): Promise<void> {
    const input = inputOf(draft);
    if (mode === "create") {
      const created = await api.post<EntryDetail>("/api/directory/entries", input);
      navigate(`${directoryPath}/${created.entry.id}`);
    } else if (mode === "edit" && entryId) {
      await api.put<EntryDetail>(`/api/directory/entries/${encodeURIComponent(entryId)}`, input);
      navigate(`${directoryPath}/${entryId}`);
    } else {
      const changes = mode === "suggestChange" ? changesOf(draft, original) : input;
      if (Object.keys(changes).length === 0) {
        setError(t("directory.form.noChanges"));
        return;
      }
      await api.post("/api/directory/suggestions", { entryId: entryId ?? null, changes, note });
      setSent(t("directory.suggest.sent"));
      setNote("");
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setSent(null);
    const local = localErrors(draft);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await save();
    } catch (caught) {
      const byField = fieldErrorsOf(caught);
      if (byField) setErrors(byField);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const changed =
    mode === "suggestChange" ? (field: FormField) => field in changesOf(draft, original) : undefined;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="ww-form ww-entry-form"
      aria-label={t(`directory.form.title.${mode}`)}
    >
      <ErrorSummary errors={errors} title={t("directory.form.errorSummary")} />
      <ErrorMessage message={error} />
      <EntryForm draft={draft} onChange={setDraft} areas={props.areas} ctx={{ errors, changed }} />
      {suggesting && (
        <TextInput
          field="note"
          ctx={{ errors }}
          value={note}
          onChange={setNote}
          required
          multiline
          hint={t("directory.form.noteHint")}
        />
      )}
      <SuccessMessage message={sent} />
      <Button type="submit" appearance="primary-action-button" busy={busy} id={fieldId("submit")}>
        {t(`directory.form.submit.${mode}`)}
      </Button>
    </form>
  );
}
