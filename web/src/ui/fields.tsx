import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { t } from "../i18n/i18n.ts";
import { useFieldError } from "./form.tsx";

/** ids of the hint and the error message, for aria-describedby. */
function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

function RequiredMark({ required }: { required?: boolean }) {
  return required ? <span className="ww-required"> {t("form.required")}</span> : null;
}

function FieldFrame({ id, label, required, hint, error, children }: FieldFrameProps) {
  return (
    <FormField
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id}>
          {label}
          <RequiredMark required={required} />
        </FormLabel>
      }
      description={hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      input={children}
    />
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
}

/** A labelled NL Design System text box; "required" is both announced and shown. */
export function TextField({ id, label, value, onChange, hint, required, ...input }: TextFieldProps) {
  const error = useFieldError(id);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <Textbox
        {...input}
        id={id}
        name={id}
        value={value}
        required={required}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  required?: boolean;
  placeholder?: string;
  hint?: string;
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  required,
  placeholder,
  hint,
}: SelectFieldProps) {
  const error = useFieldError(id);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <Select
        id={id}
        name={id}
        value={value}
        required={required}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}

/** A labelled NL Design System text area. */
export function TextAreaField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  hint?: string;
  rows?: number;
}) {
  const error = useFieldError(props.id);
  return (
    <FieldFrame id={props.id} label={props.label} required={props.required} hint={props.hint} error={error}>
      <Textarea
        id={props.id}
        name={props.id}
        value={props.value}
        required={props.required}
        invalid={Boolean(error)}
        aria-describedby={describedBy(props.id, props.hint, error)}
        rows={props.rows ?? 3}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** A labelled NL Design System checkbox. */
export function CheckboxField(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(value: boolean): void;
  required?: boolean;
  hint?: string;
}) {
  const error = useFieldError(props.id);
  return (
    <FormField
      type="checkbox"
      invalid={Boolean(error)}
      className="ww-checkbox"
      label={
        <FormLabel htmlFor={props.id} type="checkbox">
          <Checkbox
            id={props.id}
            name={props.id}
            checked={props.checked}
            required={props.required}
            invalid={Boolean(error)}
            appearance="custom"
            aria-describedby={describedBy(props.id, props.hint, error)}
            onChange={(event) => props.onChange(event.target.checked)}
          />{" "}
          {props.label}
          <RequiredMark required={props.required} />
        </FormLabel>
      }
      description={
        props.hint && <FormFieldDescription id={`${props.id}-hint`}>{props.hint}</FormFieldDescription>
      }
      errorMessage={error && <FormFieldErrorMessage id={`${props.id}-error`}>{error}</FormFieldErrorMessage>}
    />
  );
}

/** A group of NL Design System radio buttons in a fieldset; the first button carries the group's id. */
export function RadioGroupField({
  id,
  legend,
  value,
  options,
  onChange,
  required,
  hint,
  inline,
}: {
  id: string;
  legend: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  required?: boolean;
  hint?: string;
  inline?: boolean;
}) {
  const error = useFieldError(id);
  return (
    <Fieldset invalid={Boolean(error)} className={inline ? "ww-radios ww-radios--inline" : "ww-radios"}>
      <FieldsetLegend>
        {legend}
        <RequiredMark required={required} />
      </FieldsetLegend>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <FormField key={option.value} type="radio">
            <FormLabel htmlFor={optionId} type="radio">
              <RadioButton
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                required={required}
                invalid={Boolean(error)}
                className="utrecht-radio-button--custom"
                aria-describedby={describedBy(id, hint, error)}
                onChange={() => onChange(option.value)}
              />{" "}
              {option.label}
            </FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
