import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { PublicConfirmation, type Sent } from "./PublicConfirmation.tsx";
import { describedBy, ErrorSummary, Field, type FieldErrors, RadioGroup } from "./reportFields.tsx";
import {
  emptyReport,
  fieldIds as ids,
  publicSignalPath,
  type ReportValues,
  reportBody,
  serverFieldError,
  validateReport,
} from "./reportForm.ts";
import { label } from "./signalLabels.ts";

interface PublicForm {
  municipalityName: string;
  categories: string[];
  neighbourhoods: { code: string; name: string; districtName: string }[];
}

export { PublicSignalStartPage } from "./PublicSignalStartPage.tsx";

/** The form for residents: no login, anonymous allowed, plain Dutch, a reference code to follow it up. */
export function PublicSignalPage({ municipalityCode }: { municipalityCode: string }) {
  const form = useResource<PublicForm>(`/api/public/${municipalityCode}/signal-form`);
  const [sent, setSent] = useState<Sent | null>(null);
  const statusHref = `${publicSignalPath}/${municipalityCode}/status`;
  if (sent) {
    return <PublicConfirmation sent={sent} statusHref={statusHref} onAnother={() => setSent(null)} />;
  }
  return (
    <div className="ww-public ww-narrow">
      <PageTitle>{t("report.title")}</PageTitle>
      <ErrorMessage message={form.error} />
      {!form.data ? (
        !form.error && <Loading />
      ) : (
        <>
          <Paragraph lead>{t("report.intro", { municipality: form.data.municipalityName })}</Paragraph>
          <Paragraph>
            <strong>{t("report.danger")}</strong>
          </Paragraph>
          <Paragraph>{t("report.anonymousInfo")}</Paragraph>
          <Paragraph>
            <AppLink href={statusHref}>{t("report.statusLink")}</AppLink>
          </Paragraph>
          <ReportForm municipalityCode={municipalityCode} form={form.data} onSent={setSent} />
        </>
      )}
    </div>
  );
}

function ReportForm({
  municipalityCode,
  form,
  onSent,
}: {
  municipalityCode: string;
  form: PublicForm;
  onSent(sent: Sent): void;
}) {
  const [v, setV] = useState<ReportValues>(emptyReport);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ReportValues) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const text = (key: keyof ReportValues, id: string, hint?: boolean) => ({
    id,
    name: id,
    value: v[key] as string,
    invalid: Boolean(errors[id]),
    "aria-invalid": errors[id] ? true : undefined,
    "aria-describedby": describedBy(id, Boolean(hint), errors[id]),
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const found = validateReport(v);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await api.post<{ referenceCode: string; receivedAt: string }>(
        `/api/public/${municipalityCode}/signals`,
        reportBody(v),
      );
      onSent({ ...created, municipalityName: form.municipalityName });
    } catch (caught) {
      const fieldError = serverFieldError(caught);
      if (fieldError) setErrors(fieldError);
      else setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const districts = [...new Set(form.neighbourhoods.map((n) => n.districtName))];
  const person = v.subject === "person";
  return (
    <form onSubmit={submit} noValidate className="ww-form" aria-label={t("report.title")}>
      <ErrorSummary errors={errors} />
      <ErrorMessage message={failure} />
      <RadioGroup
        id={ids.subject}
        legend={t("report.about")}
        value={v.subject}
        onChange={set("subject")}
        error={errors[ids.subject]}
        options={[
          { value: "person", label: t("report.about.person") },
          { value: "place", label: t("report.about.place") },
        ]}
      />
      {person && (
        <Fieldset>
          <FieldsetLegend>{t("report.person")}</FieldsetLegend>
          <Field id={ids.personName} label={t("report.personName")} error={errors[ids.personName]} required>
            <Textbox {...text("personName", ids.personName)} autoComplete="off" required />
          </Field>
          <Field
            id={ids.postcode}
            label={t("report.postcode")}
            hint={t("report.postcodeHint")}
            error={errors[ids.postcode]}
            required
          >
            <Textbox {...text("postcode", ids.postcode, true)} autoComplete="off" required />
          </Field>
          <Field
            id={ids.houseNumber}
            label={t("report.houseNumber")}
            error={errors[ids.houseNumber]}
            required
          >
            <Textbox
              {...text("houseNumber", ids.houseNumber)}
              inputMode="numeric"
              autoComplete="off"
              required
            />
          </Field>
          <Field
            id={ids.houseNumberAddition}
            label={t("report.addition")}
            hint={t("report.additionHint")}
            error={errors[ids.houseNumberAddition]}
          >
            <Textbox {...text("addition", ids.houseNumberAddition, true)} autoComplete="off" />
          </Field>
        </Fieldset>
      )}
      <Fieldset>
        <FieldsetLegend>{t("report.where")}</FieldsetLegend>
        <Field
          id={ids.street}
          label={t("report.street")}
          hint={t("report.streetHint")}
          error={errors[ids.street]}
        >
          <Textbox {...text("street", ids.street, true)} autoComplete="off" />
        </Field>
        <Field
          id={ids.neighbourhoodCode}
          label={t("report.neighbourhood")}
          hint={t("report.neighbourhoodHint")}
          error={errors[ids.neighbourhoodCode]}
          required
        >
          <Select {...text("neighbourhoodCode", ids.neighbourhoodCode, true)} required>
            <SelectOption value="">{t("form.choose")}</SelectOption>
            {districts.map((district) => (
              <optgroup key={district} label={t("report.district", { name: district })}>
                {form.neighbourhoods
                  .filter((n) => n.districtName === district)
                  .map((n) => (
                    <SelectOption key={n.code} value={n.code}>
                      {n.name}
                    </SelectOption>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t("report.what")}</FieldsetLegend>
        <Field id={ids.category} label={t("report.category")} error={errors[ids.category]} required>
          <Select {...text("category", ids.category)} required>
            <SelectOption value="">{t("form.choose")}</SelectOption>
            {form.categories.map((c) => (
              <SelectOption key={c} value={c}>
                {label("category", c)}
              </SelectOption>
            ))}
          </Select>
        </Field>
        {(v.category === "domesticViolence" || v.category === "childConcern") && (
          <Paragraph>
            <strong>{t("report.danger")}</strong>
          </Paragraph>
        )}
        <Field
          id={ids.observation}
          label={t("report.observation")}
          hint={t("report.observationHint")}
          error={errors[ids.observation]}
          required
        >
          <Textarea {...text("observation", ids.observation, true)} rows={6} required />
        </Field>
        <Paragraph appearance="small" aria-live="polite">
          {t("report.characters", { count: v.observation.trim().length })}
        </Paragraph>
      </Fieldset>
      <RadioGroup
        id={ids.urgency}
        legend={t("report.urgency")}
        value={v.urgency}
        onChange={set("urgency")}
        error={errors[ids.urgency]}
        options={(["acute", "high", "normal", "low"] as const).map((u) => ({
          value: u,
          label: t(`report.urgency.${u}`),
        }))}
      />
      <RadioGroup
        id={ids.residentAware}
        legend={t("report.residentAware")}
        value={v.residentAware}
        onChange={set("residentAware")}
        error={errors[ids.residentAware]}
        options={[
          { value: "yes", label: t("report.residentAware.yes") },
          { value: "no", label: t("report.residentAware.no") },
        ]}
      />
      <Fieldset>
        <FieldsetLegend>{t("report.you")}</FieldsetLegend>
        <div className="ww-choice">
          <Checkbox
            id="report-anonymous"
            name="report-anonymous"
            checked={v.anonymous}
            aria-describedby="report-anonymous-hint"
            onChange={(event) => setV((old) => ({ ...old, anonymous: event.target.checked }))}
          />
          <FormLabel htmlFor="report-anonymous" type="checkbox">
            {t("report.anonymous")}
          </FormLabel>
        </div>
        <Paragraph appearance="small" id="report-anonymous-hint">
          {t("report.anonymousHint")}
        </Paragraph>
        {!v.anonymous && (
          <>
            <Field id={ids.reporterName} label={t("report.reporterName")} hint={t("report.optional")}>
              <Textbox {...text("reporterName", ids.reporterName, true)} autoComplete="name" />
            </Field>
            <Field
              id={ids.reporterPhone}
              label={t("report.reporterPhone")}
              hint={t("report.optional")}
              error={errors[ids.reporterPhone]}
            >
              <Textbox {...text("reporterPhone", ids.reporterPhone, true)} type="tel" autoComplete="tel" />
            </Field>
            <Field
              id={ids.reporterEmail}
              label={t("report.reporterEmail")}
              hint={t("report.optional")}
              error={errors[ids.reporterEmail]}
            >
              <Textbox
                {...text("reporterEmail", ids.reporterEmail, true)}
                type="email"
                autoComplete="email"
              />
            </Field>
          </>
        )}
      </Fieldset>
      <Paragraph appearance="small">{t("report.privacy")}</Paragraph>
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {t("report.submit")}
      </Button>
    </form>
  );
}
