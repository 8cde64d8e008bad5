import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { label } from "../plans/labels.ts";
import type { LinkedPlanAction } from "./types.ts";

/**
 * Where an action decision lives in the plan: the goal with a link to the plan for who may open the
 * household; for others only that it is an action in the plan.
 */
export function PlanActionLink({ planAction }: { planAction: LinkedPlanAction | null }) {
  if (!planAction) return <>–</>;
  if (!planAction.caseId || !planAction.goal) return <>{t("conf.inPlanHidden")}</>;
  const goal = `${label("domain", planAction.goal.domain)}: ${planAction.goal.ownWords}`;
  return (
    <AppLink href={`/casussen/${encodeURIComponent(planAction.caseId)}/plan`}>
      {t("conf.inPlanGoal", { goal })}
    </AppLink>
  );
}
