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
import { type FormEvent, useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { learningNotesPath } from "../../app/paths.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { formatDateTime } from "./types.ts";

export { learningNotesPath };

interface Note {
  id: string;
  text: string;
  tags: string[];
  writtenAt: string;
  teamName: string;
}

/** Case-learning notes of all teams, searchable; they hold no personal data. */
export function LearningNotesPage() {
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const notes = useResource<{ items: Note[] }>(
    `/api/learning-notes${query ? `?q=${encodeURIComponent(query)}` : ""}`,
  );
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(draft.trim());
  };
  return (
    <>
      <PageTitle>{t("learn.title")}</PageTitle>
      <form onSubmit={search}>
        <TextField id="learn-q" type="search" label={t("learn.search")} value={draft} onChange={setDraft} />
        <Button type="submit" appearance="secondary-action-button">
          {t("learn.searchSubmit")}
        </Button>
      </form>
      <ErrorMessage message={notes.error} />
      {!notes.data && !notes.error && <Loading />}
      {notes.data && notes.data.items.length === 0 && <Paragraph role="status">{t("learn.none")}</Paragraph>}
      {notes.data && notes.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("learn.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("learn.text")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("learn.tags")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("conf.team")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("learn.written")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {notes.data.items.map((n) => (
              <TableRow key={n.id}>
                <TableCell>{n.text}</TableCell>
                <TableCell>{n.tags.join(", ")}</TableCell>
                <TableCell>{n.teamName}</TableCell>
                <TableCell>{formatDateTime(n.writtenAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
