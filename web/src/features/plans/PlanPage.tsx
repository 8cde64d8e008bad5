import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { ApiError, api, errorMessage } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { DossierFrame } from "../dossier/DossierFrame.tsx";
import { announceDossierChange } from "../dossier/useDossier.ts";
import { AddActionForm } from "./AddActionForm.tsx";
import { AddGoalForm } from "./AddGoalForm.tsx";
import { GoalSection } from "./GoalSection.tsx";
import { label, today } from "./labels.ts";
import { PlanChangeError, usePlanChange } from "./planChange.tsx";
import type { Plan } from "./types.ts";

/**
 * The plan inside the dossier's frame (household, status, case lead and the section menu). A case without
 * a plan gets one with its first goal: one button, no dates to type first.
 */
export function PlanPage({ caseId }: { caseId: string }) {
  const overview = useResource<{ householdId: string; plan: Plan | null }>(
    `/api/cases/${encodeURIComponent(caseId)}/plan/overview`,
    { keep: true },
  );
  const [firstGoal, setFirstGoal] = useState(false);
  const reload = async () => {
    await overview.reload();
    if (overview.data) announceDossierChange(overview.data.householdId);
  };
  if (!overview.data) {
    return (
      <>
        <PageTitle>{t("plan.title")}</PageTitle>
        <ErrorMessage message={overview.error} />
        {!overview.error && <Loading />}
      </>
    );
  }
  const { householdId, plan } = overview.data;
  return (
    <DossierFrame householdId={householdId} section="plan" title={t("plan.title")}>
      {plan ? (
        <PlanView plan={plan} reload={reload} notice={firstGoal ? t("plan.goalAdded") : null} />
      ) : (
        <StartPlan
          caseId={caseId}
          onCreated={async () => {
            setFirstGoal(true);
            await reload();
          }}
        />
      )}
    </DossierFrame>
  );
}

function StartPlan({ caseId, onCreated }: { caseId: string; onCreated(): Promise<void> }) {
  const zrm = useResource<{ municipalityVersion: string }>("/api/zrm", { keep: true });
  return (
    <>
      <Paragraph>{t("plan.startIntro")}</Paragraph>
      <AddGoalForm
        plan={null}
        caseId={caseId}
        zrmVersion={zrm.data?.municipalityVersion}
        onSaved={onCreated}
      />
    </>
  );
}

function PlanView({
  plan,
  reload,
  notice: first,
}: {
  plan: Plan;
  reload(): Promise<void>;
  notice: string | null;
}) {
  const base = `/casussen/${encodeURIComponent(plan.caseId)}/plan`;
  const [notice, setNotice] = useState<string | null>(first);
  return (
    <>
      <Paragraph>
        {t("plan.version", { version: plan.version })} · {formatDate(plan.startDate)} –{" "}
        {plan.expectedEndDate ? formatDate(plan.expectedEndDate) : "…"}
        {plan.caseLead && <> · {t("plan.caseLead", { name: plan.caseLead.name })}</>}
      </Paragraph>
      <Paragraph>{plan.agreedToCurrentVersion ? t("plan.agreed") : t("plan.notAgreed")}</Paragraph>
      <nav aria-label={t("plan.links")}>
        <UnorderedList>
          <UnorderedListItem>
            <AppLink href={`${base}/afdrukken`}>{t("plan.print")}</AppLink>
          </UnorderedListItem>
          <UnorderedListItem>
            <AppLink href={`${base}/versies`}>{t("plan.versions")}</AppLink>
          </UnorderedListItem>
          <UnorderedListItem>
            <AppLink href={`/dossiers/${encodeURIComponent(plan.householdId)}/netwerk`}>
              {t("plan.network")}
            </AppLink>
          </UnorderedListItem>
        </UnorderedList>
      </nav>
      <Heading2>{t("plan.goals")}</Heading2>
      <SuccessMessage message={notice} />
      {plan.goals.map((goal) => (
        <GoalSection
          key={goal.id}
          plan={plan}
          goal={goal}
          reload={reload}
          onRemoved={async (message) => {
            await reload();
            setNotice(message);
          }}
        />
      ))}
      {plan.allowed.write && (
        <>
          <AddGoalForm plan={plan} onSaved={reload} />
          {plan.goals.length > 0 && <AddActionForm plan={plan} onSaved={reload} />}
          <ReviewAndAgreement plan={plan} onSaved={reload} />
        </>
      )}
    </>
  );
}

function ReviewAndAgreement({ plan, onSaved }: { plan: Plan; onSaved(): Promise<void> }) {
  const [dueOn, setDueOn] = useState(plan.nextReviewOn ?? "");
  const [agreedOn, setAgreedOn] = useState(today());
  const [how, setHow] = useState("inPerson");
  const [saved, setSaved] = useState<string | null>(null);
  const review = usePlanChange(async () => {
    await api.post(`/api/plans/${plan.id}/reviews`, { version: plan.version, dueOn });
    setSaved(t("form.saved"));
    await onSaved();
  });
  const agreement = usePlanChange(async () => {
    try {
      await api.post(`/api/plans/${plan.id}/agreement`, { version: plan.version, agreedOn, how });
    } catch (e) {
      throw e instanceof ApiError ? e : new Error(errorMessage(e));
    }
    setSaved(t("form.saved"));
    await onSaved();
  });
  return (
    <>
      <SuccessMessage message={saved} />
      <form onSubmit={review.onSubmit} aria-labelledby="plan-reviews">
        <Heading2 id="plan-reviews">{t("plan.reviews")}</Heading2>
        <Paragraph>
          {plan.nextReviewOn
            ? t("plan.nextReview", { date: formatDate(plan.nextReviewOn) })
            : t("plan.noReview")}
        </Paragraph>
        <PlanChangeError change={review} reload={onSaved} />
        <TextField
          id="review-date"
          type="date"
          label={t("plan.reviewDate")}
          value={dueOn}
          onChange={setDueOn}
          required
        />
        <Button type="submit" disabled={review.busy}>
          {t("plan.scheduleReview")}
        </Button>
      </form>
      {!plan.agreedToCurrentVersion && (
        <form onSubmit={agreement.onSubmit} aria-labelledby="plan-agreement">
          <Heading2 id="plan-agreement">{t("plan.agreement")}</Heading2>
          <PlanChangeError change={agreement} reload={onSaved} />
          <TextField
            id="agreed-on"
            type="date"
            label={t("plan.agreedOn")}
            value={agreedOn}
            onChange={setAgreedOn}
            required
          />
          <SelectField
            id="agreed-how"
            label={t("plan.how")}
            value={how}
            onChange={setHow}
            required
            options={["inPerson", "signed", "digitalLater"].map((v) => ({
              value: v,
              label: label("agreement", v),
            }))}
          />
          <Button type="submit" disabled={agreement.busy}>
            {t("plan.recordAgreement")}
          </Button>
        </form>
      )}
    </>
  );
}
