import { Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { todayIso } from "../../i18n/format.ts";
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from "../../ui/fields.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { options, t } from "./labels.ts";
import type { CaseFile, Dossier, ZrmInstrument } from "./types.ts";
import { domainsOf } from "./useDossier.ts";
import { initialZrm, toAssessment, validateScored, ZrmFields } from "./ZrmForm.tsx";

interface CaseFormProps {
  dossier: Dossier;
  instrument: ZrmInstrument;
  current: CaseFile;
  done(message?: string): Promise<void>;
  reload(): Promise<void>;
  primary?: boolean;
}

const inWeeks = (weeks: number) => {
  const date = new Date(`${todayIso()}T12:00:00`);
  date.setDate(date.getDate() + weeks * 7);
  return date.toISOString().slice(0, 10);
};

/** Vraagverheldering: the request in the resident's words and the question behind it; the case moves to intake. */
export function IntakeForm({ dossier, instrument, current, done, reload, primary }: CaseFormProps) {
  const domains = domainsOf(dossier, instrument);
  const [v, setV] = useState({
    conversationDate: todayIso(),
    location: "homeVisit",
    requestInOwnWords: "",
    underlyingQuestion: "",
    ownStrengths: "",
    networkSummary: "",
    urgency: "normal",
    safetyConcerns: "",
  });
  const [lifeDomains, setLifeDomains] = useState<string[]>([]);
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  return (
    <ActionForm
      id="intake"
      title={t("dossier.recordIntake")}
      reload={reload}
      primary={primary}
      onSubmit={async () => {
        await api.post(`/api/cases/${current.id}/intake`, {
          version: current.version,
          ...v,
          ownStrengths: v.ownStrengths || null,
          networkSummary: v.networkSummary || null,
          safetyConcerns: v.safetyConcerns || null,
          lifeDomains,
        });
        await done(t("workspace.saved.intake"));
      }}
    >
      <TextAreaField
        id="intake-request"
        label={t("dossier.requestInOwnWords")}
        value={v.requestInOwnWords}
        onChange={set("requestInOwnWords")}
        required
      />
      <TextAreaField
        id="intake-underlying"
        label={t("dossier.underlyingQuestion")}
        value={v.underlyingQuestion}
        onChange={set("underlyingQuestion")}
        required
      />
      <Fieldset>
        <FieldsetLegend>{t("dossier.lifeDomains")}</FieldsetLegend>
        <div className="ww-columns">
          {domains.map((dom) => (
            <CheckboxField
              key={dom.key}
              id={`intake-domain-${dom.key}`}
              label={dom.name}
              checked={lifeDomains.includes(dom.key)}
              onChange={(on) =>
                setLifeDomains(on ? [...lifeDomains, dom.key] : lifeDomains.filter((x) => x !== dom.key))
              }
            />
          ))}
        </div>
      </Fieldset>
      <RadioGroupField
        id="intake-urgency"
        legend={t("dossier.urgency")}
        value={v.urgency}
        onChange={set("urgency")}
        options={options("urgencyName")}
        required
        inline
      />
      <TextField
        id="intake-date"
        type="date"
        label={t("dossier.conversationDate")}
        value={v.conversationDate}
        onChange={set("conversationDate")}
        required
      />
      <RadioGroupField
        id="intake-location"
        legend={t("dossier.location")}
        value={v.location}
        onChange={set("location")}
        options={options("locationName")}
        required
        inline
      />
      <TextAreaField
        id="intake-strengths"
        label={t("dossier.ownStrengths")}
        value={v.ownStrengths}
        onChange={set("ownStrengths")}
      />
      <TextAreaField
        id="intake-network"
        label={t("dossier.networkSummary")}
        value={v.networkSummary}
        onChange={set("networkSummary")}
      />
      <TextAreaField
        id="intake-safety"
        label={t("dossier.safetyConcerns")}
        value={v.safetyConcerns}
        onChange={set("safetyConcerns")}
      />
    </ActionForm>
  );
}

/**
 * Closure (§1.11) with every required field marked: the final ZRM starts from the last assessment and the
 * aftercare contact from six weeks ahead, so only what is new has to be chosen or typed.
 */
export function CloseForm({ dossier, instrument, current, done, reload }: CaseFormProps) {
  const domains = domainsOf(dossier, instrument);
  const descriptions = instrument.descriptions.filter((x) => x.zrmVersion === dossier.zrmVersion);
  const [v, setV] = useState({
    reason: "",
    escalationPrevented: "",
    escalationExplanation: "",
    residentInformedHow: "",
    aftercareDate: inWeeks(6),
  });
  const [informed, setInformed] = useState(true);
  const [zrm, setZrm] = useState<Record<string, string>>(() => initialZrm(dossier, todayIso()));
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  return (
    <ActionForm
      id="close"
      title={t("dossier.close")}
      reload={reload}
      validate={() => validateScored("close-zrm", domains, zrm)}
      onSubmit={async () => {
        await api.post(`/api/cases/${current.id}/close`, {
          version: current.version,
          reason: v.reason || null,
          escalationPrevented: v.escalationPrevented || null,
          escalationExplanation: v.escalationExplanation || null,
          residentInformed: informed,
          residentInformedHow: v.residentInformedHow || null,
          aftercareDate: v.aftercareDate || null,
          finalAssessment: toAssessment(domains, zrm),
        });
        await done(t("workspace.saved.closed"));
      }}
    >
      <Paragraph>{t("dossier.closeIntro")}</Paragraph>
      <RadioGroupField
        id="close-reason"
        legend={t("dossier.reason")}
        value={v.reason}
        onChange={set("reason")}
        options={options("closureReason")}
        required
      />
      <RadioGroupField
        id="close-escalation"
        legend={t("dossier.escalationPrevented")}
        value={v.escalationPrevented}
        onChange={set("escalationPrevented")}
        options={options("escalationName")}
        required
        inline
      />
      <TextAreaField
        id="close-explanation"
        label={t("workspace.escalationExplanation")}
        value={v.escalationExplanation}
        onChange={set("escalationExplanation")}
        required
      />
      <CheckboxField
        id="close-informed"
        label={t("dossier.residentInformed")}
        checked={informed}
        onChange={setInformed}
      />
      <TextAreaField
        id="close-how"
        label={informed ? t("dossier.residentInformedHow") : t("workspace.notInformedWhy")}
        value={v.residentInformedHow}
        onChange={set("residentInformedHow")}
        required
      />
      <TextField
        id="close-aftercare"
        type="date"
        label={t("dossier.aftercareDate")}
        hint={t("workspace.aftercareHint")}
        value={v.aftercareDate}
        onChange={set("aftercareDate")}
        required
      />
      <Fieldset>
        <FieldsetLegend>
          {t("dossier.finalZrm")}
          <span className="ww-required"> {t("form.required")}</span>
        </FieldsetLegend>
        <Paragraph>{t("workspace.finalZrmHint")}</Paragraph>
        <ZrmFields
          prefix="close-zrm"
          dossier={dossier}
          domains={domains}
          descriptions={descriptions}
          value={zrm}
          onChange={setZrm}
        />
      </Fieldset>
    </ActionForm>
  );
}

/** A contact in the journal: kind, date, who was there and what was discussed. */
export function JournalForm({
  dossier,
  caseId,
  done,
  primary,
}: {
  dossier: Dossier;
  caseId: string | null;
  done(message?: string): Promise<void>;
  primary?: boolean;
}) {
  const [v, setV] = useState({ kind: "homeVisit", occurredOn: todayIso(), participants: "", text: "" });
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  if (!dossier.allowed.writeJournal) return null;
  return (
    <ActionForm
      id="journal"
      title={t("dossier.addJournal")}
      primary={primary}
      onSubmit={async () => {
        await api.post(`/api/households/${dossier.id}/journal`, {
          ...v,
          caseId,
          participants: v.participants || null,
        });
        setV({ kind: v.kind, occurredOn: todayIso(), participants: "", text: "" });
        await done(t("workspace.saved.journal"));
      }}
    >
      <RadioGroupField
        id="journal-kind"
        legend={t("dossier.kind")}
        value={v.kind}
        onChange={set("kind")}
        options={options("journalKind")}
        required
        inline
      />
      <TextAreaField
        id="journal-text"
        label={t("dossier.text")}
        value={v.text}
        onChange={set("text")}
        required
        rows={5}
      />
      <TextField
        id="journal-date"
        type="date"
        label={t("dossier.occurredOn")}
        value={v.occurredOn}
        onChange={set("occurredOn")}
        required
      />
      <TextField
        id="journal-participants"
        label={t("dossier.participants")}
        value={v.participants}
        onChange={set("participants")}
      />
    </ActionForm>
  );
}
