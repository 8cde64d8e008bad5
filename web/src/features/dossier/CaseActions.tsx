import { Button, Fieldset, FieldsetLegend } from "@utrecht/component-library-react";
import { type ReactNode, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import {
  closureReasons,
  d,
  escalationLabels,
  journalKinds,
  levelNames,
  locationLabels,
  statusLabels,
  urgencyLabels,
} from "./messages.ts";
import { CheckboxField, TextAreaField } from "./TextAreaField.tsx";
import { type CaseFile, type Dossier, type TeamMember, today } from "./types.ts";

type Domains = { key: string; name: string }[];
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** One action as a disclosure with a form; the server's Dutch message appears on failure. */
function ActionForm({
  id,
  title,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  onSubmit(): Promise<void>;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const form = useSubmit(async () => {
    await onSubmit();
    // Saved: fold the form away; the page shows the result and a status message.
    if (details.current) details.current.open = false;
  });
  return (
    <details className="ww-action" ref={details}>
      <summary>{title}</summary>
      <form onSubmit={form.onSubmit} className="ww-form" aria-label={title} id={id}>
        <ErrorMessage message={form.error} />
        {children}
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {title}
        </Button>
      </form>
    </details>
  );
}

function useTeamMembers(teamId: string) {
  const team = useResource<{ members: TeamMember[] }>(`/api/teams/${teamId}`);
  return (team.data?.members ?? []).filter((m) => m.role === "professional" || m.role === "teamLead");
}

export function OpenCaseForm({
  dossier,
  teamId,
  done,
}: {
  dossier: Dossier;
  teamId: string;
  done(): Promise<void>;
}) {
  const members = useTeamMembers(teamId);
  const [lead, setLead] = useState("");
  const [decidedBy, setDecidedBy] = useState("");
  const [grounds, setGrounds] = useState("");
  const people = members.map((m) => ({ value: m.userId, label: m.displayName }));
  return (
    <ActionForm
      id="open-case"
      title={d("openCase")}
      onSubmit={async () => {
        await api.post(`/api/households/${dossier.id}/cases`, {
          teamId,
          caseLeadUserId: lead,
          decidedByUserId: decidedBy || undefined,
          allocationGrounds: grounds,
        });
        await done();
      }}
    >
      <SelectField
        id="open-lead"
        label={d("caseLead")}
        value={lead}
        onChange={setLead}
        options={people}
        placeholder={d("choose")}
        required
      />
      <SelectField
        id="open-decided"
        label={d("decidedBy")}
        value={decidedBy}
        onChange={setDecidedBy}
        options={people}
        placeholder={d("choose")}
      />
      <TextAreaField
        id="open-grounds"
        label={d("allocationGrounds")}
        value={grounds}
        onChange={setGrounds}
        required
      />
    </ActionForm>
  );
}

export function CaseActions({
  c,
  dossier,
  domains,
  done,
}: {
  c: CaseFile;
  dossier: Dossier;
  domains: Domains;
  done(): Promise<void>;
}) {
  const members = useTeamMembers(c.teamId);
  const post = async (path: string, body: object) => {
    await api.post(`/api/cases/${c.id}/${path}`, { version: c.version, ...body });
    await done();
  };
  const [status, setStatus] = useState("");
  const [statusNote, setStatusNote] = useState("");
  const [to, setTo] = useState("");
  const [handoverNote, setHandoverNote] = useState("");
  const [involveUser, setInvolveUser] = useState("");
  const [involveRole, setInvolveRole] = useState("");
  const [reopenReason, setReopenReason] = useState("");
  const people = members.map((m) => ({ value: m.userId, label: m.displayName }));
  if (!dossier.allowed.write) return null;
  if (c.status === "closed") {
    return (
      <ActionForm id="reopen" title={d("reopen")} onSubmit={() => post("reopen", { reason: reopenReason })}>
        <TextAreaField
          id="reopen-reason"
          label={d("reopenReason")}
          value={reopenReason}
          onChange={setReopenReason}
          required
        />
      </ActionForm>
    );
  }
  return (
    <>
      {c.nextStatuses.length > 0 && (
        <ActionForm
          id="status"
          title={d("changeStatus")}
          onSubmit={() => post("status", { status, note: statusNote || null })}
        >
          <SelectField
            id="status-new"
            label={d("newStatus")}
            value={status}
            onChange={setStatus}
            options={c.nextStatuses.map((s) => ({ value: s, label: statusLabels[s] ?? s }))}
            placeholder={d("choose")}
            required
          />
          <TextField id="status-note" label={d("note")} value={statusNote} onChange={setStatusNote} />
        </ActionForm>
      )}
      <IntakeForm domains={domains} onSave={(body) => post("intake", body)} />
      <ZrmForm
        dossier={dossier}
        domains={domains}
        id="zrm"
        title={d("recordZrm")}
        onSave={async (body) => {
          await api.post(`/api/cases/${c.id}/assessments`, body);
          await done();
        }}
      />
      <ActionForm
        id="handover"
        title={d("handover")}
        onSubmit={() => post("handover", { toUserId: to, note: handoverNote })}
      >
        <SelectField
          id="handover-to"
          label={d("newCaseLead")}
          value={to}
          onChange={setTo}
          options={people.filter((p) => p.value !== c.caseLead?.id)}
          placeholder={d("choose")}
          required
        />
        <TextAreaField
          id="handover-note"
          label={d("handoverNote")}
          value={handoverNote}
          onChange={setHandoverNote}
          required
        />
      </ActionForm>
      <ActionForm
        id="involve"
        title={d("involve")}
        onSubmit={() => post("professionals", { userId: involveUser, roleInCase: involveRole })}
      >
        <SelectField
          id="involve-user"
          label={d("professionals")}
          value={involveUser}
          onChange={setInvolveUser}
          options={people}
          placeholder={d("choose")}
          required
        />
        <TextField
          id="involve-role"
          label={d("roleInCase")}
          value={involveRole}
          onChange={setInvolveRole}
          required
        />
      </ActionForm>
      <CloseForm dossier={dossier} domains={domains} onSave={(body) => post("close", body)} />
    </>
  );
}

function IntakeForm({ domains, onSave }: { domains: Domains; onSave(body: object): Promise<void> }) {
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
    <ActionForm id="intake" title={d("recordIntake")} onSubmit={() => onSave({ ...v, lifeDomains })}>
      <TextField
        id="intake-date"
        type="date"
        label={d("conversationDate")}
        value={v.conversationDate}
        onChange={set("conversationDate")}
        required
      />
      <SelectField
        id="intake-location"
        label={d("location")}
        value={v.location}
        onChange={set("location")}
        options={options(locationLabels)}
        required
      />
      <TextAreaField
        id="intake-request"
        label={d("requestInOwnWords")}
        value={v.requestInOwnWords}
        onChange={set("requestInOwnWords")}
        required
      />
      <TextAreaField
        id="intake-underlying"
        label={d("underlyingQuestion")}
        value={v.underlyingQuestion}
        onChange={set("underlyingQuestion")}
        required
      />
      <Fieldset>
        <FieldsetLegend>{d("lifeDomains")}</FieldsetLegend>
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
        label={d("ownStrengths")}
        value={v.ownStrengths}
        onChange={set("ownStrengths")}
      />
      <TextAreaField
        id="intake-network"
        label={d("networkSummary")}
        value={v.networkSummary}
        onChange={set("networkSummary")}
      />
      <SelectField
        id="intake-urgency"
        label={d("urgency")}
        value={v.urgency}
        onChange={set("urgency")}
        options={options(urgencyLabels)}
        required
      />
      <TextAreaField
        id="intake-safety"
        label={d("safetyConcerns")}
        value={v.safetyConcerns}
        onChange={set("safetyConcerns")}
      />
    </ActionForm>
  );
}

interface ZrmValue {
  residentId: string;
  assessedOn: string;
  scores: { domain: string; level: number; residentLevel: number | null; note: string | null }[];
}

function ZrmFields({
  prefix,
  dossier,
  domains,
  value,
  onChange,
}: {
  prefix: string;
  dossier: Dossier;
  domains: Domains;
  value: Record<string, string>;
  onChange(v: Record<string, string>): void;
}) {
  const set = (key: string) => (v: string) => onChange({ ...value, [key]: v });
  const levels = [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `${l} – ${levelNames[l]}` }));
  return (
    <>
      <SelectField
        id={`${prefix}-resident`}
        label={d("resident")}
        value={value.residentId ?? ""}
        onChange={set("residentId")}
        options={dossier.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))}
        placeholder={d("choose")}
        required
      />
      <TextField
        id={`${prefix}-date`}
        type="date"
        label={d("assessedOn")}
        value={value.assessedOn ?? ""}
        onChange={set("assessedOn")}
        required
      />
      {domains.map((dom) => (
        <Fieldset key={dom.key}>
          <FieldsetLegend>{dom.name}</FieldsetLegend>
          <SelectField
            id={`${prefix}-${dom.key}`}
            label={`${d("level")} ${dom.name}`}
            value={value[dom.key] ?? ""}
            onChange={set(dom.key)}
            options={levels}
            placeholder={d("notScored")}
          />
          <SelectField
            id={`${prefix}-${dom.key}-resident`}
            label={`${d("residentLevel")} ${dom.name}`}
            value={value[`${dom.key}:resident`] ?? ""}
            onChange={set(`${dom.key}:resident`)}
            options={levels}
            placeholder={d("notScored")}
          />
        </Fieldset>
      ))}
    </>
  );
}

function toAssessment(domains: Domains, value: Record<string, string>): ZrmValue {
  return {
    residentId: value.residentId ?? "",
    assessedOn: value.assessedOn ?? "",
    scores: domains
      .filter((dom) => value[dom.key])
      .map((dom) => ({
        domain: dom.key,
        level: Number(value[dom.key]),
        residentLevel: value[`${dom.key}:resident`] ? Number(value[`${dom.key}:resident`]) : null,
        note: null,
      })),
  };
}

function ZrmForm({
  id,
  title,
  dossier,
  domains,
  onSave,
}: {
  id: string;
  title: string;
  dossier: Dossier;
  domains: Domains;
  onSave(body: ZrmValue): Promise<void>;
}) {
  const [value, setValue] = useState<Record<string, string>>({
    residentId: dossier.members[0]?.id ?? "",
    assessedOn: today(),
  });
  return (
    <ActionForm id={id} title={title} onSubmit={() => onSave(toAssessment(domains, value))}>
      <ZrmFields prefix={id} dossier={dossier} domains={domains} value={value} onChange={setValue} />
    </ActionForm>
  );
}

function CloseForm({
  dossier,
  domains,
  onSave,
}: {
  dossier: Dossier;
  domains: Domains;
  onSave(body: object): Promise<void>;
}) {
  const [v, setV] = useState({
    reason: "",
    escalationPrevented: "",
    escalationExplanation: "",
    residentInformedHow: "",
    aftercareDate: "",
  });
  const [informed, setInformed] = useState(false);
  const [zrm, setZrm] = useState<Record<string, string>>({
    residentId: dossier.members[0]?.id ?? "",
    assessedOn: today(),
  });
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value });
  return (
    <ActionForm
      id="close"
      title={d("close")}
      onSubmit={() =>
        onSave({
          reason: v.reason || null,
          escalationPrevented: v.escalationPrevented || null,
          escalationExplanation: v.escalationExplanation || null,
          residentInformed: informed,
          residentInformedHow: v.residentInformedHow || null,
          aftercareDate: v.aftercareDate || null,
          finalAssessment: toAssessment(domains, zrm),
        })
      }
    >
      <SelectField
        id="close-reason"
        label={d("reason")}
        value={v.reason}
        onChange={set("reason")}
        options={options(closureReasons)}
        placeholder={d("choose")}
        required
      />
      <SelectField
        id="close-escalation"
        label={d("escalationPrevented")}
        value={v.escalationPrevented}
        onChange={set("escalationPrevented")}
        options={options(escalationLabels)}
        placeholder={d("choose")}
        required
      />
      <TextAreaField
        id="close-explanation"
        label={d("escalationExplanation")}
        value={v.escalationExplanation}
        onChange={set("escalationExplanation")}
        required
      />
      <CheckboxField
        id="close-informed"
        label={d("residentInformed")}
        checked={informed}
        onChange={setInformed}
      />
      <TextAreaField
        id="close-how"
        label={d("residentInformedHow")}
        value={v.residentInformedHow}
        onChange={set("residentInformedHow")}
        required
      />
      <TextField
        id="close-aftercare"
        type="date"
        label={d("aftercareDate")}
        value={v.aftercareDate}
        onChange={set("aftercareDate")}
        required
      />
      <Fieldset>
        <FieldsetLegend>{d("finalZrm")}</FieldsetLegend>
        <ZrmFields prefix="close-zrm" dossier={dossier} domains={domains} value={zrm} onChange={setZrm} />
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
      title={d("addJournal")}
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
        label={d("kind")}
        value={v.kind}
        onChange={set("kind")}
        options={options(journalKinds)}
        required
      />
      <TextField
        id="journal-date"
        type="date"
        label={d("occurredOn")}
        value={v.occurredOn}
        onChange={set("occurredOn")}
        required
      />
      <TextField
        id="journal-participants"
        label={d("participants")}
        value={v.participants}
        onChange={set("participants")}
      />
      <TextAreaField id="journal-text" label={d("text")} value={v.text} onChange={set("text")} required />
    </ActionForm>
  );
}
