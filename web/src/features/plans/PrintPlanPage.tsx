import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import type { Plan } from "./types.ts";
import "./print.css";
import { formatDate } from "../../i18n/format.ts";

interface Printable {
  residents: string[];
  startDate: string;
  expectedEndDate: string | null;
  nextReviewOn: string | null;
  caseLead: { name: string; organisationName: string; email: string | null } | null;
  goals: {
    domainName: string;
    ownWords: string;
    targetDate: string;
    actions: { what: string; who: string; when: string; done: boolean }[];
  }[];
  agreement: { agreedOn: string; how: string } | null;
}

const nlDate = (d: string) => formatDate(d);

/** The plan in plain Dutch (B1) for the resident, with a print stylesheet. */
export function PrintPlanPage({ caseId }: { caseId: string }) {
  const plan = useResource<Plan>(`/api/cases/${encodeURIComponent(caseId)}/plan`);
  const planId = plan.data?.id;
  return planId ? (
    <Printed caseId={caseId} planId={planId} />
  ) : (
    <>
      <PageTitle>{t("print.title")}</PageTitle>
      {plan.error ? <ErrorMessage message={plan.error} /> : <Loading />}
    </>
  );
}

function Printed({ caseId, planId }: { caseId: string; planId: string }) {
  const res = useResource<Printable>(`/api/plans/${encodeURIComponent(planId)}/print`);
  const p = res.data;
  return (
    <article className="ww-print" lang="nl">
      <PageTitle>{t("print.title")}</PageTitle>
      <ErrorMessage message={res.error} />
      {!p ? (
        !res.error && <Loading />
      ) : (
        <>
          <Paragraph>{t("print.intro")}</Paragraph>
          <Paragraph>{t("print.for", { names: p.residents.join(", ") })}</Paragraph>
          {p.caseLead && (
            <>
              <Heading2>{t("print.contact")}</Heading2>
              <Paragraph>
                {t("print.contactText", {
                  name: p.caseLead.name,
                  organisation: p.caseLead.organisationName,
                  email: p.caseLead.email ?? "–",
                })}
              </Paragraph>
            </>
          )}
          <Heading2>{t("print.goals")}</Heading2>
          {p.goals.map((g) => (
            <section key={`${g.domainName}-${g.ownWords}`} className="ww-print-goal">
              <Paragraph>
                <strong>{g.domainName}:</strong> “{g.ownWords}”
              </Paragraph>
              <Paragraph>{t("print.before", { date: nlDate(g.targetDate) })}</Paragraph>
              <Paragraph>{t("print.who")}</Paragraph>
              <UnorderedList>
                {g.actions.map((a) => (
                  <UnorderedListItem key={`${a.what}-${a.when}`}>
                    {a.who}: {a.what} ({nlDate(a.when)}){a.done ? " ✓" : ""}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </section>
          ))}
          <Heading2>{t("print.next")}</Heading2>
          {p.nextReviewOn && <Paragraph>{t("print.nextText", { date: nlDate(p.nextReviewOn) })}</Paragraph>}
          {p.expectedEndDate && <Paragraph>{t("print.end", { date: nlDate(p.expectedEndDate) })}</Paragraph>}
          {p.agreement && (
            <Paragraph>
              {t("print.agreed", { date: nlDate(p.agreement.agreedOn), how: p.agreement.how })}
            </Paragraph>
          )}
          <div className="ww-no-print">
            <Button type="button" onClick={() => window.print()}>
              {t("print.button")}
            </Button>{" "}
            <AppLink href={`/casussen/${encodeURIComponent(caseId)}/plan`}>{t("print.back")}</AppLink>
          </div>
        </>
      )}
    </article>
  );
}
