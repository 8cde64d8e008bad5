import { FormField, FormLabel, Textarea } from "@utrecht/component-library-react";
import { t } from "../../i18n/i18n.ts";

/** A labelled NL Design System text area. */
export function TextAreaField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
}) {
  return (
    <FormField
      label={
        <FormLabel htmlFor={props.id}>
          {props.label}
          {props.required && <span className="ww-required"> {t("form.required")}</span>}
        </FormLabel>
      }
      input={
        <Textarea
          id={props.id}
          name={props.id}
          value={props.value}
          required={props.required}
          rows={3}
          onChange={(event) => props.onChange(event.target.value)}
        />
      }
    />
  );
}

/** A labelled checkbox (native, styled by the NL Design System form field). */
export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <p className="ww-checkbox">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{" "}
      <label htmlFor={props.id}>{props.label}</label>
    </p>
  );
}
