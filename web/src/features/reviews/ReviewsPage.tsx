import { Heading2, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useResource } from "../../api/useResource.ts";
import { AppLink } from "../../app/router.tsx";
import { useAuthenticatedSession } from "../../app/session.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { t, useLanguage } from "../../i18n/i18n.ts";
import { PageTitle } from "../../ui/PageTitle.tsx";

function Review({
  title,
  count,
  href,
  text,
}: {
  title: string;
  count: number | null;
  href: string;
  text: string;
}): ReactNode {
  return (
    <section className="ww-card-box" aria-labelledby={`review-${href}`}>
      <Heading2 id={`review-${href}`}>{title}</Heading2>
      <Paragraph>
        <strong data-testid={`review-count-${href}`}>{count === null ? "…" : formatNumber(count)}</strong>{" "}
        {text}
      </Paragraph>
      <Paragraph>
        <AppLink href={href}>{t("reviews.open", { list: title.toLowerCase() })}</AppLink>
      </Paragraph>
    </section>
  );
}

/** A team lead's start: the lists that wait for their judgement, with how much is waiting in each. */
export function ReviewsPage() {
  useLanguage();
  const session = useAuthenticatedSession();
  const can = (p: string) => session.permissions.includes(p);
  const emergency = useResource<{ items: { reviewedAt: string | null }[] }>("/api/emergency-access/reviews");
  const triage = useResource<{ items: unknown[] }>(can("signal.triage") ? "/api/signals/queue" : "");
  const suggestions = useResource<{ items: { status: string }[] }>(
    can("directory.manage") ? "/api/directory/suggestions" : "",
  );
  return (
    <>
      <PageTitle>{t("reviews.title")}</PageTitle>
      <Paragraph>{t("reviews.intro")}</Paragraph>
      <div className="ww-cards">
        <Review
          title={t("nav.emergencyReviews")}
          href="/noodtoegang/beoordelen"
          count={emergency.data ? emergency.data.items.filter((x) => !x.reviewedAt).length : null}
          text={t("reviews.emergency")}
        />
        {can("signal.triage") && (
          <Review
            title={t("nav.signalTriage")}
            href="/signalen/triage"
            count={triage.data ? triage.data.items.length : null}
            text={t("reviews.triage")}
          />
        )}
        {can("directory.manage") && (
          <Review
            title={t("reviews.suggestions")}
            href="/sociale-kaart-intern/voorstellen"
            count={suggestions.data ? suggestions.data.items.filter((x) => x.status === "open").length : null}
            text={t("reviews.suggestionsText")}
          />
        )}
        {can("worklist.read") && (
          <section className="ww-card-box" aria-labelledby="review-team">
            <Heading2 id="review-team">{t("nav.worklist")}</Heading2>
            <Paragraph>{t("reviews.team")}</Paragraph>
            <Paragraph>
              <AppLink href="/mijn-werk">{t("reviews.toWorklist")}</AppLink>
            </Paragraph>
          </section>
        )}
      </div>
    </>
  );
}
