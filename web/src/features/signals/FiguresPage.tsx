import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Link,
  Paragraph,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { formatDate } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { type Bar, BarChart, shownCount } from "./BarChart.tsx";
import { label } from "./signalLabels.ts";

type Count = number | null;

interface Figures {
  from: string;
  to: string;
  /** Counts are null when withheld for policy staff (small numbers). */
  total: number | null;
  bySource: Bar[];
  byCategory: Bar[];
  byNeighbourhood: Bar[];
  firstContact: { contacted: Count; withinDeadline: Count; medianHours: number | null };
  firstAction: { acted: Count; withinDeadline: Count; overdueOpen: Count };
  cases: { decided: Count; becameCase: Count; share: number | null };
  referrals: Bar[];
}

/** The period is counted in whole days (UTC) on the server: show the calendar day it names. */
const day = (iso: string) => formatDate(iso.slice(0, 10));
const percent = (part: Count, whole: Count) =>
  part !== null && whole ? `${Math.round((part / whole) * 100)}%` : "–";

/** Figures on signals for a period: charts with tables, and the same as a CSV download. */
export function FiguresPage() {
  const [period, setPeriod] = useState({ from: "", to: "" });
  const [query, setQuery] = useState("");
  const figures = useResource<Figures>(`/api/signals/figures${query}`);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (period.from) params.set("from", period.from);
    if (period.to) params.set("to", period.to);
    setQuery(params.size ? `?${params}` : "");
  }

  const f = figures.data;
  return (
    <>
      <PageTitle>{t("figures.title")}</PageTitle>
      <Paragraph>{t("figures.intro")}</Paragraph>
      <form onSubmit={apply} className="ww-form ww-period" aria-label={t("figures.period")}>
        <TextField
          id="figures-from"
          type="date"
          label={t("figures.from")}
          value={period.from}
          onChange={(from) => setPeriod((p) => ({ ...p, from }))}
        />
        <TextField
          id="figures-to"
          type="date"
          label={t("figures.to")}
          value={period.to}
          onChange={(to) => setPeriod((p) => ({ ...p, to }))}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t("figures.show")}
        </Button>
      </form>
      <ErrorMessage message={figures.error} />
      {!f ? (
        !figures.error && <Loading />
      ) : (
        <div aria-live="polite">
          <Paragraph>
            {t("figures.periodShown", { from: day(f.from), to: day(f.to) })}{" "}
            <Link href={`/api/signals/figures.csv${query}`} download="signalen-cijfers.csv">
              {t("figures.csv")}
            </Link>
          </Paragraph>
          <Heading2>{t("figures.summary")}</Heading2>
          <DataList>
            {[
              [t("figures.total"), shownCount(f.total)],
              [
                t("figures.firstContact"),
                t("figures.firstContactValue", {
                  within: shownCount(f.firstContact.withinDeadline),
                  contacted: shownCount(f.firstContact.contacted),
                  percent: percent(f.firstContact.withinDeadline, f.firstContact.contacted),
                }),
              ],
              [
                t("figures.medianHours"),
                f.firstContact.medianHours === null
                  ? "–"
                  : t("figures.hours", { hours: f.firstContact.medianHours }),
              ],
              [
                t("figures.firstAction"),
                t("figures.firstContactValue", {
                  within: shownCount(f.firstAction.withinDeadline),
                  contacted: shownCount(f.firstAction.acted),
                  percent: percent(f.firstAction.withinDeadline, f.firstAction.acted),
                }),
              ],
              [t("figures.overdueOpen"), shownCount(f.firstAction.overdueOpen)],
              [
                t("figures.becameCase"),
                t("figures.becameCaseValue", {
                  cases: shownCount(f.cases.becameCase),
                  decided: shownCount(f.cases.decided),
                  share: f.cases.share === null ? "–" : `${f.cases.share}%`,
                }),
              ],
            ].map(([key, value]) => (
              <DataListItem key={key}>
                <DataListKey>{key}</DataListKey>
                <DataListValue>{value}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          <Chart
            title={t("figures.deadlineChart")}
            header={t("figures.moment")}
            bars={[
              { key: "within", label: t("figures.withinDeadline"), count: f.firstContact.withinDeadline },
              {
                key: "late",
                label: t("figures.afterDeadline"),
                count:
                  f.firstContact.contacted === null || f.firstContact.withinDeadline === null
                    ? null
                    : f.firstContact.contacted - f.firstContact.withinDeadline,
              },
            ]}
          />
          <Chart
            title={t("figures.bySource")}
            header={t("figures.source")}
            bars={f.bySource.map((b) => ({ ...b, label: label("source", b.key) }))}
          />
          <Chart
            title={t("figures.byCategory")}
            header={t("signals.category")}
            bars={f.byCategory.map((b) => ({ ...b, label: label("category", b.key) }))}
          />
          <Chart
            title={t("figures.byNeighbourhood")}
            header={t("signals.neighbourhood")}
            bars={f.byNeighbourhood}
          />
          <Chart title={t("figures.referrals")} header={t("figures.referredTo")} bars={f.referrals} />
        </div>
      )}
    </>
  );
}

function Chart({ title, header, bars }: { title: string; header: string; bars: Bar[] }) {
  const empty = bars.every((b) => b.count === 0);
  return (
    <section aria-label={title}>
      <Heading2>{title}</Heading2>
      {empty ? (
        <Paragraph>{t("figures.none")}</Paragraph>
      ) : (
        <BarChart
          title={title}
          bars={bars}
          labelHeader={header}
          countHeader={t("neighbourhood.count")}
          summary={bars.map((b) => `${b.label}: ${shownCount(b.count)}`).join(", ")}
        />
      )}
    </section>
  );
}
