import {
  Alert,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  RadioButton,
} from "@utrecht/component-library-react";
import { type ReactElement, type ReactNode, useEffect, useRef } from "react";
import { t } from "../../i18n/i18n.ts";

/** Field errors of a form, by the id of the input they belong to (in the order of the form). */
export type FieldErrors = Record<string, string>;

/** The ids that describe an input: its hint and its error message. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** The input itself; it gets id, aria-invalid and aria-describedby from the caller. */
  children: ReactElement;
}

/** A labelled field with an optional hint and an error message right above the input. */
export function Field({ id, label, hint, error, required, children }: FieldProps) {
  return (
    <FormField
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id}>
          {label}
          {required && <span className="ww-required"> {t("form.required")}</span>}
        </FormLabel>
      }
      description={hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      input={children}
    />
  );
}

interface RadioGroupProps {
  id: string;
  legend: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
  error?: string;
  hint?: string;
}

/** A group of radio buttons in a fieldset with a legend; the first radio carries the group's id. */
export function RadioGroup({ id, legend, value, options, onChange, error, hint }: RadioGroupProps) {
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(id, Boolean(hint), error)}>
      <FieldsetLegend>
        {legend} <span className="ww-required">{t("form.required")}</span>
      </FieldsetLegend>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="ww-choice">
            <RadioButton
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              invalid={Boolean(error)}
              onChange={() => onChange(option.value)}
            />
            <FormLabel htmlFor={optionId} type="radio">
              {option.label}
            </FormLabel>
          </div>
        );
      })}
    </Fieldset>
  );
}

/**
 * The list of problems above a form (as GOV.UK and NL Design System advise): it takes focus when it
 * appears, and each problem links to its field.
 */
export function ErrorSummary({ errors, title }: { errors: FieldErrors; title?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = entries.map(([id, message]) => `${id}:${message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="ww-error-summary">
      <Alert type="error" role="alert">
        <Heading2 id="error-summary-title">{title ?? t("report.errorSummary")}</Heading2>
        <ul>
          {entries.map(([id, message]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(id)?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
