import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { SIGNAL_CATEGORIES } from "../../../../server/src/modules/signals/signals.vocabulary.ts";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { formatDate, label, type Neighbourhood, urgencies } from "./signalLabels.ts";

interface ReporterSignal {
  id: string;
  referenceCode: string;
  personName: string | null;
  address: string | null;
  neighbourhoodName: string | null;
  category: string;
  receivedAt: string;
  status: string;
  statusDate: string;
}

/** A partner (ketenpartner) reports a signal and follows the status of their own signals. */
export function SignalsPage() {
  const mine = useResource<{ items: ReporterSignal[] }>("/api/signals/mine");
  return (
    <>
      <PageTitle>{t("signals.title")}</PageTitle>
      <Paragraph>{t("signals.intro")}</Paragraph>
      <SignalForm onSubmitted={mine.reload} />
      <Heading2 id="mine">{t("signals.mine")}</Heading2>
      <ErrorMessage message={mine.error} />
      {!mine.data ? (
        !mine.error && <Loading />
      ) : mine.data.items.length === 0 ? (
        <Paragraph>{t("signals.none")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("signals.mineCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("signals.reference")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.about")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.category")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.received")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("signals.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mine.data.items.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.referenceCode}</TableCell>
                <TableCell>
                  {[s.personName, s.address, s.neighbourhoodName].filter(Boolean).join(", ")}
                </TableCell>
                <TableCell>{label("category", s.category)}</TableCell>
                <TableCell>{formatDate(s.receivedAt)}</TableCell>
                <TableCell>
                  {label("status", s.status)} ({formatDate(s.statusDate)})
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function SignalForm({ onSubmitted }: { onSubmitted(): Promise<void> }) {
  const areas = useResource<{ items: (Neighbourhood & { kind: string })[] }>("/api/areas");
  const empty = {
    subject: "person",
    personName: "",
    postcode: "",
    houseNumber: "",
    street: "",
    neighbourhoodCode: "",
    category: "",
    urgency: "normal",
    observation: "",
    residentAware: "",
    reporterPhone: "",
  };
  const [v, setV] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (value: string) => setV((old) => ({ ...old, [key]: value }));
  const form = useSubmit(async () => {
    setSaved(null);
    const person = v.subject === "person";
    const created = await api.post<{ referenceCode: string }>("/api/signals", {
      subject: v.subject,
      personName: person ? v.personName : null,
      postcode: person ? v.postcode : null,
      houseNumber: person && v.houseNumber ? Number(v.houseNumber) : null,
      street: v.street || null,
      neighbourhoodCode: v.neighbourhoodCode || null,
      category: v.category,
      urgency: v.urgency,
      observation: v.observation,
      residentAware: v.residentAware === "yes",
      reporterPhone: v.reporterPhone || null,
    });
    setSaved(t("signals.submitted", { code: created.referenceCode }));
    setV(empty);
    await onSubmitted();
  });
  const buurten = (areas.data?.items ?? []).filter((a) => a.kind === "neighbourhood");
  return (
    <form onSubmit={form.onSubmit} aria-labelledby="new-signal" className="ww-form">
      <Heading2 id="new-signal">{t("signals.new")}</Heading2>
      <ErrorMessage message={form.error ?? areas.error} />
      <SuccessMessage message={saved} />
      <SelectField
        id="signal-subject"
        label={t("signals.subject")}
        value={v.subject}
        onChange={set("subject")}
        required
        options={[
          { value: "person", label: t("signals.subject.person") },
          { value: "place", label: t("signals.subject.place") },
        ]}
      />
      {v.subject === "person" && (
        <>
          <TextField
            id="signal-person"
            label={t("signals.personName")}
            value={v.personName}
            onChange={set("personName")}
            required
          />
          <TextField
            id="signal-postcode"
            label={t("signals.postcode")}
            value={v.postcode}
            onChange={set("postcode")}
            autoComplete="off"
            required
          />
          <TextField
            id="signal-house-number"
            type="number"
            min={1}
            label={t("signals.houseNumber")}
            value={v.houseNumber}
            onChange={set("houseNumber")}
            required
          />
        </>
      )}
      <TextField id="signal-street" label={t("signals.street")} value={v.street} onChange={set("street")} />
      <SelectField
        id="signal-neighbourhood"
        label={t("signals.neighbourhood")}
        value={v.neighbourhoodCode}
        onChange={set("neighbourhoodCode")}
        required
        placeholder={t("form.choose")}
        options={buurten.map((b) => ({ value: b.code, label: b.name }))}
      />
      <SelectField
        id="signal-category"
        label={t("signals.category")}
        value={v.category}
        onChange={set("category")}
        required
        placeholder={t("form.choose")}
        options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: label("category", c) }))}
      />
      {(v.category === "domesticViolence" || v.category === "childConcern") && (
        <Paragraph>{t("signals.meldcodeWarning")}</Paragraph>
      )}
      <SelectField
        id="signal-urgency"
        label={t("signals.urgency")}
        value={v.urgency}
        onChange={set("urgency")}
        required
        options={urgencies.map((u) => ({ value: u, label: label("urgency", u) }))}
      />
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="signal-observation">
          {t("signals.observation")} <span className="ww-required">{t("form.required")}</span>
        </label>
        <p className="utrecht-form-field-description" id="signal-observation-hint">
          {t("signals.observationHint")}
        </p>
        <Textarea
          id="signal-observation"
          value={v.observation}
          required
          aria-describedby="signal-observation-hint"
          onChange={(e) => set("observation")(e.target.value)}
        />
      </div>
      <SelectField
        id="signal-aware"
        label={t("signals.residentAware")}
        value={v.residentAware}
        onChange={set("residentAware")}
        required
        placeholder={t("form.choose")}
        options={[
          { value: "yes", label: t("signals.yes") },
          { value: "no", label: t("signals.no") },
        ]}
      />
      <TextField
        id="signal-phone"
        type="tel"
        label={t("signals.reporterPhone")}
        value={v.reporterPhone}
        onChange={set("reporterPhone")}
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("signals.submit")}
      </Button>
    </form>
  );
}
