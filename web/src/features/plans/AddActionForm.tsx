import { Button, Heading2 } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { SuccessMessage } from "../../ui/Messages.tsx";
import { inMonths } from "./AddGoalForm.tsx";
import { label } from "./labels.ts";
import { PlanChangeError, usePlanChange } from "./planChange.tsx";
import { TagChoice } from "./TagChoice.tsx";
import type { Network, Plan } from "./types.ts";

const ACTORS = [
  "resident",
  "networkMember",
  "volunteer",
  "collectiveProvision",
  "teamProfessional",
  "individualProvision",
  "specialistCare",
];
const REASONS = [
  "noNetwork",
  "networkOverburdened",
  "shameOrTaboo",
  "conflict",
  "crisisFirst",
  "needsSpecialistExpertise",
  "other",
];
const ENTRY_KIND: Record<string, string> = {
  collectiveProvision: "collectiveProvision",
  volunteer: "volunteerHelp",
  individualProvision: "individualProvision",
};
const needsReason = (kind: string) =>
  ["teamProfessional", "individualProvision", "specialistCare"].includes(kind);

export function AddActionForm({ plan, onSaved }: { plan: Plan; onSaved(): Promise<void> }) {
  const [goalId, setGoal] = useState(plan.goals[0]?.id ?? "");
  const [description, setDescription] = useState("");
  const [dueDate, setDue] = useState(() => inMonths(1));
  const [saved, setSaved] = useState<string | null>(null);
  const [actorKind, setActor] = useState("resident");
  const [memberId, setMember] = useState("");
  const [entryId, setEntry] = useState("");
  const [actorName, setActorName] = useState("");
  const [professionalUserId, setProfessional] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [helpTags, setHelpTags] = useState<string[]>([]);
  const network = useResource<Network>(`/api/households/${encodeURIComponent(plan.householdId)}/network`);
  const kind = ENTRY_KIND[actorKind];
  const entries = useResource<{ items: { id: string; name: string }[] }>(
    `/api/directory/entries?kind=${kind ?? "collectiveProvision"}`,
  );
  const submit = usePlanChange(async () => {
    await api.post(`/api/plans/${plan.id}/goals/${goalId}/actions`, {
      version: plan.version,
      description,
      dueDate,
      actorKind,
      networkMemberId: memberId || null,
      directoryEntryId: entryId || null,
      actorName: actorName || null,
      professionalUserId: professionalUserId || null,
      escalationReason: reason || null,
      escalationNote: note || null,
      helpTags: actorKind === "volunteer" ? helpTags : [],
    });
    setHelpTags([]);
    setDescription("");
    await onSaved();
    setSaved(t("plan.actionAdded"));
  });
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="add-action">
      <Heading2 id="add-action">{t("plan.addAction")}</Heading2>
      <PlanChangeError change={submit} reload={onSaved} />
      <SuccessMessage message={submit.busy ? null : saved} />
      <SelectField
        id="action-goal"
        label={t("plan.goal")}
        value={goalId}
        onChange={setGoal}
        required
        options={plan.goals.map((g) => ({
          value: g.id,
          label: `${label("domain", g.domain)}: ${g.ownWords}`,
        }))}
      />
      <TextField
        id="action-description"
        label={t("plan.description")}
        value={description}
        onChange={setDescription}
        required
      />
      <TextField
        id="action-due"
        type="date"
        label={t("plan.dueDate")}
        value={dueDate}
        onChange={setDue}
        required
      />
      <SelectField
        id="action-actor"
        label={t("plan.actorKind")}
        value={actorKind}
        onChange={setActor}
        required
        options={ACTORS.map((a) => ({
          value: a,
          label: `${label("actor", a)} (${label("rung", rungOf(a))})`,
        }))}
      />
      {(actorKind === "networkMember" || actorKind === "volunteer") && (
        <SelectField
          id="action-member"
          label={t("plan.networkMember")}
          value={memberId}
          onChange={setMember}
          placeholder={t("form.choose")}
          options={(network.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      {kind && (
        <SelectField
          id="action-entry"
          label={t("plan.directoryEntry")}
          value={entryId}
          onChange={setEntry}
          placeholder={t("form.choose")}
          options={(entries.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
      )}
      {actorKind === "teamProfessional" && (
        <TextField
          id="action-professional"
          label={t("plan.professional")}
          value={professionalUserId}
          onChange={setProfessional}
        />
      )}
      {(actorKind === "individualProvision" ||
        actorKind === "specialistCare" ||
        actorKind === "volunteer") && (
        <TextField
          id="action-actor-name"
          label={t("plan.actorName")}
          value={actorName}
          onChange={setActorName}
        />
      )}
      {actorKind === "volunteer" && (
        <TagChoice
          id="action-help"
          legend={t("plan.helpTags")}
          hint={t("plan.helpTags.hint")}
          value={helpTags}
          onChange={setHelpTags}
        />
      )}
      {needsReason(actorKind) && (
        <>
          <SelectField
            id="action-reason"
            label={t("plan.escalationReason")}
            value={reason}
            onChange={setReason}
            placeholder={t("form.choose")}
            options={REASONS.map((r) => ({ value: r, label: label("reason", r) }))}
          />
          <TextField
            id="action-reason-note"
            label={t("plan.escalationNote")}
            value={note}
            onChange={setNote}
          />
        </>
      )}
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("plan.addAction")}
      </Button>
    </form>
  );
}

function rungOf(actorKind: string): string {
  if (actorKind === "resident") return "ownStrength";
  if (actorKind === "networkMember") return "ownNetwork";
  if (actorKind === "volunteer" || actorKind === "collectiveProvision") return "volunteersAndCollective";
  return actorKind === "specialistCare" ? "specialistCare" : "individualProvision";
}
