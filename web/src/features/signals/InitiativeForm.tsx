import { Button, Checkbox, FormLabel, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { label } from "./signalLabels.ts";

export interface Cluster {
  neighbourhoodCode: string;
  neighbourhoodName: string;
  category: string;
  count: number;
  signalIds: string[];
}

/** Starts a neighbourhood initiative (collective approach) for one cluster, linked to its signals. */
export function InitiativeForm({
  cluster,
  onStarted,
  onCancel,
}: {
  cluster: Cluster;
  onStarted(title: string): Promise<void>;
  onCancel(): void;
}) {
  const { teams } = useAuthenticatedSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [link, setLink] = useState(true);
  useEffect(() => headingRef.current?.focus(), []);
  const form = useSubmit(async () => {
    const started = await api.post<{ title: string }>("/api/signals/initiatives", {
      teamId,
      neighbourhoodCode: cluster.neighbourhoodCode,
      category: cluster.category,
      title,
      description,
      signalIds: link ? cluster.signalIds : [],
    });
    await onStarted(started.title);
  });
  const what = t("neighbourhood.cluster", {
    count: cluster.count,
    category: label("category", cluster.category).toLowerCase(),
    buurt: cluster.neighbourhoodName,
  });
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="initiative" className="ww-form">
      <Heading2 id="initiative" ref={headingRef} tabIndex={-1}>
        {t("neighbourhood.start")}
      </Heading2>
      <Paragraph>{t("initiative.for", { what })}</Paragraph>
      <ErrorMessage message={form.error} />
      {teams.length > 1 && (
        <SelectField
          id="initiative-team"
          label={t("triage.team")}
          value={teamId}
          onChange={setTeamId}
          required
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
      <TextField
        id="initiative-title"
        label={t("neighbourhood.initiativeTitle")}
        value={title}
        onChange={setTitle}
        maxLength={200}
        required
      />
      <TextField
        id="initiative-description"
        label={t("neighbourhood.initiativeDescription")}
        hint={t("initiative.descriptionHint")}
        value={description}
        onChange={setDescription}
        maxLength={4000}
        required
      />
      <div className="ww-choice">
        <Checkbox
          id="initiative-link"
          name="initiative-link"
          checked={link}
          onChange={(event) => setLink(event.target.checked)}
        />
        <FormLabel htmlFor="initiative-link" type="checkbox">
          {t("initiative.link", { count: cluster.signalIds.length })}
        </FormLabel>
      </div>
      <div className="ww-actions">
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("neighbourhood.start")}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t("initiative.cancel")}
        </Button>
      </div>
    </form>
  );
}
