import { useState } from "react";
import { api } from "../../api/client.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { t } from "./labels.ts";
import { TextAreaField } from "./TextAreaField.tsx";
import type { CaseFile } from "./types.ts";

/**
 * Ends someone's involvement in the case, with a reason; shown only for involvements the reader may
 * end (their own, or any as case lead or team lead). Access to the dossier follows at once.
 */
export function EndInvolvementForm({
  c,
  done,
  reload,
}: {
  c: CaseFile;
  done(): Promise<void>;
  reload(): Promise<void>;
}) {
  const endable = c.professionals.filter((p) => p.mayEnd);
  const [userId, setUserId] = useState("");
  const [reason, setReason] = useState("");
  if (endable.length === 0) return null;
  return (
    <ActionForm
      id="end-involvement"
      reload={reload}
      title={t("dossier.endInvolvement")}
      onSubmit={async () => {
        await api.post(`/api/cases/${c.id}/professionals/${userId}/end`, { version: c.version, reason });
        await done();
      }}
    >
      <SelectField
        id="end-involvement-user"
        label={t("dossier.endInvolvementWho")}
        value={userId}
        onChange={setUserId}
        options={endable.map((p) => ({ value: p.userId, label: `${p.name} (${p.roleInCase})` }))}
        placeholder={t("dossier.choose")}
        required
      />
      <TextAreaField
        id="end-involvement-reason"
        label={t("dossier.endInvolvementReason")}
        value={reason}
        onChange={setReason}
        required
      />
    </ActionForm>
  );
}
