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

export function AddGoalForm({ plan, onSaved }: { plan: Plan; onSaved(): Promise<void> }) {
  const [domain, setDomain] = useState("");
  const [targetLevel, setLevel] = useState("4");
  const [targetDate, setDate] = useState("");
  const [ownWords, setOwn] = useState("");
  const [wording, setWording] = useState("");
  const [rungs, setRungs] = useState<string[]>(["ownStrength"]);
  const submit = usePlanChange(async () => {
    await api.post(`/api/plans/${plan.id}/goals`, {
      version: plan.version,
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
  });
  return (
    <form onSubmit={submit.onSubmit} aria-labelledby="add-goal">
      <Heading2 id="add-goal">{t("plan.addGoal")}</Heading2>
      <PlanChangeError change={submit} reload={onSaved} />
      <SelectField
        id="goal-domain"
        label={t("plan.domain")}
        value={domain}
        onChange={setDomain}
        required
        placeholder={t("form.choose")}
        options={(DOMAINS[plan.zrmVersion] ?? []).map((d) => ({ value: d, label: label("domain", d) }))}
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
