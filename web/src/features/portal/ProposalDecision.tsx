import { Button, Heading3, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import type { CasePortal, Proposal } from "./portal.types.ts";
import { TextArea } from "./portal.ui.tsx";

/**
 * A goal the resident proposed. Accepting makes it a goal of the plan (the resident's words as the goal in
 * their own words): the case lead picks the life domain, the target level and the target date.
 */
export function ProposalItem({
  proposal,
  base,
  data,
  onDecided,
}: {
  proposal: Proposal;
  base: string;
  data: CasePortal;
  onDecided(): Promise<void>;
}) {
  const [note, setNote] = useState("");
  const [domain, setDomain] = useState("");
  const [residentId, setResidentId] = useState("");
  const [targetLevel, setTargetLevel] = useState("4");
  const [targetDate, setTargetDate] = useState("");
  const [decision, setDecision] = useState<"accepted" | "declined">("accepted");
  const form = useSubmit(async () => {
    const goal =
      decision === "accepted" && data.planVersion !== null
        ? {
            planVersion: data.planVersion,
            domain,
            targetLevel: Number(targetLevel),
            targetDate,
            residentId: residentId || null,
          }
        : undefined;
    await api.post(`${base}/goal-proposals/${proposal.id}/decision`, {
      decision,
      note: note || undefined,
      goal,
    });
    await onDecided();
  });
  const id = proposal.id;
  return (
    <div className="ww-card">
      <Heading3>{proposal.text}</Heading3>
      <Paragraph>{t(`portal.proposal.status.${proposal.status}`)}</Paragraph>
      {proposal.status === "proposed" && (
        <form onSubmit={form.onSubmit}>
          <ErrorMessage message={form.error} />
          {data.planVersion === null ? (
            <Paragraph>{t("portal.desk.noPlanYet")}</Paragraph>
          ) : (
            <fieldset className="ww-fieldset">
              <legend>{t("portal.desk.asGoal")}</legend>
              <SelectField
                id={`domain-${id}`}
                label={t("portal.desk.goalDomain")}
                value={domain}
                onChange={setDomain}
                placeholder={t("portal.desk.choose")}
                options={data.goalDomains.map((d) => ({ value: d.key, label: d.name }))}
              />
              <SelectField
                id={`for-${id}`}
                label={t("portal.desk.goalFor")}
                value={residentId}
                onChange={setResidentId}
                placeholder={t("portal.desk.wholeHousehold")}
                options={data.members.map((m) => ({ value: m.residentId, label: m.name }))}
              />
              <SelectField
                id={`level-${id}`}
                label={t("portal.desk.goalLevel")}
                value={targetLevel}
                onChange={setTargetLevel}
                options={["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))}
              />
              <TextField
                id={`date-${id}`}
                type="date"
                label={t("portal.desk.goalDate")}
                value={targetDate}
                onChange={setTargetDate}
              />
            </fieldset>
          )}
          <TextArea
            id={`note-${id}`}
            label={t("portal.desk.declineNote")}
            value={note}
            onChange={setNote}
            maxLength={1000}
          />
          <div className="ww-actions">
            {data.planVersion !== null && (
              <Button
                type="submit"
                appearance="primary-action-button"
                onClick={() => setDecision("accepted")}
              >
                {t("portal.desk.accept")}
              </Button>
            )}
            <Button
              type="submit"
              appearance="secondary-action-button"
              onClick={() => setDecision("declined")}
            >
              {t("portal.desk.decline")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
