import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { AppLink, navigate } from "../../app/router.tsx";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PortalLayout } from "./PortalLayout.tsx";
import type { Answer, Overview, PortalMe } from "./portal.types.ts";
import { Choice, formatDate, SubmitButton, Term } from "./portal.ui.tsx";

/** /mijn: straight to one's own household, or a choice when the account may act for others too. */
export function PortalStartPage() {
  const { data, error } = useResource<PortalMe>("/api/portal/me");
  const active = data?.authorisations.filter((a) => a.active) ?? [];
  const ended = data?.authorisations.filter((a) => !a.active) ?? [];
  useEffect(() => {
    if (data?.ownHouseholdId && active.length === 0)
      navigate(`/mijn/${data.ownHouseholdId}`, { replace: true });
  }, [data, active.length]);
  if (error) return <ErrorMessage message={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageTitle>{t("portal.home.title")}</PageTitle>
      {!data.ownHouseholdId && active.length === 0 && <Paragraph>{t("portal.home.noHousehold")}</Paragraph>}
      {(data.ownHouseholdId || active.length > 0) && (
        <>
          <Heading2>{t("portal.home.choose")}</Heading2>
          <UnorderedList>
            {data.ownHouseholdId && (
              <UnorderedListItem>
                <AppLink href={`/mijn/${data.ownHouseholdId}`}>{t("portal.home.yourself")}</AppLink>
              </UnorderedListItem>
            )}
            {active.map((a) => (
              <UnorderedListItem key={a.id}>
                <AppLink href={`/mijn/${a.householdId}`}>
                  {t("portal.home.for", { name: a.representedName })}
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {ended.map((a) => (
        <Alert key={a.id} type="info">
          <Paragraph>
            {t("portal.home.ended", { name: a.representedName || "?", date: formatDate(a.validUntil) })}
          </Paragraph>
        </Alert>
      ))}
    </>
  );
}

/** Overview: where things stand, the contact person, the end of support, who may look along. */
export function PortalOverviewPage({ householdId }: { householdId: string }) {
  const { data, error, reload } = useResource<Overview>(`/api/portal/households/${householdId}`);
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("portal.overview.title")}</PageTitle>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data && <OverviewBody data={data} reload={reload} />}
    </PortalLayout>
  );
}

function OverviewBody({ data, reload }: { data: Overview; reload(): Promise<void> }) {
  const name = (residentId: string) => data.members.find((m) => m.residentId === residentId)?.givenName ?? "";
  return (
    <>
      {data.actingAs === "representative" && (
        <Alert type="info">
          <Paragraph>{t("portal.overview.actingFor")}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="status-heading">
        <Heading2 id="status-heading">{t("portal.overview.status")}</Heading2>
        {!data.case && <Paragraph>{t("portal.overview.noCase")}</Paragraph>}
        {data.case && (
          <>
            <Paragraph>{t(`portal.status.${data.case.status}` as MessageKey)}</Paragraph>
            <Paragraph>
              {data.case.closedOn
                ? t("portal.overview.closed", { date: formatDate(data.case.closedOn) })
                : t("portal.overview.started", { date: formatDate(data.case.openedOn) })}
            </Paragraph>
          </>
        )}
      </section>
      <section aria-labelledby="lead-heading" className="ww-card">
        <Heading2 id="lead-heading">{t("portal.lead.title")}</Heading2>
        {!data.caseLead && <Paragraph>{t("portal.lead.none")}</Paragraph>}
        {data.caseLead && (
          <div className="ww-lead">
            {data.caseLead.hasPhoto && (
              <img
                className="ww-lead__photo"
                src={`/api/portal/households/${data.householdId}/case-lead/photo`}
                alt={t("portal.lead.photo", { name: data.caseLead.displayName })}
                width={96}
                height={96}
              />
            )}
            <div>
              <Heading3>{data.caseLead.displayName}</Heading3>
              <Paragraph>
                {t("portal.lead.works", {
                  name: data.caseLead.displayName,
                  organisation: data.caseLead.organisationName,
                })}
              </Paragraph>
              {data.caseLead.phone && (
                <Paragraph>{t("portal.lead.phone", { phone: data.caseLead.phone })}</Paragraph>
              )}
              {data.caseLead.reachability && <Paragraph>{data.caseLead.reachability}</Paragraph>}
              <Paragraph>
                <AppLink href={`/mijn/${data.householdId}/berichten`}>{t("portal.lead.write")}</AppLink>
              </Paragraph>
            </div>
          </div>
        )}
      </section>
      <section aria-labelledby="end-heading">
        <Heading2 id="end-heading">{t("portal.end.title")}</Heading2>
        {data.closurePlan ? (
          <>
            <Paragraph>
              {t("portal.end.date", { date: formatDate(data.closurePlan.plannedEndDate) })}
            </Paragraph>
            {data.closurePlan.aftercareContactDate && (
              <Paragraph>
                <Term term="aftercare" />:{" "}
                {t("portal.end.aftercare", { date: formatDate(data.closurePlan.aftercareContactDate) })}
              </Paragraph>
            )}
            {data.closurePlan.afterClosureNote && <Paragraph>{data.closurePlan.afterClosureNote}</Paragraph>}
          </>
        ) : (
          <Paragraph>{t("portal.end.unknown")}</Paragraph>
        )}
      </section>
      {data.satisfactionAsked && <SatisfactionForm householdId={data.householdId} onDone={reload} />}
      <section aria-labelledby="auth-heading">
        <Heading2 id="auth-heading">{t("portal.authorisations.title")}</Heading2>
        <Paragraph>
          <Term term="authorisation" />
        </Paragraph>
        {data.authorisations.length === 0 ? (
          <Paragraph>{t("portal.authorisations.none")}</Paragraph>
        ) : (
          <UnorderedList>
            {data.authorisations.map((a) => (
              <UnorderedListItem key={a.id}>
                {t("portal.authorisations.row", {
                  basis: t(`portal.basis.${a.basis}`),
                  name: name(a.representedResidentId),
                  from: formatDate(a.validFrom),
                  until: formatDate(a.validUntil),
                })}{" "}
                {a.isYou && t("portal.authorisations.you")} {!a.active && t("portal.authorisations.ended")}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </section>
    </>
  );
}

function SatisfactionForm({ householdId, onDone }: { householdId: string; onDone(): Promise<void> }) {
  const [answers, setAnswers] = useState<Record<string, Answer | "">>({
    feltHelped: "",
    takenSeriously: "",
    knowsNextStep: "",
  });
  const [thanks, setThanks] = useState<string | null>(null);
  const form = useSubmit(async () => {
    await api.post(`/api/portal/households/${householdId}/satisfaction`, answers);
    setThanks(t("portal.satisfaction.thanks"));
    await onDone();
  });
  const options = (["yes", "somewhat", "no"] as const).map((value) => ({
    value,
    label: t(`portal.answer.${value}`),
  }));
  return (
    <section aria-labelledby="satisfaction-heading" className="ww-card">
      <Heading2 id="satisfaction-heading">{t("portal.satisfaction.title")}</Heading2>
      <Paragraph>{t("portal.satisfaction.intro")}</Paragraph>
      <form onSubmit={form.onSubmit}>
        <ErrorMessage message={form.error} />
        {(["feltHelped", "takenSeriously", "knowsNextStep"] as const).map((q) => (
          <Choice
            key={q}
            name={q}
            legend={t(`portal.satisfaction.${q}`)}
            options={options}
            value={answers[q] ?? ""}
            onChange={(v) => setAnswers({ ...answers, [q]: v as Answer })}
          />
        ))}
        <SubmitButton busy={form.busy}>{t("portal.satisfaction.submit")}</SubmitButton>
      </form>
      <SuccessMessage message={thanks} />
    </section>
  );
}
