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
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t, tOptional } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { TextAreaField } from "../dossier/TextAreaField.tsx";
import { time } from "./types.ts";

interface Member {
  id: string;
  givenName: string;
  familyName: string;
}
interface Correction {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  correctedAt: string;
  correctedByName: string | null;
}

const FIELDS = [
  "givenName",
  "familyName",
  "birthDate",
  "street",
  "houseNumber",
  "postcode",
  "city",
  "phone",
  "email",
];

/** The resident's right of access (export: JSON and printable HTML) and rectification (with history). */
export function ResidentRightsPage({ householdId }: { householdId: string }) {
  const dossier = useResource<{ name: string; members: Member[] }>(
    `/api/households/${encodeURIComponent(householdId)}`,
  );
  const members = dossier.data?.members ?? [];
  const [residentId, setResidentId] = useState("");
  const selected = residentId || members[0]?.id || "";
  const name = (m: Member) => `${m.givenName} ${m.familyName}`;
  return (
    <>
      <Paragraph>
        <AppLink href={`/dossiers/${encodeURIComponent(householdId)}`}>{t("privacy.back")}</AppLink>
      </Paragraph>
      <PageTitle>{t("rights.title")}</PageTitle>
      <ErrorMessage message={dossier.error} />
      {!dossier.data && !dossier.error && <Loading />}
      {dossier.data && (
        <>
          <Heading2>{t("rights.export")}</Heading2>
          <UnorderedList>
            {members.flatMap((m) => [
              <UnorderedListItem key={`${m.id}-json`}>
                <a
                  href={`/api/residents/${encodeURIComponent(m.id)}/export`}
                  download={`inzage-${m.id}.json`}
                >
                  {t("rights.json", { name: name(m) })}
                </a>
              </UnorderedListItem>,
              <UnorderedListItem key={`${m.id}-html`}>
                <a
                  href={`/api/residents/${encodeURIComponent(m.id)}/export?format=html`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {t("rights.html", { name: name(m) })}
                </a>
              </UnorderedListItem>,
            ])}
          </UnorderedList>
          <SelectField
            id="rights-resident"
            label={t("rights.resident")}
            value={selected}
            options={members.map((m) => ({ value: m.id, label: name(m) }))}
            onChange={setResidentId}
          />
          {selected && (
            <Corrections
              key={selected}
              residentId={selected}
              name={name(members.find((m) => m.id === selected) ?? { id: "", givenName: "", familyName: "" })}
              reloadDossier={dossier.reload}
            />
          )}
        </>
      )}
    </>
  );
}

function Corrections(props: { residentId: string; name: string; reloadDossier(): Promise<void> }) {
  const path = `/api/residents/${encodeURIComponent(props.residentId)}/corrections`;
  const history = useResource<{ items: Correction[] }>(path);
  const [field, setField] = useState("familyName");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.post(path, { changes: { [field]: value || null }, reason });
    setValue("");
    setReason("");
    await history.reload();
    await props.reloadDossier();
    setSaved(t("rights.saved"));
  });
  const fieldName = (f: string) => tOptional(`field.${f}`) ?? f;
  return (
    <>
      <Heading2>{t("rights.correct")}</Heading2>
      <SuccessMessage message={saved} />
      <ErrorMessage message={error ?? history.error} />
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="rights-field"
          label={t("rights.field")}
          value={field}
          required
          options={FIELDS.map((f) => ({ value: f, label: fieldName(f) }))}
          onChange={setField}
        />
        <TextField id="rights-value" label={t("rights.newValue")} value={value} onChange={setValue} />
        <TextAreaField
          id="rights-reason"
          label={t("rights.reason")}
          value={reason}
          onChange={setReason}
          required
        />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t("rights.submit")}
        </Button>
      </form>
      <Heading2>{t("rights.history")}</Heading2>
      {history.data?.items.length === 0 && <Paragraph>{t("rights.noHistory")}</Paragraph>}
      {history.data && history.data.items.length > 0 && (
        <Table>
          <TableCaption>{t("rights.historyCaption", { name: props.name })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("rights.field")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("rights.old")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("rights.new")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("rights.reason")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("rights.when")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{fieldName(c.field)}</TableCell>
                <TableCell>{c.oldValue ?? "–"}</TableCell>
                <TableCell>{c.newValue ?? "–"}</TableCell>
                <TableCell>{c.reason}</TableCell>
                <TableCell>
                  {time(c.correctedAt)} {c.correctedByName ?? ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
