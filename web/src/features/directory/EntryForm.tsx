import { Button, Heading2, Select, SelectOption, Textbox } from "@utrecht/component-library-react";
import {
  ACCESS_ROUTES,
  COSTS,
  ENTRY_KINDS,
  LIFE_DOMAINS,
  type OpeningPeriod,
  TARGET_GROUPS,
  WEEKDAYS,
  WMO_PERFORMANCE_FIELDS,
} from "../../../../server/src/modules/directory/directory.vocabulary.ts";
import { t } from "../../i18n/i18n.ts";
import { Field } from "../signals/reportFields.tsx";
import { type Area, label } from "./directory.ts";
import {
  CheckboxGroup,
  ChoiceInput,
  type FieldContext,
  GroupFrame,
  TextInput,
  Toggle,
} from "./EntryFields.tsx";
import "./directory.css";
import { type Draft, type DraftField, fieldId, fieldLabel } from "./entryDraft.ts";

interface Props {
  draft: Draft;
  onChange(draft: Draft): void;
  areas: Area[];
  ctx: FieldContext;
}

/** Every field of an entry, grouped as a person filling it in thinks of them. */
export function EntryForm({ draft, onChange, areas, ctx }: Props) {
  const set =
    <K extends DraftField>(key: K) =>
    (value: Draft[K]) =>
      onChange({ ...draft, [key]: value });
  const text = (field: DraftField, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      field={field}
      ctx={ctx}
      value={draft[field] as string}
      onChange={set(field) as (v: string) => void}
      {...extra}
    />
  );
  const options = (group: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: label(group, value) }));
  const buurten = areas.filter((a) => a.kind === "neighbourhood");
  const wijken = areas.filter((a) => a.kind === "district");

  return (
    <>
      <Heading2>{t("directory.form.section.what")}</Heading2>
      {text("name", { required: true })}
      {text("description", { required: true, multiline: true, hint: t("directory.form.descriptionHint") })}
      <ChoiceInput
        field="kind"
        ctx={ctx}
        value={draft.kind}
        onChange={set("kind")}
        options={options("kind", ENTRY_KINDS)}
        required
      />
      {text("providerName", { required: true })}
      <CheckboxGroup
        field="wmoPerformanceFields"
        ctx={ctx}
        values={draft.wmoPerformanceFields}
        onChange={set("wmoPerformanceFields")}
        options={WMO_PERFORMANCE_FIELDS.map((value) => ({
          value,
          label: `${value}. ${label("field", value)}`,
        }))}
      />
      <CheckboxGroup
        field="lifeDomains"
        ctx={ctx}
        values={draft.lifeDomains}
        onChange={set("lifeDomains")}
        options={options("lifeDomain", LIFE_DOMAINS)}
      />
      <CheckboxGroup
        field="targetGroups"
        ctx={ctx}
        values={draft.targetGroups}
        onChange={set("targetGroups")}
        options={options("targetGroup", TARGET_GROUPS)}
      />

      <Heading2>{t("directory.form.section.access")}</Heading2>
      <ChoiceInput
        field="accessRoute"
        ctx={ctx}
        value={draft.accessRoute}
        onChange={set("accessRoute")}
        options={options("access", ACCESS_ROUTES)}
        required
      />
      <ChoiceInput
        field="cost"
        ctx={ctx}
        value={draft.cost}
        onChange={set("cost")}
        options={options("cost", COSTS)}
        required
      />
      {text("costNote")}

      <Heading2>{t("directory.form.section.where")}</Heading2>
      <Toggle
        field="servesWholeMunicipality"
        ctx={ctx}
        checked={draft.servesWholeMunicipality}
        onChange={set("servesWholeMunicipality")}
      />
      <AreaChoice draft={draft} onChange={set("areaCodes")} ctx={ctx} areas={[...wijken, ...buurten]} />
      {text("street")}
      {text("houseNumber")}
      {text("postcode", { hint: t("directory.form.postcodeHint") })}
      {text("city")}
      <ChoiceInput
        field="neighbourhoodCode"
        ctx={ctx}
        value={draft.neighbourhoodCode}
        onChange={set("neighbourhoodCode")}
        options={buurten.map((a) => ({ value: a.code, label: a.name }))}
        placeholder={t("directory.search.noBuurt")}
      />
      <OpeningHours periods={draft.openingHours} onChange={set("openingHours")} ctx={ctx} />
      {text("openingHoursNote")}

      <Heading2>{t("directory.form.section.contact")}</Heading2>
      {text("phone", { type: "tel" })}
      {text("email", { type: "email" })}
      {text("website", { type: "url", hint: t("directory.form.websiteHint") })}
      {text("contactPersonName", { hint: t("directory.form.contactPersonHint") })}
      {text("contactPersonPhone", { type: "tel" })}
      {text("contactPersonEmail", { type: "email" })}

      <Heading2>{t("directory.form.section.when")}</Heading2>
      {text("capacityNote")}
      {text("waitingWeeks", { type: "number" })}
      {text("activeFrom", { type: "date" })}
      {text("activeUntil", { type: "date" })}
      {text("reviewDate", { type: "date", hint: t("directory.form.reviewHint") })}
      <Toggle field="isPublic" ctx={ctx} checked={draft.isPublic} onChange={set("isPublic")} />
      {text("externalKey", { hint: t("directory.form.externalKeyHint") })}
    </>
  );
}

function AreaChoice(props: {
  draft: Draft;
  onChange(codes: string[]): void;
  ctx: FieldContext;
  areas: Area[];
}) {
  const id = fieldId("areaCodes");
  const error = props.ctx.errors[id];
  return (
    <Field id={id} label={fieldLabel("areaCodes")} hint={t("directory.form.areaHint")} error={error}>
      <Select
        id={id}
        name={id}
        multiple
        size={8}
        invalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        value={props.draft.areaCodes}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {props.areas.map((a) => (
          <SelectOption key={a.code} value={a.code}>
            {a.name} ({a.code})
          </SelectOption>
        ))}
      </Select>
    </Field>
  );
}

/** Opening hours: one row per period (day, from, until); the server checks times and overlaps. */
function OpeningHours(props: {
  periods: OpeningPeriod[];
  onChange(p: OpeningPeriod[]): void;
  ctx: FieldContext;
}) {
  const id = fieldId("openingHours");
  const error = props.ctx.errors[id];
  const update = (index: number, change: Partial<OpeningPeriod>) =>
    props.onChange(props.periods.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <GroupFrame
      id={id}
      legend={fieldLabel("openingHours")}
      error={error}
      hint={t("directory.form.hoursHint")}
    >
      {props.periods.map((period, index) => {
        const rowId = index === 0 ? id : `${id}-${index}`;
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity beyond their position
          <div key={index} className="ww-entry-form__hours">
            <Field id={rowId} label={t("directory.form.hoursDay", { n })}>
              <Select
                id={rowId}
                value={period.day}
                onChange={(e) => update(index, { day: e.target.value as OpeningPeriod["day"] })}
              >
                {WEEKDAYS.map((d) => (
                  <SelectOption key={d} value={d}>
                    {t(`directory.form.weekday.${d}`)}
                  </SelectOption>
                ))}
              </Select>
            </Field>
            <Field id={`${id}-${index}-opens`} label={t("directory.form.hoursOpens", { n })}>
              <Textbox
                id={`${id}-${index}-opens`}
                value={period.opens}
                placeholder="09:00"
                onChange={(e) => update(index, { opens: e.target.value })}
              />
            </Field>
            <Field id={`${id}-${index}-closes`} label={t("directory.form.hoursCloses", { n })}>
              <Textbox
                id={`${id}-${index}-closes`}
                value={period.closes}
                placeholder="12:00"
                onChange={(e) => update(index, { closes: e.target.value })}
              />
            </Field>
            <Button
              type="button"
              appearance="subtle-button"
              onClick={() => props.onChange(props.periods.filter((_, i) => i !== index))}
            >
              {t("directory.form.hoursRemove", { n })}
            </Button>
          </div>
        );
      })}
      <Button
        id={props.periods.length === 0 ? id : undefined}
        type="button"
        appearance="secondary-action-button"
        onClick={() => props.onChange([...props.periods, { day: "monday", opens: "09:00", closes: "12:00" }])}
      >
        {t("directory.form.hoursAdd")}
      </Button>
    </GroupFrame>
  );
}
