import {
  Button,
  Heading3,
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
import "./plans.css";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { SuccessMessage } from "../../ui/Messages.tsx";
import { ActionEditor } from "./ActionEditor.tsx";
import { EditGoalForm } from "./EditGoalForm.tsx";
import { label } from "./labels.ts";
import type { Plan, PlanAction, PlanGoal } from "./types.ts";

const COLUMNS = [
  "plan.action.what",
  "plan.action.who",
  "plan.action.due",
  "plan.action.status",
  "plan.action.reason",
  "plan.action.more",
] as const;

export const actorOf = (a: PlanAction) =>
  a.networkMemberName ?? a.directoryEntryName ?? a.professionalName ?? a.actorName ?? "";

/** One goal of the plan: the resident's words, the ladder, the actions; editing when the plan may be changed. */
export function GoalSection({
  plan,
  goal,
  reload,
  onRemoved,
}: {
  plan: Plan;
  goal: PlanGoal;
  reload(): Promise<void>;
  /** The goal left the plan: the page announces it (this section unmounts). */
  onRemoved(message: string): Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [openAction, setOpenAction] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = async (message: string) => {
    await reload();
    setNotice(message);
  };
  const selected = goal.actions.find((a) => a.id === openAction);
  const write = plan.allowed.write;
  return (
    <section aria-labelledby={`goal-${goal.id}`}>
      <Heading3 id={`goal-${goal.id}`}>
        {label("domain", goal.domain)}{" "}
        {goal.dataCategory === "special" && <small>({t("plan.special")})</small>}
      </Heading3>
      <Paragraph>
        <strong>{t("plan.goal.ownWords")}:</strong> “{goal.ownWords}”
      </Paragraph>
      <Paragraph>
        <strong>{t("plan.goal.professional")}:</strong> {goal.professionalWording}
      </Paragraph>
      <Paragraph>
        {t("plan.goal.levels", {
          current: goal.currentLevel ?? t("plan.goal.unknownLevel"),
          target: goal.targetLevel,
          date: formatDate(goal.targetDate),
        })}{" "}
        · {t("plan.goal.statusIs", { status: label("goalStatus", goal.status) })}
      </Paragraph>
      <Paragraph>
        <strong>{t("plan.ladder")}:</strong>
      </Paragraph>
      <ol className="ww-ladder">
        {goal.ladder.map((step) => (
          <li key={step.rung} data-considered={step.considered}>
            {label("rung", step.rung)}:{" "}
            {step.considered ? t("plan.ladder.considered") : t("plan.ladder.notConsidered")}
            {step.actionCount > 0 && <> · {t("plan.ladder.actions", { count: step.actionCount })}</>}
            {step.reasons.length > 0 && <> · {step.reasons.map((r) => label("reason", r)).join(", ")}</>}
          </li>
        ))}
      </ol>
      <SuccessMessage message={notice} />
      {write &&
        (editing ? (
          <EditGoalForm
            key={plan.version}
            plan={plan}
            goal={goal}
            reload={reload}
            onDone={async (message) => {
              setEditing(false);
              await saved(message);
            }}
            onCancel={() => setEditing(false)}
            onRemoved={onRemoved}
          />
        ) : (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t("plan.editGoal")}
            <span className="ww-visually-hidden"> {label("domain", goal.domain)}</span>
          </Button>
        ))}
      {goal.actions.length > 0 && (
        <Table>
          <TableCaption>{t("plan.actionsOf", { domain: label("domain", goal.domain) })}</TableCaption>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((k) => (
                <TableHeaderCell key={k} scope="col">
                  {t(k)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {goal.actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.description}</TableCell>
                <TableCell>
                  {label("actor", a.actorKind)}: {actorOf(a)}
                </TableCell>
                <TableCell>
                  {formatDate(a.dueDate)}
                  {a.overdue && <strong> ({t("worklist.overdue")})</strong>}
                </TableCell>
                <TableCell>{label("actionStatus", a.status)}</TableCell>
                <TableCell>
                  {a.escalationReason
                    ? `${label("reason", a.escalationReason)}: ${a.escalationNote ?? ""}`
                    : ""}
                </TableCell>
                <TableCell>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    aria-expanded={openAction === a.id}
                    aria-controls={openAction === a.id ? `action-${a.id}` : undefined}
                    aria-label={`${write ? t("plan.action.open") : t("plan.action.details")}: ${a.description}`}
                    onClick={() => {
                      setNotice(null);
                      setOpenAction(openAction === a.id ? null : a.id);
                    }}
                  >
                    {write ? t("plan.action.open") : t("plan.action.details")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {selected && (
        <ActionEditor
          key={`${selected.id}-${plan.version}`}
          plan={plan}
          goal={goal}
          action={selected}
          reload={reload}
          onSaved={saved}
          onClose={() => setOpenAction(null)}
        />
      )}
    </section>
  );
}
