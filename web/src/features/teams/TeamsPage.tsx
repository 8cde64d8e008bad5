import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
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
import { type ListResponse, type TeamDetail, type TeamSummary, teamModels } from "../../api/types.ts";
import { useResource } from "../../api/useResource.ts";
import { permissions } from "../../app/navigation.ts";
import { AppLink } from "../../app/router.tsx";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { useAreas } from "../../ui/areas.ts";
import { CheckboxField, SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";

export function teamModelLabel(model: string): string {
  return tOptional(`teamModel.${model}`) ?? model;
}

/** "a, b ,c" → ["a", "b", "c"] */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

export function TeamsPage() {
  const areas = useAreas();
  const session = useAuthenticatedSession();
  const list = useResource<ListResponse<TeamSummary>>("/api/teams");
  const canManage = hasAnyPermission(session, [permissions.teamManage]);

  return (
    <>
      <PageTitle>{t("teams.title")}</PageTitle>
      <ErrorMessage message={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t("teams.empty")}</Paragraph>
      ) : (
        <Table>
          <TableCaption>{t("teams.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("teams.name")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("teams.model")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("teams.areaCodes")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("teams.memberCount")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((team) => (
              <TableRow key={team.id}>
                <TableCell>
                  <AppLink href={`/beheer/teams/${encodeURIComponent(team.id)}`}>{team.name}</AppLink>
                </TableCell>
                <TableCell>{teamModelLabel(team.model)}</TableCell>
                <TableCell>{team.areaCodes.map(areas.name).join(", ")}</TableCell>
                <TableCell>{team.memberCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && <CreateTeamForm onCreated={list.reload} />}
    </>
  );
}

function CreateTeamForm({ onCreated }: { onCreated(): Promise<void> }) {
  const [name, setName] = useState("");
  const [model, setModel] = useState("");
  const [areaCodes, setAreaCodes] = useState<string[]>([]);
  const { districts } = useAreas();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setSaved(null);
    const body = { name, model, areaCodes };
    const created = await api.post<TeamDetail>("/api/teams", body);
    setSaved(t("teams.created", { name: created.name }));
    setName("");
    setModel("");
    setAreaCodes([]);
    await onCreated();
  });

  return (
    <form onSubmit={form.onSubmit} aria-labelledby="add-team" className="ww-form">
      <Heading2 id="add-team">{t("teams.add")}</Heading2>
      <ErrorMessage message={form.error} />
      <SuccessMessage message={saved} />
      <TextField id="team-name" label={t("teams.name")} value={name} onChange={setName} required />
      <SelectField
        id="team-model"
        label={t("teams.model")}
        value={model}
        onChange={setModel}
        placeholder={t("form.choose")}
        options={teamModels.map((value) => ({ value, label: teamModelLabel(value) }))}
        required
      />
      <Fieldset>
        <FieldsetLegend>{t("teams.areaCodes")}</FieldsetLegend>
        <FormFieldDescription>{t("teams.areasHint")}</FormFieldDescription>
        {districts.map((d) => (
          <CheckboxField
            key={d.code}
            id={`team-area-${d.code}`}
            label={d.name}
            checked={areaCodes.includes(d.code)}
            onChange={(on) =>
              setAreaCodes(on ? [...areaCodes, d.code] : areaCodes.filter((c) => c !== d.code))
            }
          />
        ))}
      </Fieldset>
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {t("teams.add")}
      </Button>
    </form>
  );
}
