import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { todayIso } from "../../i18n/format.ts";
import { SuccessMessage } from "../../ui/Messages.tsx";

/** A date some months ahead, as a proposal the user may change. */
export function inMonths(months: number): string {
  const date = new Date(`${todayIso()}T12:00:00`);
  date.setMonth(date.getMonth() + months);
  return date.toISOString().slice(0, 10);
}

import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { label } from "./labels.ts";
import { PlanChangeError, usePlanChange } from "./planChange.tsx";
import type { Plan } from "./types.ts";

export const DOMAINS: Record<string, string[]> = {
  "2010": [
    "finances",
    "daytimeActivities",
    "housing",
    "domesticRelations",
    "mentalHealth",
    "physicalHealth",
    "addiction",
    "adl",
    "socialNetwork",
    "communityParticipation",
    "justice",
  ],
  "2017": [
    "finances",
    "workAndEducation",
    "timeUse",
    "housing",
    "domesticRelations",
    "mentalHealth",
    "physicalHealth",
    "substanceUse",
    "basicAdl",
    "instrumentalAdl",
    "socialNetwork",
    "communityParticipation",
    "justice",
  ],
};
export const RUNGS = [
  "ownStrength",
  "ownNetwork",
  "volunteersAndCollective",
  "individualProvision",
  "specialistCare",
];

/**
 * A goal in the resident's own words. A case without a plan gets its plan with this first goal (the plan
 * starts today; its dates can be changed later), so nothing has to be filled in before the first goal.
 */
export function AddGoalForm({
  plan,
  onSaved,
  caseId,
  zrmVersion,
}: {
  plan: Pick<Plan, "id" | "version" | "zrmVersion"> | null;
  onSaved(): Promise<void>;
  caseId?: string;
  zrmVersion?: string;
}) {
  const [domain, setDomain] = useState("");
  const [targetLevel, setLevel] = useState("4");
  const [targetDate, setDate] = useState(() => inMonths(3));
  const [saved, setSaved] = useState<string | null>(null);
  const [ownWords, setOwn] = useState("");
  const [wording, setWording] = useState("");
  const [rungs, setRungs] = useState<string[]>(["ownStrength"]);
  const submit = usePlanChange(async () => {
    const target =
      plan ??
      (await api.post<{ id: string; version: number }>(
        `/api/cases/${encodeURIComponent(caseId ?? "")}/plan`,
        {
          startDate: todayIso(),
        },
      ));
    await api.post(`/api/plans/${target.id}/goals`, {
      version: target.version,
      domain,
      targetLevel: Number(targetLevel),
      targetDate,
      ownWords,
      professionalWording: wording,
      consideredRungs: rungs,
    });
    setDomain("");
    setOwn("");
    setWording("");
    await onSaved();
    setSaved(t("plan.goalAdded"));
  });
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="add-goal">
      <Heading2 id="add-goal">{t("plan.addGoal")}</Heading2>
      <PlanChangeError change={submit} reload={onSaved} />
      <SuccessMessage message={submit.busy ? null : saved} />
      <SelectField
        id="goal-domain"
        label={t("plan.domain")}
        value={domain}
        onChange={setDomain}
        required
        placeholder={t("form.choose")}
        options={(DOMAINS[plan?.zrmVersion ?? zrmVersion ?? "2017"] ?? []).map((d) => ({
          value: d,
          label: label("domain", d),
        }))}
      />
      <TextField id="goal-own-words" label={t("plan.ownWords")} value={ownWords} onChange={setOwn} required />
      <TextField
        id="goal-wording"
        label={t("plan.professionalWording")}
        value={wording}
        onChange={setWording}
        required
      />
      <SelectField
        id="goal-level"
        label={t("plan.targetLevel")}
        value={targetLevel}
        onChange={setLevel}
        required
        options={["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))}
      />
      <TextField
        id="goal-date"
        type="date"
        label={t("plan.targetDate")}
        value={targetDate}
        onChange={setDate}
        required
      />
      <Fieldset>
        <FieldsetLegend>{t("plan.ladder")}</FieldsetLegend>
        {RUNGS.map((r) => (
          <FormField
            key={r}
            type="checkbox"
            label={
              <FormLabel htmlFor={`rung-${r}`} type="checkbox">
                {label("rung", r)}
              </FormLabel>
            }
            input={
              <Checkbox
                id={`rung-${r}`}
                checked={rungs.includes(r)}
                onChange={(e) => setRungs(e.target.checked ? [...rungs, r] : rungs.filter((x) => x !== r))}
              />
            }
          />
        ))}
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" disabled={submit.busy}>
        {t("plan.addGoal")}
      </Button>
    </form>
  );
}
