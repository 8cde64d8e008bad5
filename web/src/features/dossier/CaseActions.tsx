import { useState } from "react";
import { api } from "../../api/client.ts";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/fields.tsx";
import { ActionForm, useTeamMembers } from "./ActionForm.tsx";
import { label, t } from "./labels.ts";
import type { CaseFile, Dossier } from "./types.ts";

/**
 * Aanmelding in one step: the team of the household, the user as case lead unless another is chosen,
 * and the grounds (the mandate is recorded with who decided).
 */
export function OpenCaseForm({
  dossier,
  done,
  primary,
}: {
  dossier: Dossier;
  done(message?: string): Promise<void>;
  primary?: boolean;
}) {
  const session = useAuthenticatedSession();
  const teamId = session.teams.some((x) => x.id === dossier.registeredByTeamId)
    ? dossier.registeredByTeamId
    : (session.teams[0]?.id ?? "");
  const members = useTeamMembers(teamId);
  const [lead, setLead] = useState("");
  const [grounds, setGrounds] = useState("");
  const me = members.find((m) => m.userId === session.user.id);
  const chosenLead = lead || me?.userId || "";
  const people = members.map((m) => ({
    value: m.userId,
    label: m.userId === session.user.id ? `${m.displayName} ${t("dossier.mine")}` : m.displayName,
  }));
  return (
    <ActionForm
      id="open-case"
      title={t("dossier.openCase")}
      primary={primary}
      onSubmit={async () => {
        await api.post(`/api/households/${dossier.id}/cases`, {
          teamId,
          caseLeadUserId: chosenLead,
          allocationGrounds: grounds,
        });
        await done(t("workspace.saved.caseOpened"));
      }}
    >
      <SelectField
        id="open-lead"
        label={t("dossier.caseLead")}
        value={chosenLead}
        onChange={setLead}
        options={people}
        placeholder={t("dossier.choose")}
        required
      />
      <TextAreaField
        id="open-grounds"
        label={t("dossier.allocationGrounds")}
        hint={t("workspace.groundsHint")}
        value={grounds}
        onChange={setGrounds}
        required
      />
    </ActionForm>
  );
}

type Post = (path: string, body: object, message: string) => Promise<void>;

/** Moving the status by hand is rarely needed (the work moves it); going back a step stays possible. */
export function StatusForm({ c, post, reload }: { c: CaseFile; post: Post; reload(): Promise<void> }) {
  const [status, setStatus] = useState("");
  const [note, setNote] = useState("");
  if (c.nextStatuses.length === 0) return null;
  return (
    <ActionForm
      id="status"
      reload={reload}
      title={t("dossier.changeStatus")}
      onSubmit={() => post("status", { status, note: note || null }, t("workspace.saved.status"))}
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
      <TextField id="status-note" label={t("dossier.note")} value={note} onChange={setNote} />
    </ActionForm>
  );
}

export function HandoverForm({ c, post, reload }: { c: CaseFile; post: Post; reload(): Promise<void> }) {
  const members = useTeamMembers(c.teamId);
  const [to, setTo] = useState("");
  const [note, setNote] = useState("");
  const people = members
    .filter((m) => m.userId !== c.caseLead?.id)
    .map((m) => ({ value: m.userId, label: m.displayName }));
  return (
    <ActionForm
      id="handover"
      reload={reload}
      title={t("dossier.handover")}
      onSubmit={() => post("handover", { toUserId: to, note }, t("workspace.saved.handover"))}
    >
      <SelectField
        id="handover-to"
        label={t("dossier.newCaseLead")}
        value={to}
        onChange={setTo}
        options={people}
        placeholder={t("dossier.choose")}
        required
      />
      <TextAreaField
        id="handover-note"
        label={t("dossier.handoverNote")}
        value={note}
        onChange={setNote}
        required
      />
    </ActionForm>
  );
}

export function InvolveForm({ c, post, reload }: { c: CaseFile; post: Post; reload(): Promise<void> }) {
  const members = useTeamMembers(c.teamId);
  const [user, setUser] = useState("");
  const [role, setRole] = useState("");
  return (
    <ActionForm
      id="involve"
      reload={reload}
      title={t("dossier.involve")}
      onSubmit={() =>
        post("professionals", { userId: user, roleInCase: role }, t("workspace.saved.involved"))
      }
    >
      <SelectField
        id="involve-user"
        label={t("dossier.professionals")}
        value={user}
        onChange={setUser}
        options={members.map((m) => ({ value: m.userId, label: m.displayName }))}
        placeholder={t("dossier.choose")}
        required
      />
      <TextField id="involve-role" label={t("dossier.roleInCase")} value={role} onChange={setRole} required />
    </ActionForm>
  );
}

export function ReopenForm({ post, reload }: { post: Post; reload(): Promise<void> }) {
  const [reason, setReason] = useState("");
  return (
    <ActionForm
      id="reopen"
      reload={reload}
      title={t("dossier.reopen")}
      onSubmit={() => post("reopen", { reason }, t("workspace.saved.reopened"))}
    >
      <TextAreaField
        id="reopen-reason"
        label={t("dossier.reopenReason")}
        value={reason}
        onChange={setReason}
        required
      />
    </ActionForm>
  );
}
