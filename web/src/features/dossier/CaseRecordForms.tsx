import { Fieldset, FieldsetLegend } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { type ClosureProblem, ClosureProblems, closureProblems } from "./ClosureProblems.tsx";
import { options, t } from "./labels.ts";
import { CheckboxField, TextAreaField } from "./TextAreaField.tsx";
import { type Dossier, today } from "./types.ts";
import { type Domains, type LevelDescriptions, toAssessment, ZrmFields } from "./ZrmForm.tsx";

export function IntakeForm({
  domains,
  onSave,
  reload,
}: {
  domains: Domains;
  onSave(body: object): Promise<void>;
  reload(): Promise<void>;
}) {
  const [v, setV] = useState({
    conversationDate: today(),
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
      onSubmit={() => onSave({ ...v, lifeDomains })}
    >
      <TextField
        id="intake-date"
        type="date"
        label={t("dossier.conversationDate")}
        value={v.conversationDate}
        onChange={set("conversationDate")}
        required
      />
      <SelectField
        id="intake-location"
        label={t("dossier.location")}
        value={v.location}
        onChange={set("location")}
        options={options("locationName")}
        required
      />
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
      </Fieldset>
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
      <SelectField
        id="intake-urgency"
        label={t("dossier.urgency")}
        value={v.urgency}
        onChange={set("urgency")}
        options={options("urgencyName")}
        required
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

export function CloseForm({
  dossier,
  domains,
  descriptions,
  onSave,
  reload,
}: {
  dossier: Dossier;
  domains: Domains;
  descriptions: LevelDescriptions;
  onSave(body: object): Promise<void>;
  reload(): Promise<void>;
}) {
  const [v, setV] = useState({
    reason: "",
    escalationPrevented: "",
    escalationExplanation: "",
    residentInformedHow: "",
    aftercareDate: "",
  });
  const [informed, setInformed] = useState(false);
  const [problems, setProblems] = useState<ClosureProblem[] | null>(null);
  const [zrm, setZrm] = useState<Record<string, string>>({
    residentId: dossier.members[0]?.id ?? "",
    assessedOn: today(),
  });
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  return (
    <ActionForm
      id="close"
      title={t("dossier.close")}
      reload={reload}
      onSubmit={async () => {
        setProblems(null);
        try {
          await onSave({
            reason: v.reason || null,
            escalationPrevented: v.escalationPrevented || null,
            escalationExplanation: v.escalationExplanation || null,
            residentInformed: informed,
            residentInformedHow: v.residentInformedHow || null,
            aftercareDate: v.aftercareDate || null,
            finalAssessment: toAssessment(domains, zrm),
          });
        } catch (error) {
          setProblems(closureProblems(error));
          throw error;
        }
      }}
    >
      <ClosureProblems problems={problems} />
      <SelectField
        id="close-reason"
        label={t("dossier.reason")}
        value={v.reason}
        onChange={set("reason")}
        options={options("closureReason")}
        placeholder={t("dossier.choose")}
        required
      />
      <SelectField
        id="close-escalation"
        label={t("dossier.escalationPrevented")}
        value={v.escalationPrevented}
        onChange={set("escalationPrevented")}
        options={options("escalationName")}
        placeholder={t("dossier.choose")}
        required
      />
      <TextAreaField
        id="close-explanation"
        label={t("dossier.escalationExplanation")}
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
        label={t("dossier.residentInformedHow")}
        value={v.residentInformedHow}
        onChange={set("residentInformedHow")}
        required
      />
      <TextField
        id="close-aftercare"
        type="date"
        label={t("dossier.aftercareDate")}
        value={v.aftercareDate}
        onChange={set("aftercareDate")}
        required
      />
      <Fieldset id="close-zrm">
        <FieldsetLegend>{t("dossier.finalZrm")}</FieldsetLegend>
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

export function JournalForm({
  dossier,
  caseId,
  done,
}: {
  dossier: Dossier;
  caseId: string | null;
  done(): Promise<void>;
}) {
  const [v, setV] = useState({ kind: "homeVisit", occurredOn: today(), participants: "", text: "" });
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  if (!dossier.allowed.writeJournal) return null;
  return (
    <ActionForm
      id="journal"
      title={t("dossier.addJournal")}
      onSubmit={async () => {
        await api.post(`/api/households/${dossier.id}/journal`, {
          ...v,
          caseId,
          participants: v.participants || null,
        });
        await done();
      }}
    >
      <SelectField
        id="journal-kind"
        label={t("dossier.kind")}
        value={v.kind}
        onChange={set("kind")}
        options={options("journalKind")}
        required
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
      <TextAreaField
        id="journal-text"
        label={t("dossier.text")}
        value={v.text}
        onChange={set("text")}
        required
      />
    </ActionForm>
  );
}
