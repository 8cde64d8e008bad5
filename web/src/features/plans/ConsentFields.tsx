import { Fieldset, FieldsetLegend, FormLabel, RadioButton } from "@utrecht/component-library-react";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { label } from "./labels.ts";
import type { ConsentValue } from "./reciprocity.types.ts";

export const CONSENT_WAYS = ["inPerson", "phone", "signed", "digital"];

export const emptyConsent = (today: string): ConsentValue => ({
  agreed: null,
  how: "inPerson",
  givenOn: today,
  note: "",
});

export const consentBody = (c: ConsentValue) => ({ ...c, agreed: c.agreed === true, note: c.note || null });

/** One resident's answer about a match: yes or no, when, how, and a note (who recorded it is the server's). */
export function ConsentFields({
  id,
  who,
  value,
  onChange,
}: {
  id: string;
  who: string;
  value: ConsentValue;
  onChange(value: ConsentValue): void;
}) {
  const set = (patch: Partial<ConsentValue>) => onChange({ ...value, ...patch });
  return (
    <Fieldset>
      <FieldsetLegend>
        {t("reciprocity.consent.of", { who })} <span className="ww-required">{t("form.required")}</span>
      </FieldsetLegend>
      {[true, false].map((yes) => (
        <div key={String(yes)} className="ww-choice">
          <RadioButton
            id={`${id}-${yes ? "yes" : "no"}`}
            name={`${id}-agreed`}
            value={yes ? "yes" : "no"}
            checked={value.agreed === yes}
            required
            onChange={() => set({ agreed: yes })}
          />
          <FormLabel htmlFor={`${id}-${yes ? "yes" : "no"}`} type="radio">
            {yes ? t("reciprocity.consent.yes") : t("reciprocity.consent.no")}
          </FormLabel>
        </div>
      ))}
      <TextField
        id={`${id}-on`}
        type="date"
        label={t("reciprocity.consent.on")}
        value={value.givenOn}
        onChange={(givenOn) => set({ givenOn })}
        required
      />
      <SelectField
        id={`${id}-how`}
        label={t("reciprocity.consent.how")}
        value={value.how}
        onChange={(how) => set({ how })}
        required
        options={CONSENT_WAYS.map((w) => ({ value: w, label: label("consentWay", w) }))}
      />
      <TextField
        id={`${id}-note`}
        label={t("reciprocity.consent.note")}
        value={value.note}
        onChange={(note) => set({ note })}
      />
    </Fieldset>
  );
}
