import { useState } from "react";
import { api } from "../../api/client.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ActionForm, useTeamMembers } from "./ActionForm.tsx";
import { CloseForm, IntakeForm } from "./CaseRecordForms.tsx";
import { EndInvolvementForm } from "./EndInvolvementForm.tsx";
import { label, t } from "./labels.ts";
import { TextAreaField } from "./TextAreaField.tsx";
import type { CaseFile, Dossier } from "./types.ts";
import { type Domains, type LevelDescriptions, ZrmForm } from "./ZrmForm.tsx";

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
      title={t("dossier.openCase")}
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
        label={t("dossier.caseLead")}
        value={lead}
        onChange={setLead}
        options={people}
        placeholder={t("dossier.choose")}
        required
      />
      <SelectField
        id="open-decided"
        label={t("dossier.decidedBy")}
        value={decidedBy}
        onChange={setDecidedBy}
        options={people}
        placeholder={t("dossier.choose")}
      />
      <TextAreaField
        id="open-grounds"
        label={t("dossier.allocationGrounds")}
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
  descriptions,
  done,
  reload,
}: {
  c: CaseFile;
  dossier: Dossier;
  domains: Domains;
  descriptions: LevelDescriptions;
  done(): Promise<void>;
  reload(): Promise<void>;
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
      <ActionForm
        id="reopen"
        reload={reload}
        title={t("dossier.reopen")}
        onSubmit={() => post("reopen", { reason: reopenReason })}
      >
        <TextAreaField
          id="reopen-reason"
          label={t("dossier.reopenReason")}
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
          reload={reload}
          title={t("dossier.changeStatus")}
          onSubmit={() => post("status", { status, note: statusNote || null })}
        >
          <SelectField
            id="status-new"
            label={t("dossier.newStatus")}
            value={status}
            onChange={setStatus}
            options={c.nextStatuses.map((s) => ({ value: s, label: label("caseStatus", s) }))}
            placeholder={t("dossier.choose")}
            required
          />
          <TextField id="status-note" label={t("dossier.note")} value={statusNote} onChange={setStatusNote} />
        </ActionForm>
      )}
      <IntakeForm domains={domains} reload={reload} onSave={(body) => post("intake", body)} />
      <ZrmForm
        dossier={dossier}
        domains={domains}
        descriptions={descriptions}
        id="zrm"
        title={t("dossier.recordZrm")}
        onSave={async (body) => {
          await api.post(`/api/cases/${c.id}/assessments`, body);
          await done();
        }}
      />
      <ActionForm
        id="handover"
        reload={reload}
        title={t("dossier.handover")}
        onSubmit={() => post("handover", { toUserId: to, note: handoverNote })}
      >
        <SelectField
          id="handover-to"
          label={t("dossier.newCaseLead")}
          value={to}
          onChange={setTo}
          options={people.filter((p) => p.value !== c.caseLead?.id)}
          placeholder={t("dossier.choose")}
          required
        />
        <TextAreaField
          id="handover-note"
          label={t("dossier.handoverNote")}
          value={handoverNote}
          onChange={setHandoverNote}
          required
        />
      </ActionForm>
      <ActionForm
        id="involve"
        reload={reload}
        title={t("dossier.involve")}
        onSubmit={() => post("professionals", { userId: involveUser, roleInCase: involveRole })}
      >
        <SelectField
          id="involve-user"
          label={t("dossier.professionals")}
          value={involveUser}
          onChange={setInvolveUser}
          options={people}
          placeholder={t("dossier.choose")}
          required
        />
        <TextField
          id="involve-role"
          label={t("dossier.roleInCase")}
          value={involveRole}
          onChange={setInvolveRole}
          required
        />
      </ActionForm>
      <EndInvolvementForm c={c} done={done} reload={reload} />
      <CloseForm
        dossier={dossier}
        domains={domains}
        descriptions={descriptions}
        reload={reload}
        onSave={(body) => post("close", body)}
      />
    </>
  );
}
