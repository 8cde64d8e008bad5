import { Button, Heading2 } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { TagChoice } from "./TagChoice.tsx";
import type { Network } from "./types.ts";

/** Records what one resident of the household can offer: skills, interests, time. */
export function OfferForm({ householdId, onSaved }: { householdId: string; onSaved(): Promise<void> }) {
  const network = useResource<Network>(`/api/households/${encodeURIComponent(householdId)}/network`);
  const residents = network.data?.residents ?? [];
  const [residentId, setResident] = useState("");
  const [skills, setSkills] = useState<string[]>([]);
  const [interests, setInterests] = useState<string[]>([]);
  const [time, setTime] = useState("");
  const [description, setDescription] = useState("");
  const submit = useSubmit(async () => {
    await api.post(`/api/households/${encodeURIComponent(householdId)}/reciprocity/offers`, {
      residentId: residentId || residents[0]?.id,
      skills,
      interests,
      timeAvailable: time || null,
      description: description || null,
    });
    setSkills([]);
    setInterests([]);
    setTime("");
    setDescription("");
    await onSaved();
  });
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="add-offer">
      <Heading2 id="add-offer">{t("reciprocity.addOffer")}</Heading2>
      <ErrorMessage message={submit.error} />
      <SelectField
        id="offer-resident"
        label={t("reciprocity.resident")}
        value={residentId || residents[0]?.id || ""}
        onChange={setResident}
        required
        options={residents.map((r) => ({ value: r.id, label: r.name }))}
      />
      <TagChoice id="offer-skills" legend={t("reciprocity.skills")} value={skills} onChange={setSkills} />
      <TagChoice
        id="offer-interests"
        legend={t("reciprocity.interests")}
        value={interests}
        onChange={setInterests}
      />
      <TextField
        id="offer-time"
        label={t("reciprocity.time")}
        hint={t("reciprocity.time.hint")}
        value={time}
        onChange={setTime}
      />
      <TextField
        id="offer-description"
        label={t("reciprocity.description")}
        value={description}
        onChange={setDescription}
      />
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("reciprocity.addOffer")}
      </Button>
    </form>
  );
}
