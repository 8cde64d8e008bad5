import {
  Heading2,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { label, options, t } from "./labels.ts";
import {
  type DuplicateCandidate,
  DuplicateList,
  emptyResident,
  ResidentFields,
  type ResidentForm,
  residentBody,
  residentFromMember,
  useNeighbourhoods,
} from "./ResidentFields.tsx";
import { CheckboxField } from "./TextAreaField.tsx";
import { type Dossier, formatDate, type Member } from "./types.ts";

const fullName = (m: Member) => `${m.givenName} ${m.familyName}`;

/** The household's members; with write access each can be edited and a member can be added. */
export function MembersSection({
  dossier,
  done,
  reload,
}: {
  dossier: Dossier;
  done(): Promise<void>;
  reload(): Promise<void>;
}) {
  const neighbourhoods = useNeighbourhoods();
  const canEdit = dossier.allowed.write && !dossier.mergedIntoId;
  return (
    <section aria-labelledby="members-heading">
      <Heading2 id="members-heading">{t("dossier.members")}</Heading2>
      <Table>
        <TableCaption>{t("dossier.membersCaption", { name: dossier.name })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("dossier.name")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.relation")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.birthDate")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.address")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("dossier.language")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {dossier.members.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row">
                {fullName(m)}
                {m.isMainContact && ` (${t("dossier.mainContact").toLowerCase()})`}
              </TableHeaderCell>
              <TableCell>{label("relationName", m.relation)}</TableCell>
              <TableCell>{formatDate(m.birthDate)}</TableCell>
              <TableCell>
                {[m.street, m.houseNumber, m.houseNumberAddition].filter(Boolean).join(" ")}
                {m.postcode && `, ${m.postcode} ${m.city ?? ""}`}
                {m.neighbourhoodName && ` (${m.neighbourhoodName})`}
              </TableCell>
              <TableCell>
                {label("languageName", m.preferredLanguage)}
                {m.interpreterNeeded && `, ${t("dossier.interpreter").toLowerCase()}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {canEdit && (
        <div className="ww-toolbar">
          {dossier.members.map((m, i) => (
            <EditResidentForm
              key={`${m.id}-${m.version}`}
              prefix={`edit${i}`}
              member={m}
              neighbourhoods={neighbourhoods}
              done={done}
              reload={reload}
            />
          ))}
          <AddMemberForm dossier={dossier} neighbourhoods={neighbourhoods} done={done} />
        </div>
      )}
    </section>
  );
}

type Neighbourhoods = { value: string; label: string }[];

/** Changes one resident's details; the version makes a concurrent change a 409 with a reload button. */
function EditResidentForm({
  prefix,
  member,
  neighbourhoods,
  done,
  reload,
}: {
  prefix: string;
  member: Member;
  neighbourhoods: Neighbourhoods;
  done(): Promise<void>;
  reload(): Promise<void>;
}) {
  const [value, setValue] = useState<ResidentForm>(() => residentFromMember(member));
  return (
    <ActionForm
      id={prefix}
      title={t("dossier.editResident", { name: fullName(member) })}
      submitLabel={t("dossier.saveResident")}
      reload={reload}
      onSubmit={async () => {
        await api.put(`/api/residents/${member.id}`, { ...residentBody(value), version: member.version });
        await done();
      }}
    >
      <ResidentFields
        prefix={prefix}
        value={value}
        onChange={(patch) => setValue({ ...value, ...patch })}
        neighbourhoods={neighbourhoods}
      />
    </ActionForm>
  );
}

/** Adds a member to this household; a possible duplicate must be looked at and confirmed first. */
function AddMemberForm({
  dossier,
  neighbourhoods,
  done,
}: {
  dossier: Dossier;
  neighbourhoods: Neighbourhoods;
  done(): Promise<void>;
}) {
  const main = dossier.members.find((m) => m.isMainContact) ?? dossier.members[0];
  const initial = () => emptyResident(main ? residentFromMember(main) : undefined);
  const [value, setValue] = useState<ResidentForm>(initial);
  const [relation, setRelation] = useState("child");
  const [isMainContact, setIsMainContact] = useState(false);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <ActionForm
      id="add-member"
      title={t("dossier.addMemberTitle")}
      submitLabel={t("dossier.addMemberSubmit")}
      onSubmit={async () => {
        try {
          await api.post(`/api/households/${dossier.id}/members`, {
            ...residentBody(value),
            relation,
            isMainContact,
            confirmNotDuplicate: confirmed,
          });
        } catch (error) {
          if (error instanceof ApiError && error.code === "possibleDuplicate") {
            setCandidates((error.details as { candidates: DuplicateCandidate[] }).candidates);
          }
          throw error;
        }
        setValue(initial());
        setCandidates(null);
        setConfirmed(false);
        await done();
      }}
    >
      {candidates && (
        <section aria-labelledby="add-member-duplicates" className="ww-panel">
          <DuplicateList candidates={candidates} headingId="add-member-duplicates" level={3} />
          <CheckboxField
            id="add-member-confirm"
            label={t("dossier.duplicateConfirm")}
            checked={confirmed}
            onChange={setConfirmed}
          />
        </section>
      )}
      <ResidentFields
        prefix="add"
        value={value}
        onChange={(patch) => setValue({ ...value, ...patch })}
        neighbourhoods={neighbourhoods}
      />
      <SelectField
        id="add-relation"
        label={t("dossier.relation")}
        value={relation}
        onChange={setRelation}
        options={options("relationName")}
        required
      />
      <CheckboxField
        id="add-main"
        label={t("dossier.mainContact")}
        checked={isMainContact}
        onChange={setIsMainContact}
      />
    </ActionForm>
  );
}
