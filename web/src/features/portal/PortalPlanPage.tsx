import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Heading4,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PortalLayout } from "./PortalLayout.tsx";
import type { PlanGoal, PlanResponse } from "./portal.types.ts";
import { formatDate, SubmitButton, Term, TextArea } from "./portal.ui.tsx";

const GROUPS = ["resident", "network", "professionals"] as const;

/** My plan: goals in my own words, who does what, the next review, the end date; agree, comment, propose. */
export function PortalPlanPage({ householdId }: { householdId: string }) {
  const base = `/api/portal/households/${householdId}`;
  const { data, error, reload } = useResource<PlanResponse>(`${base}/plan`);
  const agree = useSubmit(async () => {
    if (!data?.plan) return;
    await api.post(`${base}/plan/agreement`, { planVersion: data.plan.version });
    await reload();
  });
  const plan = data?.plan;
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("portal.plan.title")}</PageTitle>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && !plan && <Paragraph>{t("portal.plan.none")}</Paragraph>}
      {plan && (
        <>
          <Paragraph>
            {t("portal.plan.intro")} <Term term="plan" />
          </Paragraph>
          {plan.nextReviewOn && (
            <Paragraph>{t("portal.plan.nextReview", { date: formatDate(plan.nextReviewOn) })}</Paragraph>
          )}
          {plan.expectedEndDate && (
            <Paragraph>{t("portal.plan.expectedEnd", { date: formatDate(plan.expectedEndDate) })}</Paragraph>
          )}
          {plan.goals.map((goal, index) => (
            <Goal
              key={goal.id}
              goal={goal}
              index={index}
              base={base}
              canWrite={plan.caseOpen}
              onSaved={reload}
            />
          ))}
          <section aria-labelledby="agree-heading" className="ww-card">
            <Heading2 id="agree-heading">{t("portal.plan.agreeTitle")}</Heading2>
            <div aria-live="polite" aria-atomic="true">
              {plan.agreedToCurrentVersion && (
                <Alert type="ok">
                  <Paragraph>
                    {t("portal.plan.agreed")}{" "}
                    {plan.lastAgreement &&
                      t("portal.plan.agreedOn", { date: formatDate(plan.lastAgreement.agreedOn) })}
                  </Paragraph>
                </Alert>
              )}
            </div>
            {!plan.agreedToCurrentVersion && plan.caseOpen && (
              <form onSubmit={agree.onSubmit}>
                <Paragraph>{t("portal.plan.agreeText")}</Paragraph>
                <ErrorMessage message={agree.error} />
                <SubmitButton busy={agree.busy}>{t("portal.plan.agree")}</SubmitButton>
                <Paragraph>{t("portal.plan.notAgreeHint")}</Paragraph>
              </form>
            )}
          </section>
          {plan.caseOpen && <ProposalForm base={base} onSaved={reload} />}
        </>
      )}
      {data && data.proposals.length > 0 && (
        <section aria-labelledby="proposals-heading">
          <Heading2 id="proposals-heading">{t("portal.proposal.list")}</Heading2>
          <UnorderedList>
            {data.proposals.map((p) => (
              <UnorderedListItem key={p.id}>
                {p.text} – <strong>{t(`portal.proposal.status.${p.status}`)}</strong>
                {p.decisionNote && `: ${p.decisionNote}`}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
    </PortalLayout>
  );
}

function Goal({
  goal,
  index,
  base,
  canWrite,
  onSaved,
}: {
  goal: PlanGoal;
  index: number;
  base: string;
  canWrite: boolean;
  onSaved(): Promise<void>;
}) {
  const [text, setText] = useState("");
  const form = useSubmit(async () => {
    await api.post(`${base}/goals/${goal.id}/comments`, { text });
    setText("");
    await onSaved();
  });
  const headingId = `goal-${goal.id}`;
  return (
    <section aria-labelledby={headingId} className="ww-card">
      <Heading2 id={headingId}>
        {t("portal.plan.goal")} {index + 1}: {goal.ownWords}
      </Heading2>
      <Paragraph>{t("portal.plan.targetDate", { date: formatDate(goal.targetDate) })}</Paragraph>
      {GROUPS.map((group) => {
        const actions = goal.actions.filter((a) => a.who === group);
        return (
          <div key={group}>
            <Heading3>{t(`portal.plan.who.${group}`)}</Heading3>
            {actions.length === 0 ? (
              <Paragraph>{t("portal.plan.nothing")}</Paragraph>
            ) : (
              <UnorderedList>
                {actions.map((a) => (
                  <UnorderedListItem key={a.id}>
                    {a.description} ({a.actorName ? `${t("portal.plan.by", { name: a.actorName })}, ` : ""}
                    {t("portal.plan.before", { date: formatDate(a.dueDate) })})
                    {a.actorKind === "individualProvision" && (
                      <>
                        {" "}
                        <Term term="wmo" />
                      </>
                    )}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </div>
        );
      })}
      {goal.comments.length > 0 && (
        <>
          <Heading4>{t("portal.plan.comments")}</Heading4>
          <UnorderedList>
            {goal.comments.map((c) => (
              <UnorderedListItem key={c.id} className="ww-pre">
                <strong>{c.mine ? t("portal.plan.you") : t("portal.plan.team")}:</strong> {c.text}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {canWrite && (
        <form onSubmit={form.onSubmit}>
          <ErrorMessage message={form.error} />
          <TextArea
            id={`comment-${goal.id}`}
            label={t("portal.plan.comment")}
            value={text}
            onChange={setText}
            maxLength={1000}
          />
          <Button type="submit" appearance="secondary-action-button" busy={form.busy}>
            {t("portal.plan.commentSubmit")}
          </Button>
        </form>
      )}
    </section>
  );
}

function ProposalForm({ base, onSaved }: { base: string; onSaved(): Promise<void> }) {
  const [text, setText] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const form = useSubmit(async () => {
    await api.post(`${base}/goal-proposals`, { text });
    setText("");
    setSent(t("portal.proposal.sent"));
    await onSaved();
  });
  return (
    <section aria-labelledby="proposal-heading" className="ww-card">
      <Heading2 id="proposal-heading">{t("portal.proposal.title")}</Heading2>
      <form onSubmit={form.onSubmit}>
        <ErrorMessage message={form.error} />
        <TextArea
          id="proposal"
          label={t("portal.proposal.text")}
          hint={t("portal.proposal.hint")}
          value={text}
          onChange={setText}
          maxLength={1000}
        />
        <SubmitButton busy={form.busy}>{t("portal.proposal.submit")}</SubmitButton>
      </form>
      <SuccessMessage message={sent} />
    </section>
  );
}
