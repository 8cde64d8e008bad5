import {
  Button,
  Heading4,
  Heading5,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { TextAreaField } from "../dossier/TextAreaField.tsx";
import { label } from "./labels.ts";
import { ConfirmRemoval, PlanChangeError, usePlanChange } from "./planChange.tsx";
import type { Plan, PlanAction, PlanGoal } from "./types.ts";

const STATUSES = ["planned", "inProgress", "done", "cancelled"];
const statusOptions = STATUSES.map((s) => ({ value: s, label: label("actionStatus", s) }));

interface Props {
  plan: Plan;
  goal: PlanGoal;
  action: PlanAction;
  reload(): Promise<void>;
  onSaved(message: string): Promise<void>;
  onClose(): void;
}

/** One action: its progress notes; for a plan that may change also a progress note, a status, edits, removal. */
export function ActionEditor({ plan, goal, action, reload, onSaved, onClose }: Props) {
  const id = (field: string) => `action-${action.id}-${field}`;
  const write = plan.allowed.write;
  return (
    <section id={`action-${action.id}`} aria-labelledby={id("title")} className="ww-plan-editor">
      <Heading4 id={id("title")}>{t("plan.action.heading", { description: action.description })}</Heading4>
      <Heading5>{t("plan.progress")}</Heading5>
      {action.progress.length === 0 ? (
        <Paragraph>{t("plan.progress.none")}</Paragraph>
      ) : (
        <UnorderedList>
          {action.progress.map((p) => (
            <UnorderedListItem key={p.id}>
              {t("plan.progress.item", {
                date: p.writtenAt.slice(0, 10),
                name: p.writtenByName ?? "",
                note: p.note,
              })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {write && (
        <>
          <ProgressForm plan={plan} action={action} reload={reload} onSaved={onSaved} />
          <ChangeActionForm plan={plan} action={action} reload={reload} onSaved={onSaved} />
          <RemoveAction plan={plan} goal={goal} action={action} reload={reload} onSaved={onSaved} />
        </>
      )}
      <Button type="button" appearance="secondary-action-button" onClick={onClose}>
        {t("plan.action.close")}
      </Button>
    </section>
  );
}

type FormProps = Omit<Props, "onClose" | "goal">;

function ProgressForm({ plan, action, reload, onSaved }: FormProps) {
  const id = (field: string) => `action-${action.id}-${field}`;
  const [note, setNote] = useState("");
  const [status, setStatus] = useState("");
  const change = usePlanChange(async () => {
    const { version } = await api.post<{ version: number }>(
      `/api/plans/${plan.id}/actions/${action.id}/progress`,
      { version: plan.version, note, status: status || undefined },
    );
    await onSaved(t("plan.savedVersion", { version }));
  });
  return (
    <form onSubmit={change.onSubmit} aria-labelledby={id("progress")}>
      <Heading5 id={id("progress")}>{t("plan.progress.add")}</Heading5>
      <PlanChangeError change={change} reload={reload} />
      <TextAreaField
        id={id("note")}
        label={t("plan.progress.note")}
        value={note}
        onChange={setNote}
        required
      />
      <SelectField
        id={id("progress-status")}
        label={t("plan.progress.status")}
        value={status}
        onChange={setStatus}
        placeholder={t("plan.progress.keepStatus")}
        options={statusOptions}
      />
      <Button type="submit" appearance="primary-action-button" disabled={change.busy}>
        {t("plan.progress.add")}
      </Button>
    </form>
  );
}

function ChangeActionForm({ plan, action, reload, onSaved }: FormProps) {
  const id = (field: string) => `action-${action.id}-${field}`;
  const [description, setDescription] = useState(action.description);
  const [dueDate, setDue] = useState(action.dueDate);
  const [status, setStatus] = useState(action.status);
  const change = usePlanChange(async () => {
    // Who acts stays as it is; the server checks it again (a network member removed since is refused).
    const { version } = await api.put<{ version: number }>(`/api/plans/${plan.id}/actions/${action.id}`, {
      version: plan.version,
      description,
      dueDate,
      status,
      actorKind: action.actorKind,
      networkMemberId: action.networkMemberId,
      directoryEntryId: action.directoryEntryId,
      professionalUserId: action.professionalUserId,
      actorName: action.actorName,
      escalationReason: action.escalationReason,
      escalationNote: action.escalationNote,
      helpTags: action.helpTags,
    });
    await onSaved(t("plan.savedVersion", { version }));
  });
  return (
    <form onSubmit={change.onSubmit} aria-labelledby={id("change")}>
      <Heading5 id={id("change")}>{t("plan.editAction")}</Heading5>
      <PlanChangeError change={change} reload={reload} />
      <TextField
        id={id("description")}
        label={t("plan.description")}
        value={description}
        onChange={setDescription}
        required
      />
      <TextField
        id={id("due")}
        type="date"
        label={t("plan.dueDate")}
        value={dueDate}
        onChange={setDue}
        required
      />
      <SelectField
        id={id("status")}
        label={t("plan.action.status")}
        value={status}
        onChange={setStatus}
        required
        options={statusOptions}
      />
      <Button type="submit" appearance="primary-action-button" disabled={change.busy}>
        {t("plan.saveAction")}
      </Button>
    </form>
  );
}

function RemoveAction({ plan, action, reload, onSaved }: FormProps & { goal: PlanGoal }) {
  const [confirming, setConfirming] = useState(false);
  const change = usePlanChange(async () => {
    const { version } = await api.post<{ version: number }>(
      `/api/plans/${plan.id}/actions/${action.id}/remove`,
      { version: plan.version },
    );
    await onSaved(t("plan.actionRemoved", { description: action.description, version }));
  });
  if (!confirming) {
    return (
      <Paragraph>
        <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)}>
          {t("plan.removeAction")}
        </Button>
      </Paragraph>
    );
  }
  return (
    <ConfirmRemoval
      question={t("plan.removeActionConfirm")}
      confirmLabel={t("plan.confirmRemoveAction")}
      change={change}
      reload={reload}
      onCancel={() => setConfirming(false)}
    />
  );
}
