import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading4,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { DOMAINS, RUNGS } from "./AddGoalForm.tsx";
import { label } from "./labels.ts";
import { ConfirmRemoval, PlanChangeError, usePlanChange } from "./planChange.tsx";
import type { Plan, PlanGoal } from "./types.ts";

const GOAL_STATUSES = ["active", "achieved", "stopped"];

/** Changes or removes one goal; both send the plan version the page read (409 when it changed since). */
export function EditGoalForm({
  plan,
  goal,
  reload,
  onDone,
  onCancel,
  onRemoved,
}: {
  plan: Plan;
  goal: PlanGoal;
  reload(): Promise<void>;
  onDone(message: string): Promise<void>;
  onCancel(): void;
  onRemoved(message: string): Promise<void>;
}) {
  const id = (field: string) => `goal-${goal.id}-${field}`;
  const [domain, setDomain] = useState(goal.domain);
  const [ownWords, setOwn] = useState(goal.ownWords);
  const [wording, setWording] = useState(goal.professionalWording);
  const [targetLevel, setLevel] = useState(String(goal.targetLevel));
  const [targetDate, setDate] = useState(goal.targetDate);
  const [status, setStatus] = useState(goal.status);
  const [rungs, setRungs] = useState<string[]>(goal.consideredRungs);
  const [confirming, setConfirming] = useState(false);
  const save = usePlanChange(async () => {
    const { version } = await api.put<{ version: number }>(`/api/plans/${plan.id}/goals/${goal.id}`, {
      version: plan.version,
      domain,
      residentId: goal.residentId,
      targetLevel: Number(targetLevel),
      startDate: goal.startDate,
      targetDate,
      ownWords,
      professionalWording: wording,
      consideredRungs: rungs,
      ladderNote: goal.ladderNote,
      status,
    });
    await onDone(t("plan.savedVersion", { version }));
  });
  const remove = usePlanChange(async () => {
    const { version } = await api.post<{ version: number }>(`/api/plans/${plan.id}/goals/${goal.id}/remove`, {
      version: plan.version,
    });
    await onRemoved(t("plan.goalRemoved", { domain: label("domain", goal.domain), version }));
  });
  const headingId = id("edit");
  return (
    <form onSubmit={save.onSubmit} aria-labelledby={headingId} className="ww-plan-editor">
      <Heading4 id={headingId}>{t("plan.editGoalOf", { domain: label("domain", goal.domain) })}</Heading4>
      <PlanChangeError change={save} reload={reload} />
      <SelectField
        id={id("domain")}
        label={t("plan.domain")}
        value={domain}
        onChange={setDomain}
        required
        options={(DOMAINS[plan.zrmVersion] ?? [goal.domain]).map((d) => ({
          value: d,
          label: label("domain", d),
        }))}
      />
      <TextField
        id={id("own-words")}
        label={t("plan.ownWords")}
        value={ownWords}
        onChange={setOwn}
        required
      />
      <TextField
        id={id("wording")}
        label={t("plan.professionalWording")}
        value={wording}
        onChange={setWording}
        required
      />
      <SelectField
        id={id("level")}
        label={t("plan.targetLevel")}
        value={targetLevel}
        onChange={setLevel}
        required
        options={["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))}
      />
      <TextField
        id={id("date")}
        type="date"
        label={t("plan.targetDate")}
        value={targetDate}
        onChange={setDate}
        required
      />
      <SelectField
        id={id("status")}
        label={t("plan.goal.status")}
        value={status}
        onChange={setStatus}
        required
        options={GOAL_STATUSES.map((s) => ({ value: s, label: label("goalStatus", s) }))}
      />
      <Fieldset>
        <FieldsetLegend>{t("plan.ladder")}</FieldsetLegend>
        {RUNGS.map((r) => (
          <FormField
            key={r}
            type="checkbox"
            label={
              <FormLabel htmlFor={id(`rung-${r}`)} type="checkbox">
                {label("rung", r)}
              </FormLabel>
            }
            input={
              <Checkbox
                id={id(`rung-${r}`)}
                checked={rungs.includes(r)}
                onChange={(e) => setRungs(e.target.checked ? [...rungs, r] : rungs.filter((x) => x !== r))}
              />
            }
          />
        ))}
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={save.busy}>
          {t("plan.saveGoal")}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("plan.cancel")}
        </Button>
        {!confirming && (
          <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)}>
            {t("plan.removeGoal")}
          </Button>
        )}
      </ButtonGroup>
      {confirming && (
        <ConfirmRemoval
          question={t("plan.removeGoalConfirm")}
          confirmLabel={t("plan.confirmRemoveGoal")}
          change={remove}
          reload={reload}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
