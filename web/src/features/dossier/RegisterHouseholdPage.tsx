import { Button, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { isFrontOffice } from "../../app/navigation.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { SelectField, TextAreaField } from "../../ui/fields.tsx";
import { ErrorSummary, Form, useForm } from "../../ui/form.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
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
  const session = useAuthenticatedSession();
  const frontOffice = isFrontOffice(session);
  const canOpenCase = session.permissions.includes("case.write") && !frontOffice;
  const [openCase, setOpenCase] = useState(canOpenCase);
  const [grounds, setGrounds] = useState("");
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
      if (openCase) {
        // The case is opened with the registration; when that fails the dossier offers it as next step.
        await api
          .post(`/api/households/${id}/cases`, {
            caseLeadUserId: session.user.id,
            allocationGrounds: grounds,
          })
          .catch(() => undefined);
      }
      navigate(frontOffice ? `/aanvragen/${id}` : `/dossiers/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "possibleDuplicate") {
        setCandidates((error.details as { candidates: DuplicateCandidate[] }).candidates);
      }
      throw error;
    }
  }
  const form = useForm(() => save(false), { saved: false });
  const anyway = useForm(() => save(true), { saved: false });
  const update = (i: number, patch: Partial<MemberForm>) =>
    setMembers((all) => all.map((m, j) => (i === j ? { ...m, ...patch } : m)));

  return (
    <>
      <Paragraph>
        <AppLink href="/dossiers">{t("dossier.back")}</AppLink>
      </Paragraph>
      <PageTitle>{t("dossier.register")}</PageTitle>
      <Paragraph>{t("dossier.registerIntro")}</Paragraph>
      <Form form={form} label={t("dossier.register")} id="register-form">
        {candidates && (
          <section aria-labelledby="duplicates" className="ww-panel">
            <DuplicateList candidates={candidates} headingId="duplicates" level={2} />
            <ErrorSummary form={anyway} />
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={anyway.busy}
              onClick={() =>
                void anyway.submitFrom(document.getElementById("register-form") as HTMLFormElement)
              }
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
        {canOpenCase && (
          <Fieldset>
            <FieldsetLegend>{t("register.caseHeading")}</FieldsetLegend>
            <CheckboxField
              id="register-open-case"
              label={t("register.openCase")}
              checked={openCase}
              onChange={setOpenCase}
            />
            {openCase && (
              <TextAreaField
                id="register-grounds"
                label={t("register.grounds")}
                hint={t("workspace.groundsHint")}
                value={grounds}
                onChange={setGrounds}
                required
              />
            )}
          </Fieldset>
        )}
        <Button type="submit" appearance="primary-action-button" busy={form.busy}>
          {t("dossier.save")}
        </Button>
      </Form>
    </>
  );
}
