import { Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PortalLayout } from "./PortalLayout.tsx";
import type { SelfAssessmentForm } from "./portal.types.ts";
import { Choice, formatDate, SubmitButton } from "./portal.ui.tsx";

const LEVELS = ["1", "2", "3", "4", "5"] as const;

/** "Hoe gaat het met u?": the life domains as plain questions, answered 1–5 with words, any may be skipped. */
export function PortalSelfAssessmentPage({ householdId }: { householdId: string }) {
  const url = `/api/portal/households/${householdId}/self-assessment`;
  const { data, error, reload } = useResource<SelfAssessmentForm>(url);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (data?.latest)
      setAnswers(Object.fromEntries(data.latest.scores.map((s) => [s.domain, String(s.level)])));
  }, [data]);
  const form = useSubmit(async () => {
    const scores = Object.entries(answers)
      .filter(([, v]) => v !== "" && v !== "skip")
      .map(([domain, level]) => ({ domain, level: Number(level) }));
    await api.post(url, { scores });
    setSaved(t("portal.self.saved"));
    await reload();
  });
  const options = [
    ...LEVELS.map((l) => ({ value: l, label: t(`portal.level.${l}` as MessageKey) })),
    { value: "skip", label: t("portal.self.skip") },
  ];
  return (
    <PortalLayout householdId={householdId}>
      <PageTitle>{t("portal.self.title")}</PageTitle>
      <Paragraph>{t("portal.self.intro")}</Paragraph>
      <ErrorMessage message={error} />
      {!data && !error && <Loading />}
      {data?.latest && (
        <Paragraph>{t("portal.self.last", { date: formatDate(data.latest.submittedAt) })}</Paragraph>
      )}
      {data && (
        <form onSubmit={form.onSubmit}>
          {data.domains.map((d) => (
            <Choice
              key={d.domain}
              name={`domain-${d.domain}`}
              legend={t(`portal.domain.${d.domain}` as MessageKey)}
              options={options}
              value={answers[d.domain] ?? ""}
              onChange={(v) => setAnswers({ ...answers, [d.domain]: v })}
            />
          ))}
          <ErrorMessage message={form.error} />
          <SubmitButton busy={form.busy}>{t("portal.self.submit")}</SubmitButton>
          <SuccessMessage message={saved} />
        </form>
      )}
    </PortalLayout>
  );
}
