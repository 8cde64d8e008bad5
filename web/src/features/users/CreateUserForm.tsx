import { Button, Heading2 } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { type ListResponse, type Organisation, roles, type User } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { roleLabel } from "./UsersPage.tsx";

const empty = { username: "", displayName: "", email: "", role: "", homeOrganisationId: "" };

export function CreateUserForm({ onCreated }: { onCreated(): Promise<void> }) {
  const organisations = useResource<ListResponse<Organisation>>("/api/organisations");
  const [fields, setFields] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (name: keyof typeof empty) => (value: string) =>
    setFields((old) => ({ ...old, [name]: value }));

  const form = useSubmit(async () => {
    setSaved(null);
    const body = {
      ...fields,
      email: fields.email || null,
      homeOrganisationId: fields.homeOrganisationId || null,
    };
    const created = await api.post<User>("/api/users", body);
    setSaved(t("users.created", { name: created.displayName }));
    setFields(empty);
    await onCreated();
  });

  return (
    <form onSubmit={form.onSubmit} aria-labelledby="add-user" className="ww-form">
      <Heading2 id="add-user">{t("users.add")}</Heading2>
      <ErrorMessage message={form.error ?? organisations.error} />
      <SuccessMessage message={saved} />
      <TextField
        id="user-display-name"
        label={t("users.displayName")}
        value={fields.displayName}
        onChange={set("displayName")}
        autoComplete="off"
        required
      />
      <TextField
        id="user-username"
        label={t("users.username")}
        value={fields.username}
        onChange={set("username")}
        autoComplete="off"
        required
      />
      <TextField
        id="user-email"
        type="email"
        label={t("users.email")}
        hint={t("users.noPassword")}
        value={fields.email}
        onChange={set("email")}
        autoComplete="off"
      />
      <SelectField
        id="user-role"
        label={t("users.role")}
        value={fields.role}
        onChange={set("role")}
        placeholder={t("form.choose")}
        options={roles.map((role) => ({ value: role, label: roleLabel(role) }))}
        required
      />
      <SelectField
        id="user-organisation"
        label={t("users.organisation")}
        value={fields.homeOrganisationId}
        onChange={set("homeOrganisationId")}
        placeholder={t("users.noOrganisation")}
        options={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("users.add")}
      </Button>
    </form>
  );
}
