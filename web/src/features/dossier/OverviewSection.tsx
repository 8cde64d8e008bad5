import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { AppLink } from "../../app/router.tsx";
import { formatDate } from "../../i18n/format.ts";
import type { Plan } from "../plans/types.ts";
import { OpenCaseForm } from "./CaseActions.tsx";
import { IntakeForm } from "./CaseRecordForms.tsx";
import { sectionHref } from "./DossierHeader.tsx";
import { label, levelText, t } from "./labels.ts";
import type { CaseFile, Dossier, ZrmInstrument } from "./types.ts";
import { allDomainsOf } from "./useDossier.ts";
import { RecordZrmButton } from "./ZrmSection.tsx";

export interface SectionProps {
  dossier: Dossier;
  instrument: ZrmInstrument;
  current: CaseFile | undefined;
  done(message?: string): Promise<void>;
  reload(): Promise<void>;
}

/** What the work asks next, as one button: open the case, record the intake, the ZRM, the plan, close. */
function NextStep({
  dossier,
  instrument,
  current,
  done,
  reload,
  plan,
}: SectionProps & { plan: Plan | null }) {
  const write = dossier.allowed.write && !dossier.mergedIntoId;
  if (!write) return null;
  let text: string;
  let action: React.ReactNode;
  if (!current || current.status === "closed") {
    if (current) return null;
    text = t("workspace.next.open");
    action = <OpenCaseForm dossier={dossier} done={done} primary />;
  } else if (current.status === "registration" || dossier.intakes.length === 0) {
    text = t("workspace.next.intake");
    action = (
      <IntakeForm
        dossier={dossier}
        instrument={instrument}
        current={current}
        done={done}
        reload={reload}
        primary
      />
    );
  } else if (dossier.assessments.filter((a) => a.caseId === current.id).length === 0) {
    text = t("workspace.next.zrm");
    action = (
      <RecordZrmButton dossier={dossier} instrument={instrument} current={current} done={done} primary />
    );
  } else if (!plan || plan.goals.length === 0) {
    text = t("workspace.next.plan");
    const href = `/casussen/${encodeURIComponent(current.id)}/plan`;
    action = (
      <AppLink href={href} className="utrecht-button-link utrecht-button-link--primary-action-button">
        {t("workspace.next.planLink")}
      </AppLink>
    );
  } else {
    text = t("workspace.next.work");
    action = null;
  }
  return (
    <div className="ww-next-step">
      <Heading2>{t("workspace.next.title")}</Heading2>
      <Paragraph>{text}</Paragraph>
      {action}
    </div>
  );
}

/** The overview: the next step, what is due, the latest ZRM, the plan's goals and the last contacts. */
export function OverviewSection(props: SectionProps & { plan: Plan | null }) {
  const { dossier, instrument, current, plan } = props;
  const domainName = (key: string) => allDomainsOf(instrument).find((d) => d.key === key)?.name ?? key;
  const due = plan
    ? [
        ...plan.goals.flatMap((g) =>
          g.actions
            .filter((a) => a.status === "planned" || a.status === "inProgress")
            .map((a) => ({ key: a.id, text: a.description, on: a.dueDate, overdue: a.overdue })),
        ),
        ...plan.reviews
          .filter((r) => r.heldOn === null)
          .map((r) => ({ key: r.id, text: t("workspace.review"), on: r.dueOn, overdue: r.overdue })),
      ].sort((a, b) => a.on.localeCompare(b.on))
    : [];
  const names = new Map(dossier.members.map((m) => [m.id, `${m.givenName} ${m.familyName}`]));
  const latest = dossier.members
    .map((m) => ({
      member: m,
      assessment: dossier.assessments.filter((a) => a.residentId === m.id).at(-1),
    }))
    .filter((x) => x.assessment);
  const caseHref = sectionHref(dossier.id, "plan", current?.id ?? null);
  return (
    <>
      <NextStep {...props} />
      <div className="ww-cards">
        <section className="ww-card-box" aria-labelledby="due-heading">
          <Heading2 id="due-heading">{t("workspace.due")}</Heading2>
          {due.length === 0 ? (
            <Paragraph>{t("workspace.nothingDue")}</Paragraph>
          ) : (
            <UnorderedList>
              {due.slice(0, 6).map((d) => (
                <UnorderedListItem key={d.key}>
                  <strong>{formatDate(d.on)}</strong>
                  {d.overdue && <span className="ww-overdue"> ({t("workspace.late")})</span>}: {d.text}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </section>
        <section className="ww-card-box" aria-labelledby="zrm-latest-heading">
          <Heading2 id="zrm-latest-heading">{t("workspace.latestZrm")}</Heading2>
          {latest.length === 0 && <Paragraph>{t("dossier.noZrm")}</Paragraph>}
          {latest.map(({ member, assessment }) =>
            assessment ? (
              <div key={member.id}>
                <Heading3>
                  {names.get(member.id)} ({formatDate(assessment.assessedOn)})
                </Heading3>
                <UnorderedList>
                  {[...assessment.scores]
                    .sort((a, b) => a.level - b.level)
                    .slice(0, 4)
                    .map((s) => (
                      <UnorderedListItem key={s.domain}>
                        {domainName(s.domain)}:{" "}
                        <span className={`ww-level-cell ww-level-cell--${s.level}`}>{s.level}</span>{" "}
                        {label("levelName", s.level)}
                      </UnorderedListItem>
                    ))}
                </UnorderedList>
              </div>
            ) : null,
          )}
          <Paragraph>
            <AppLink href={`/dossiers/${dossier.id}/zrm`}>{t("workspace.allZrm")}</AppLink>
          </Paragraph>
        </section>
        <section className="ww-card-box" aria-labelledby="goals-heading">
          <Heading2 id="goals-heading">{t("workspace.goals")}</Heading2>
          {!plan || plan.goals.length === 0 ? (
            <Paragraph>{t("workspace.noGoals")}</Paragraph>
          ) : (
            <UnorderedList>
              {plan.goals.map((g) => (
                <UnorderedListItem key={g.id}>
                  <strong>{domainName(g.domain)}</strong>: “{g.ownWords}” ({t("workspace.towards")}{" "}
                  {levelText(g.targetLevel)}, {formatDate(g.targetDate)})
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {caseHref && (
            <Paragraph>
              <AppLink href={caseHref}>{t("workspace.toPlan")}</AppLink>
            </Paragraph>
          )}
        </section>
        <section className="ww-card-box" aria-labelledby="contacts-heading">
          <Heading2 id="contacts-heading">{t("workspace.lastContacts")}</Heading2>
          {dossier.journal.length === 0 ? (
            <Paragraph>{t("dossier.noJournal")}</Paragraph>
          ) : (
            <UnorderedList>
              {dossier.journal.slice(0, 3).map((j) => (
                <UnorderedListItem key={j.id}>
                  <strong>
                    {formatDate(j.occurredOn)}, {label("journalKind", j.kind)}
                  </strong>{" "}
                  ({j.author?.name ?? "–"}): {j.text.length > 140 ? `${j.text.slice(0, 140)}…` : j.text}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph>
            <AppLink href={`/dossiers/${dossier.id}/journaal`}>{t("workspace.allContacts")}</AppLink>
          </Paragraph>
        </section>
      </div>
    </>
  );
}
