import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Textarea,
} from "@utrecht/component-library-react";
import "./portal.css";
import { useId, useState } from "react";
import { formatDate as formatDateNl, formatDateTime as formatDateTimeNl } from "../../i18n/format.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";

export const GLOSSARY = ["wmo", "plan", "aftercare", "authorisation"] as const;
export type GlossaryTerm = (typeof GLOSSARY)[number];

/** An unavoidable word with its explanation from the catalogue, opened with a button (keyboard and screen reader friendly). */
export function Term({ term }: { term: GlossaryTerm }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const word = t(`portal.glossary.${term}.term` as MessageKey);
  return (
    <span className="ww-term">
      <button
        type="button"
        className="ww-term__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {word}
        <span className="ww-visually-hidden"> – {t("portal.glossary.label", { term: word })}</span>
      </button>
      <span id={id} role="note" className="ww-term__text" hidden={!open}>
        {t(`portal.glossary.${term}.text` as MessageKey)}{" "}
        <button type="button" className="ww-term__close" onClick={() => setOpen(false)}>
          {t("portal.glossary.close")}
        </button>
      </span>
    </span>
  );
}

export function formatDate(value: string | null | undefined): string {
  return value ? formatDateNl(value) : "";
}

export function formatDateTime(value: string): string {
  return formatDateTimeNl(value);
}

export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  maxLength?: number;
}) {
  return (
    <FormField
      label={<FormLabel htmlFor={props.id}>{props.label}</FormLabel>}
      description={
        props.hint && <FormFieldDescription id={`${props.id}-hint`}>{props.hint}</FormFieldDescription>
      }
      input={
        <Textarea
          id={props.id}
          name={props.id}
          value={props.value}
          rows={4}
          maxLength={props.maxLength}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onChange={(event) => props.onChange(event.target.value)}
        />
      }
    />
  );
}

/** A group of radio buttons with a legend (native inputs, large enough to tap on a phone). */
export function Choice(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange(v: string): void;
}) {
  return (
    <Fieldset className="ww-choice">
      <FieldsetLegend>{props.legend}</FieldsetLegend>
      {props.options.map((option) => (
        <label key={option.value} className="ww-choice__option">
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />{" "}
          {option.label}
        </label>
      ))}
    </Fieldset>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: string }) {
  return (
    <Button type="submit" appearance="primary-action-button" busy={busy}>
      {children}
    </Button>
  );
}
