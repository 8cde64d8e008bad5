import { Button, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { options, t } from "./labels.ts";
import {
  type DuplicateCandidate,
  DuplicateList,
  emptyResident,
  ResidentFields,
  type ResidentForm,
  residentBody,
  useNeighbourhoods,
} from "./ResidentFields.tsx";
import { CheckboxField } from "./TextAreaField.tsx";

type MemberForm = ResidentForm & { relation: string; uid: number };

let nextUid = 0;
const emptyMember = (relation: string, from?: MemberForm): MemberForm => ({
  ...emptyResident(from),
  relation,
  uid: ++nextUid,
});

/** Register a household; possible duplicates are shown before anything is saved. */
export function RegisterHouseholdPage() {
  useLanguage();
  const neighbourhoods = useNeighbourhoods();
  const [members, setMembers] = useState<MemberForm[]>([emptyMember("self")]);
  const [mainContact, setMainContact] = useState(0);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  async function save(confirmNotDuplicate: boolean) {
    const body = {
      confirmNotDuplicate,
      members: members.map(({ uid: _uid, relation, ...m }, i) => ({
        ...residentBody(m),
        relation,
        isMainContact: i === mainContact,
      })),
    };
    try {
      const { id } = await api.post<{ id: string }>("/api/households", body);
      navigate(`/dossiers/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "possibleDuplicate") {
        setCandidates((error.details as { candidates: DuplicateCandidate[] }).candidates);
      }
      throw error;
    }
  }
  const form = useSubmit(() => save(false));
  const anyway = useSubmit(() => save(true));
  const update = (i: number, patch: Partial<MemberForm>) =>
    setMembers(members.map((m, j) => (i === j ? { ...m, ...patch } : m)));

  return (
    <>
      <Paragraph>
        <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
      </Paragraph>
      <PageTitle>{t("dossier.register")}</PageTitle>
      <Paragraph>{t("dossier.registerIntro")}</Paragraph>
      <form onSubmit={form.onSubmit} className="ww-form" aria-label={t("dossier.register")}>
        <ErrorMessage message={form.error ?? anyway.error} />
        {candidates && (
          <section aria-labelledby="duplicates" className="ww-panel">
            <DuplicateList candidates={candidates} headingId="duplicates" level={2} />
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={anyway.busy}
              onClick={() => void anyway.onSubmit({ preventDefault() {} } as never)}
            >
              {t("dossier.continueAnyway")}
            </Button>
          </section>
        )}
        {members.map((m, i) => (
          <Fieldset key={m.uid}>
            <FieldsetLegend>{t("dossier.member", { n: i + 1 })}</FieldsetLegend>
            <ResidentFields
              prefix={`m${i}`}
              value={m}
              onChange={(patch) => update(i, patch)}
              neighbourhoods={neighbourhoods}
            />
            <SelectField
              id={`m${i}-relation`}
              label={t("dossier.relation")}
              value={m.relation}
              onChange={(v) => update(i, { relation: v })}
              options={options("relationName")}
              required
            />
            <CheckboxField
              id={`m${i}-main`}
              label={t("dossier.mainContact")}
              checked={mainContact === i}
              onChange={() => setMainContact(i)}
            />
            {i > 0 && (
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => setMembers(members.filter((_, j) => j !== i))}
              >
                {t("dossier.removeMember", { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => setMembers([...members, emptyMember("child", members[0])])}
        >
          {t("dossier.addMember")}
        </Button>{" "}
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("dossier.save")}
        </Button>
      </form>
    </>
  );
}
