import { Button, Link, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { ChangeSizeFigure } from "./ChangeSizeFigure.tsx";
import { MetricFigure } from "./MetricFigure.tsx";
import { METRICS, type OutcomeMonitor } from "./outcomes.types.ts";
import "./outcomes.css";
import { formatDate } from "../../i18n/format.ts";

/** The outcome monitor: aggregates only; small cells arrive already withheld for policy staff. */
export function OutcomesPage() {
  const [form, setForm] = useState({ from: "", until: "", dimension: "team", granularity: "month" });
  const [query, setQuery] = useState("dimension=team&granularity=month");
  const result = useResource<OutcomeMonitor>(`/api/outcomes?${query}`);
  function show(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ dimension: form.dimension, granularity: form.granularity });
    if (form.from) params.set("from", form.from);
    if (form.until) params.set("until", form.until);
    setQuery(params.toString());
  }
  const data = result.data;
  return (
    <>
      <PageTitle>{t("outcomes.title")}</PageTitle>
      <Paragraph>{t("outcomes.intro")}</Paragraph>
      <form onSubmit={show}>
        <div className="ww-inline-fields">
          <TextField
            id="outcomes-from"
            label={t("outcomes.from")}
            type="date"
            value={form.from}
            onChange={(v) => setForm({ ...form, from: v })}
          />
          <TextField
            id="outcomes-until"
            label={t("outcomes.until")}
            type="date"
            value={form.until}
            onChange={(v) => setForm({ ...form, until: v })}
          />
          <SelectField
            id="outcomes-dimension"
            label={t("outcomes.dimension")}
            value={form.dimension}
            options={(["team", "district", "wmoField"] as const).map((d) => ({
              value: d,
              label: t(`outcomes.dim.${d}`),
            }))}
            onChange={(v) => setForm({ ...form, dimension: v })}
          />
          <SelectField
            id="outcomes-granularity"
            label={t("outcomes.granularity")}
            value={form.granularity}
            options={(["month", "quarter"] as const).map((g) => ({
              value: g,
              label: t(`outcomes.gran.${g}`),
            }))}
            onChange={(v) => setForm({ ...form, granularity: v })}
          />
        </div>
        <Button type="submit" appearance="primary-action-button">
          {t("outcomes.show")}
        </Button>
      </form>
      <ErrorMessage message={result.error} />
      {!data && !result.error && <Loading />}
      {data && (
        <div aria-live="polite">
          <Paragraph>
            {formatDate(data.from)} – {formatDate(data.until)} ·{" "}
            <Link href={`/api/outcomes.csv?${query}`} download>
              {t("outcomes.csv")}
            </Link>
          </Paragraph>
          {data.smallCellsSuppressed && <Paragraph>{t("outcomes.suppressed")}</Paragraph>}
          {!data.hasData ? (
            <Paragraph>
              <strong>{t("outcomes.noData")}</strong>
            </Paragraph>
          ) : (
            <>
              {METRICS.map((metric) => (
                <MetricFigure key={metric} monitor={data} metric={metric} />
              ))}
              <ChangeSizeFigure domains={data.zrmChangeSize} />
            </>
          )}
        </div>
      )}
    </>
  );
}
