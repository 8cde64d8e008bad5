import { Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { label } from "../plans/labels.ts";
import type { DecisionOptions, PlanActionDraft } from "./types.ts";

const NEW_GOAL = "new";
const REASONS = [
  "noNetwork",
  "networkOverburdened",
  "shameOrTaboo",
  "conflict",
  "crisisFirst",
  "needsSpecialistExpertise",
  "other",
];
/** Which social-map entries fit an actor kind (the plans module checks the same). */
const ENTRY_KIND: Record<string, string> = {
  collectiveProvision: "collectiveProvision",
  volunteer: "volunteerHelp",
  individualProvision: "individualProvision",
  specialistCare: "individualProvision",
};

export const emptyDraft: PlanActionDraft = {
  goalId: "",
  newGoalDomain: "",
  newGoalText: "",
  newGoalLevel: "4",
  newGoalDate: "",
  actorKind: "resident",
  networkMemberId: "",
  directoryEntryId: "",
  actorName: "",
  escalationReason: "",
  escalationNote: "",
};

/** The request body's planAction from the form's fields. */
export function planActionBody(d: PlanActionDraft) {
  const isNew = d.goalId === NEW_GOAL;
  return {
    goalId: isNew ? null : d.goalId || null,
    newGoal: isNew
      ? {
          domain: d.newGoalDomain,
          text: d.newGoalText,
          targetLevel: Number(d.newGoalLevel),
          targetDate: d.newGoalDate,
        }
      : null,
    actorKind: d.actorKind,
    networkMemberId: d.networkMemberId || null,
    directoryEntryId: d.directoryEntryId || null,
    actorName: d.actorName || null,
    escalationReason: d.escalationReason || null,
    escalationNote: d.escalationNote || null,
  };
}

interface Props {
  idPrefix: string;
  options: DecisionOptions;
  draft: PlanActionDraft;
  onChange(draft: PlanActionDraft): void;
}

/** Loads the choices for one agenda item (only while an action decision is being written) and shows them. */
export function PlanActionSection(props: Omit<Props, "options"> & { url: string }) {
  const options = useResource<DecisionOptions>(props.url);
  return (
    <Fieldset>
      <FieldsetLegend>{t("conf.inPlan")}</FieldsetLegend>
      <ErrorMessage message={options.error} />
      {options.data && <PlanActionFields {...props} options={options.data} />}
    </Fieldset>
  );
}

/**
 * Where an action decision goes in the household's plan: the goal (or a new one), who carries it out on the
 * support ladder, and what the ladder asks for that rung. Goals and network members come from the server
 * only for a recorder who may open the household.
 */
function PlanActionFields({ idPrefix, options, draft, onChange }: Props) {
  const id = (x: string) => `${idPrefix}-${x}`;
  const set = (patch: Partial<PlanActionDraft>) => onChange({ ...draft, ...patch });
  const kind = options.actorKinds.find((k) => k.actorKind === draft.actorKind);
  const entryKind = ENTRY_KIND[draft.actorKind];
  const entries = useResource<{ items: { id: string; name: string }[] }>(
    `/api/directory/entries?kind=${entryKind ?? "collectiveProvision"}`,
  );
  const plan = options.planAction;
  if (!plan.possible) return <Paragraph role="note">{plan.refusal}</Paragraph>;
  return (
    <>
      <SelectField
        id={id("goal")}
        label={t("conf.planGoal")}
        value={draft.goalId}
        required
        placeholder={t("form.choose")}
        options={[
          ...plan.goals.map((g) => ({ value: g.id, label: `${label("domain", g.domain)}: ${g.ownWords}` })),
          { value: NEW_GOAL, label: t("conf.newGoal") },
        ]}
        onChange={(goalId) => set({ goalId })}
      />
      {draft.goalId === NEW_GOAL && (
        <>
          <SelectField
            id={id("goal-domain")}
            label={t("plan.domain")}
            value={draft.newGoalDomain}
            required
            placeholder={t("form.choose")}
            options={plan.domains.map((d) => ({ value: d, label: label("domain", d) }))}
            onChange={(newGoalDomain) => set({ newGoalDomain })}
          />
          <TextField
            id={id("goal-text")}
            label={t("conf.newGoalText")}
            value={draft.newGoalText}
            required
            onChange={(newGoalText) => set({ newGoalText })}
          />
          <SelectField
            id={id("goal-level")}
            label={t("plan.targetLevel")}
            value={draft.newGoalLevel}
            required
            options={["1", "2", "3", "4", "5"].map((l) => ({ value: l, label: l }))}
            onChange={(newGoalLevel) => set({ newGoalLevel })}
          />
          <TextField
            id={id("goal-date")}
            type="date"
            label={t("plan.targetDate")}
            value={draft.newGoalDate}
            required
            onChange={(newGoalDate) => set({ newGoalDate })}
          />
        </>
      )}
      <SelectField
        id={id("actor")}
        label={t("conf.actorKind")}
        value={draft.actorKind}
        required
        options={options.actorKinds.map((k) => ({
          value: k.actorKind,
          label: `${label("actor", k.actorKind)} (${label("rung", k.rung)})`,
        }))}
        onChange={(actorKind) => set({ actorKind, directoryEntryId: "" })}
      />
      {draft.actorKind === "teamProfessional" && <Paragraph>{t("conf.actorIsAssignee")}</Paragraph>}
      {(draft.actorKind === "networkMember" || draft.actorKind === "volunteer") && (
        <SelectField
          id={id("member")}
          label={t("plan.networkMember")}
          value={draft.networkMemberId}
          placeholder={t("form.choose")}
          options={plan.networkMembers.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(networkMemberId) => set({ networkMemberId })}
        />
      )}
      {entryKind && (
        <SelectField
          id={id("entry")}
          label={t("plan.directoryEntry")}
          value={draft.directoryEntryId}
          placeholder={t("form.choose")}
          options={(entries.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          onChange={(directoryEntryId) => set({ directoryEntryId })}
        />
      )}
      {["volunteer", "individualProvision", "specialistCare"].includes(draft.actorKind) && (
        <TextField
          id={id("actor-name")}
          label={t("plan.actorName")}
          value={draft.actorName}
          onChange={(actorName) => set({ actorName })}
        />
      )}
      {kind?.needsReason && (
        <>
          <SelectField
            id={id("reason")}
            label={t("plan.escalationReason")}
            value={draft.escalationReason}
            required
            placeholder={t("form.choose")}
            options={REASONS.map((r) => ({ value: r, label: label("reason", r) }))}
            onChange={(escalationReason) => set({ escalationReason })}
          />
          <TextField
            id={id("reason-note")}
            label={t("plan.escalationNote")}
            value={draft.escalationNote}
            required
            onChange={(escalationNote) => set({ escalationNote })}
          />
        </>
      )}
    </>
  );
}
