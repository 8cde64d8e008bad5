import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
} from "@utrecht/component-library-react";
import { label } from "./labels.ts";

/** Kinds of help residents offer and ask for (server: reciprocity.vocabulary.ts). */
export const HELP_TAGS = [
  "companionship",
  "shopping",
  "transport",
  "oddJobs",
  "gardening",
  "administration",
  "language",
  "computer",
  "cooking",
  "childcare",
  "walking",
];

/** A group of checkboxes for kinds of help. */
export function TagChoice({
  id,
  legend,
  hint,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: string[];
  onChange(value: string[]): void;
}) {
  return (
    <Fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {HELP_TAGS.map((tag) => (
        <FormField
          key={tag}
          type="checkbox"
          label={
            <FormLabel htmlFor={`${id}-${tag}`} type="checkbox">
              {label("helpTag", tag)}
            </FormLabel>
          }
          input={
            <Checkbox
              id={`${id}-${tag}`}
              checked={value.includes(tag)}
              onChange={(e) => onChange(e.target.checked ? [...value, tag] : value.filter((x) => x !== tag))}
            />
          }
        />
      ))}
    </Fieldset>
  );
}
