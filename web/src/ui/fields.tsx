import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from "@utrecht/component-library-react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { t } from "../i18n/i18n.ts";

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  children: ReactNode;
}

function FieldFrame({ id, label, required, hint, children }: FieldFrameProps) {
  return (
    <FormField
      label={
        <FormLabel htmlFor={id}>
          {label}
          {required && <span className="ww-required"> {t("form.required")}</span>}
        </FormLabel>
      }
      description={hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
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
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint}>
      <Textbox
        {...input}
        id={id}
        name={id}
        value={value}
        required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
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
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  required,
  placeholder,
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required}>
      <Select
        id={id}
        name={id}
        value={value}
        required={required}
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
