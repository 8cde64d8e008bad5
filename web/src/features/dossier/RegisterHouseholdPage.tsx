import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { d, languages, relationLabels, useLanguage } from "./messages.ts";
import { CheckboxField } from "./TextAreaField.tsx";

interface Candidate {
  visible: boolean;
  reasons: string[];
  householdId: string | null;
  name: string | null;
  birthDate: string | null;
  address: string | null;
}
type MemberForm = Record<
  | "givenName"
  | "familyName"
  | "birthDate"
  | "bsn"
  | "postcode"
  | "houseNumber"
  | "houseNumberAddition"
  | "street"
  | "city"
  | "neighbourhoodCode"
  | "phone"
  | "email"
  | "preferredLanguage"
  | "relation",
  string
> & { interpreterNeeded: boolean; uid: number };

let nextUid = 0;

const emptyMember = (relation: string, from?: MemberForm): MemberForm => ({
  givenName: "",
  familyName: from?.familyName ?? "",
  birthDate: "",
  bsn: "",
  postcode: from?.postcode ?? "",
  houseNumber: from?.houseNumber ?? "",
  houseNumberAddition: from?.houseNumberAddition ?? "",
  street: from?.street ?? "",
  city: from?.city ?? "",
  neighbourhoodCode: from?.neighbourhoodCode ?? "",
  phone: "",
  email: "",
  preferredLanguage: "nl",
  relation,
  interpreterNeeded: false,
  uid: ++nextUid,
});

const reasonKey = {
  bsn: "reasonBsn",
  nameBirthDatePostcode: "reasonNameBirthDatePostcode",
  address: "reasonAddress",
} as const;

/** Register a household; possible duplicates are shown before anything is saved. */
export function RegisterHouseholdPage() {
  useLanguage();
  const areas = useResource<{ items: { code: string; kind: string; name: string }[] }>("/api/areas");
  const [members, setMembers] = useState<MemberForm[]>([emptyMember("self")]);
  const [mainContact, setMainContact] = useState(0);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);

  async function save(confirmNotDuplicate: boolean) {
    const body = {
      confirmNotDuplicate,
      members: members.map(({ uid: _uid, ...m }, i) => ({
        ...m,
        bsn: m.bsn || null,
        postcode: m.postcode || null,
        houseNumber: m.houseNumber ? Number(m.houseNumber) : null,
        houseNumberAddition: m.houseNumberAddition || null,
        street: m.street || null,
        city: m.city || null,
        neighbourhoodCode: m.neighbourhoodCode || null,
        phone: m.phone || null,
        email: m.email || null,
        isMainContact: i === mainContact,
      })),
    };
    try {
      const { id } = await api.post<{ id: string }>("/api/households", body);
      navigate(`/dossiers/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "possibleDuplicate") {
        setCandidates((error.details as { candidates: Candidate[] }).candidates);
      }
      throw error;
    }
  }
  const form = useSubmit(() => save(false));
  const anyway = useSubmit(() => save(true));
  const update = (i: number, patch: Partial<MemberForm>) =>
    setMembers(members.map((m, j) => (i === j ? { ...m, ...patch } : m)));
  const neighbourhoods = (areas.data?.items ?? []).filter((a) => a.kind === "neighbourhood");

  return (
    <>
      <Paragraph>
        <AppLink href="/dossiers">{d("back")}</AppLink>
      </Paragraph>
      <PageTitle>{d("register")}</PageTitle>
      <Paragraph>{d("registerIntro")}</Paragraph>
      <form onSubmit={form.onSubmit} className="ww-form" aria-label={d("register")}>
        <ErrorMessage message={form.error ?? anyway.error} />
        {candidates && (
          <section aria-labelledby="duplicates" className="ww-panel">
            <Heading2 id="duplicates">{d("duplicateHeading")}</Heading2>
            <UnorderedList>
              {candidates.map((c, i) => (
                <UnorderedListItem key={c.householdId ?? `hidden-${i}`}>
                  {c.visible && c.householdId ? (
                    <>
                      {c.name}, {c.birthDate}
                      {c.address ? `, ${c.address}` : ""} (
                      {c.reasons
                        .map((r) => d(reasonKey[r as keyof typeof reasonKey] ?? "reasonAddress"))
                        .join(", ")}
                      ) <AppLink href={`/dossiers/${c.householdId}`}>{d("openExisting")}</AppLink>
                    </>
                  ) : (
                    d("duplicateHidden")
                  )}
                </UnorderedListItem>
              ))}
            </UnorderedList>
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={anyway.busy}
              onClick={() => void anyway.onSubmit({ preventDefault() {} } as never)}
            >
              {d("continueAnyway")}
            </Button>
          </section>
        )}
        {members.map((m, i) => (
          <Fieldset key={m.uid}>
            <FieldsetLegend>{d("member", { n: i + 1 })}</FieldsetLegend>
            <TextField
              id={`m${i}-givenName`}
              label={d("givenName")}
              value={m.givenName}
              onChange={(v) => update(i, { givenName: v })}
              required
            />
            <TextField
              id={`m${i}-familyName`}
              label={d("familyName")}
              value={m.familyName}
              onChange={(v) => update(i, { familyName: v })}
              required
            />
            <TextField
              id={`m${i}-birthDate`}
              type="date"
              label={d("birthDate")}
              value={m.birthDate}
              onChange={(v) => update(i, { birthDate: v })}
              required
            />
            <SelectField
              id={`m${i}-relation`}
              label={d("relation")}
              value={m.relation}
              onChange={(v) => update(i, { relation: v })}
              options={Object.entries(relationLabels).map(([value, label]) => ({ value, label }))}
              required
            />
            <CheckboxField
              id={`m${i}-main`}
              label={d("mainContact")}
              checked={mainContact === i}
              onChange={() => setMainContact(i)}
            />
            <TextField
              id={`m${i}-bsn`}
              label={d("bsn")}
              hint={d("bsnHint")}
              inputMode="numeric"
              value={m.bsn}
              onChange={(v) => update(i, { bsn: v })}
            />
            <TextField
              id={`m${i}-postcode`}
              label={d("postcode")}
              hint={d("postcodeHint")}
              value={m.postcode}
              onChange={(v) => update(i, { postcode: v })}
            />
            <TextField
              id={`m${i}-houseNumber`}
              type="number"
              min={1}
              label={d("houseNumber")}
              value={m.houseNumber}
              onChange={(v) => update(i, { houseNumber: v })}
            />
            <TextField
              id={`m${i}-addition`}
              label={d("addition")}
              value={m.houseNumberAddition}
              onChange={(v) => update(i, { houseNumberAddition: v })}
            />
            <TextField
              id={`m${i}-street`}
              label={d("street")}
              value={m.street}
              onChange={(v) => update(i, { street: v })}
            />
            <TextField
              id={`m${i}-city`}
              label={d("city")}
              value={m.city}
              onChange={(v) => update(i, { city: v })}
            />
            <SelectField
              id={`m${i}-neighbourhood`}
              label={d("neighbourhood")}
              value={m.neighbourhoodCode}
              onChange={(v) => update(i, { neighbourhoodCode: v })}
              placeholder={d("choose")}
              options={neighbourhoods.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
            />
            <TextField
              id={`m${i}-phone`}
              type="tel"
              label={d("phone")}
              value={m.phone}
              onChange={(v) => update(i, { phone: v })}
            />
            <TextField
              id={`m${i}-email`}
              type="email"
              label={d("email")}
              value={m.email}
              onChange={(v) => update(i, { email: v })}
            />
            <SelectField
              id={`m${i}-language`}
              label={d("language")}
              value={m.preferredLanguage}
              onChange={(v) => update(i, { preferredLanguage: v })}
              options={Object.entries(languages).map(([value, label]) => ({ value, label }))}
            />
            <CheckboxField
              id={`m${i}-interpreter`}
              label={d("interpreter")}
              checked={m.interpreterNeeded}
              onChange={(v) => update(i, { interpreterNeeded: v })}
            />
            {i > 0 && (
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => setMembers(members.filter((_, j) => j !== i))}
              >
                {d("removeMember", { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => setMembers([...members, emptyMember("child", members[0])])}
        >
          {d("addMember")}
        </Button>{" "}
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {d("save")}
        </Button>
      </form>
    </>
  );
}
