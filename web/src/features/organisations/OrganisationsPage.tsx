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
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { type ListResponse, type Organisation, organisationTypes } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { permissions } from "../../app/navigation.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";

export function organisationTypeLabel(type: string): string {
  return tOptional(`organisationType.${type}`) ?? type;
}

export function OrganisationsPage() {
  const session = useAuthenticatedSession();
  const list = useResource<ListResponse<Organisation>>("/api/organisations");
  const canManage = hasAnyPermission(session, [permissions.organisationManage]);

  return (
    <>
      <PageTitle>{t("organisations.title")}</PageTitle>
      <ErrorMessage message={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("organisations.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("organisations.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("organisations.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("organisations.type")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((organisation) => (
              <TableRow key={organisation.id}>
                <TableCell>{organisation.name}</TableCell>
                <TableCell>{organisationTypeLabel(organisation.type)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && <CreateOrganisationForm onCreated={list.reload} />}
    </>
  );
}

function CreateOrganisationForm({ onCreated }: { onCreated(): Promise<void> }) {
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setSaved(null);
    const created = await api.post<Organisation>("/api/organisations", { name, type });
    setSaved(t("organisations.created", { name: created.name }));
    setName("");
    setType("");
    await onCreated();
  });

  return (
    <form onSubmit={form.onSubmit} aria-labelledby="add-organisation" className="ww-form">
      <Heading2 id="add-organisation">{t("organisations.add")}</Heading2>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={saved} />
      <TextField
        id="organisation-name"
        label={t("organisations.name")}
        value={name}
        onChange={setName}
        required
      />
      <SelectField
        id="organisation-type"
        label={t("organisations.type")}
        value={type}
        onChange={setType}
        placeholder={t("form.choose")}
        options={organisationTypes.map((value) => ({ value, label: organisationTypeLabel(value) }))}
        required
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("organisations.add")}
      </Button>
    </form>
  );
}
