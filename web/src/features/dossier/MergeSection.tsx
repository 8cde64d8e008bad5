import { Button, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api, errorMessage } from "../../api/client.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { t } from "./labels.ts";
import { CheckboxField, TextAreaField } from "./TextAreaField.tsx";
import { type Dossier, formatDate } from "./types.ts";

interface SearchResult {
  householdId: string;
  householdName: string;
  name: string;
  birthDate: string;
}

/**
 * Merges a duplicate dossier into this one (team lead): find it by name, choose it, say why, confirm.
 * The server moves every row and keeps both histories; the old dossier then points here.
 */
export function MergeSection({ dossier, done }: { dossier: Dossier; done(message: string): Promise<void> }) {
  const [name, setName] = useState("");
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chosen, setChosen] = useState("");
  const [note, setNote] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  if (!dossier.allowed.merge || dossier.mergedIntoId) return null;

  async function search() {
    setSearchError(null);
    try {
      const found = await api.get<{ items: SearchResult[] }>(
        `/api/households?${new URLSearchParams({ name: name.trim() })}`,
      );
      const others = found.items.filter((r) => r.householdId !== dossier.id);
      setResults([...new Map(others.map((r) => [r.householdId, r])).values()]);
      setChosen("");
    } catch (error) {
      setSearchError(errorMessage(error));
    }
  }

  return (
    <ActionForm
      id="merge"
      title={t("dossier.merge")}
      onSubmit={async () => {
        if (!chosen) throw new ApiError(422, "mergeChooseFirst", t("dossier.mergeChooseFirst"));
        if (!confirmed) throw new ApiError(422, "mergeConfirmFirst", t("dossier.mergeConfirmFirst"));
        await api.post(`/api/households/${dossier.id}/merge`, { mergedHouseholdId: chosen, note });
        setResults(null);
        setChosen("");
        setNote("");
        setConfirmed(false);
        await done(t("dossier.merged"));
      }}
    >
      <Paragraph>{t("dossier.mergeIntro")}</Paragraph>
      <Paragraph>{t("dossier.mergeKept")}</Paragraph>
      <ErrorMessage message={searchError} />
      <TextField
        id="merge-search"
        label={t("dossier.mergeSearch")}
        value={name}
        onChange={setName}
        onKeyDown={(event) => {
          // Enter searches; it must not submit the merge itself.
          if (event.key === "Enter") {
            event.preventDefault();
            void search();
          }
        }}
      />
      <Button type="button" appearance="secondary-action-button" onClick={() => void search()}>
        {t("dossier.mergeSearchButton")}
      </Button>
      {results && results.length === 0 && <Paragraph>{t("dossier.mergeNoCandidates")}</Paragraph>}
      {results && results.length > 0 && (
        <Fieldset>
          <FieldsetLegend>{t("dossier.mergeCandidates")}</FieldsetLegend>
          {results.map((r) => (
            <p className="ww-checkbox" key={r.householdId}>
              <input
                type="radio"
                id={`merge-${r.householdId}`}
                name="merge-household"
                value={r.householdId}
                checked={chosen === r.householdId}
                onChange={() => setChosen(r.householdId)}
              />{" "}
              <label htmlFor={`merge-${r.householdId}`}>
                {t("dossier.mergeCandidate", {
                  household: r.householdName,
                  name: r.name,
                  birthDate: formatDate(r.birthDate),
                })}
              </label>
            </p>
          ))}
        </Fieldset>
      )}
      <TextAreaField
        id="merge-note"
        label={t("dossier.mergeNote")}
        value={note}
        onChange={setNote}
        required
      />
      <CheckboxField
        id="merge-confirm"
        label={t("dossier.mergeConfirm")}
        checked={confirmed}
        onChange={setConfirmed}
      />
    </ActionForm>
  );
}
