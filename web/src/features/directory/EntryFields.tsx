import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { t } from "../../i18n/i18n.ts";
import { describedBy, Field, type FieldErrors } from "../signals/reportFields.tsx";
import { type FormField as DraftField, fieldId, fieldLabel } from "./entryDraft.ts";

/** Building blocks of the entry form: every input has its label, hint and (server) error wired up. */
export interface FieldContext {
  errors: FieldErrors;
  /** Shows which fields a suggestion changes (professional's form); undefined on the edit form. */
  changed?: (field: DraftField) => boolean;
}

function hintOf(field: DraftField, ctx: FieldContext, hint?: string) {
  const marks = [hint, ctx.changed?.(field) ? t("directory.form.changedMark") : undefined].filter(Boolean);
  return marks.length > 0 ? marks.join(" ") : undefined;
}

function inputProps(field: DraftField, ctx: FieldContext, hint: string | undefined) {
  const id = fieldId(field);
  const error = ctx.errors[id];
  return {
    id,
    name: id,
    invalid: Boolean(error),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, Boolean(hint), error),
  };
}

interface TextProps {
  field: DraftField;
  ctx: FieldContext;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  hint?: string;
  type?: "text" | "email" | "tel" | "url" | "date" | "number";
  multiline?: boolean;
}

export function TextInput({ field, ctx, value, onChange, required, hint, type, multiline }: TextProps) {
  const fullHint = hintOf(field, ctx, hint);
  const props = inputProps(field, ctx, fullHint);
  return (
    <Field
      id={props.id}
      label={fieldLabel(field)}
      hint={fullHint}
      error={ctx.errors[props.id]}
      required={required}
    >
      {multiline ? (
        <Textarea
          {...props}
          value={value}
          rows={5}
          required={required}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Textbox
          {...props}
          type={type ?? "text"}
          value={value}
          required={required}
          min={type === "number" ? 0 : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface ChoiceProps {
  field: DraftField;
  ctx: FieldContext;
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
}

export function ChoiceInput({ field, ctx, value, onChange, options, required, placeholder }: ChoiceProps) {
  const hint = hintOf(field, ctx);
  const props = inputProps(field, ctx, hint);
  return (
    <Field
      id={props.id}
      label={fieldLabel(field)}
      hint={hint}
      error={ctx.errors[props.id]}
      required={required}
    >
      <Select {...props} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        <SelectOption value="">{placeholder ?? t("directory.form.choose")}</SelectOption>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </Field>
  );
}

/** Several choices in a fieldset; the first box carries the field's id (the error summary links to it). */
export function CheckboxGroup<T extends string | number>(props: {
  field: DraftField;
  ctx: FieldContext;
  values: readonly T[];
  options: readonly { value: T; label: string }[];
  onChange(values: T[]): void;
}) {
  const id = fieldId(props.field);
  const error = props.ctx.errors[id];
  const hint = hintOf(props.field, props.ctx);
  return (
    <GroupFrame id={id} legend={fieldLabel(props.field)} error={error} hint={hint}>
      <div className="ww-entry-form__choices">
        {props.options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          const checked = props.values.includes(option.value);
          return (
            <div key={String(option.value)} className="ww-choice">
              <Checkbox
                id={optionId}
                name={id}
                checked={checked}
                invalid={Boolean(error)}
                onChange={() =>
                  props.onChange(
                    checked
                      ? props.values.filter((v) => v !== option.value)
                      : [...props.values, option.value],
                  )
                }
              />
              <FormLabel htmlFor={optionId} type="checkbox">
                {option.label}
              </FormLabel>
            </div>
          );
        })}
      </div>
    </GroupFrame>
  );
}

export function GroupFrame(props: {
  id: string;
  legend: string;
  error: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Fieldset
      invalid={Boolean(props.error)}
      aria-describedby={describedBy(props.id, Boolean(props.hint), props.error)}
    >
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.hint && <p id={`${props.id}-hint`}>{props.hint}</p>}
      {props.error && <FormFieldErrorMessage id={`${props.id}-error`}>{props.error}</FormFieldErrorMessage>}
      {props.children}
    </Fieldset>
  );
}

export function Toggle(props: {
  field: DraftField;
  ctx: FieldContext;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const id = fieldId(props.field);
  const error = props.ctx.errors[id];
  return (
    <div className="ww-choice">
      <Checkbox
        id={id}
        name={id}
        checked={props.checked}
        invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <FormLabel htmlFor={id} type="checkbox">
        {fieldLabel(props.field)}
        {props.ctx.changed?.(props.field) && ` ${t("directory.form.changedMark")}`}
      </FormLabel>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
    </div>
  );
}
