import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { type BudgetResult, formatEuro, formatNumber } from "./areaAnalysis.types.ts";
import "./areaAnalysis.css";
import { ScrollRegion } from "./ScrollRegion.tsx";

const toNumber = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));

/** The population-based budget with adjustable parameters; every team's amount is explained in words. */
export function BudgetPage() {
  const [form, setForm] = useState({
    budget: "",
    populationShare: "0,5",
    hourlyRate: "75",
    weeksPerYear: "52",
  });
  const [query, setQuery] = useState("populationShare=0.5&hourlyRate=75&weeksPerYear=52");
  const result = useResource<BudgetResult>(`/api/area-analysis/budget?${query}`);
  function calculate(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (form.budget.trim()) params.set("budget", String(toNumber(form.budget)));
    params.set("populationShare", String(toNumber(form.populationShare)));
    params.set("hourlyRate", String(toNumber(form.hourlyRate)));
    params.set("weeksPerYear", String(toNumber(form.weeksPerYear)));
    setQuery(params.toString());
  }
  const data = result.data;
  return (
    <>
      <PageTitle>{t("budget.title")}</PageTitle>
      <Paragraph>{t("budget.intro")}</Paragraph>
      <form onSubmit={calculate}>
        <div className="ww-inline-fields">
          <TextField
            id="budget-amount"
            label={t("budget.amount")}
            value={form.budget}
            inputMode="decimal"
            onChange={(v) => setForm({ ...form, budget: v })}
          />
          <TextField
            id="budget-share"
            label={t("budget.populationShare")}
            value={form.populationShare}
            inputMode="decimal"
            onChange={(v) => setForm({ ...form, populationShare: v })}
          />
          <TextField
            id="budget-rate"
            label={t("budget.hourlyRate")}
            value={form.hourlyRate}
            inputMode="decimal"
            onChange={(v) => setForm({ ...form, hourlyRate: v })}
          />
          <TextField
            id="budget-weeks"
            label={t("budget.weeksPerYear")}
            value={form.weeksPerYear}
            inputMode="numeric"
            onChange={(v) => setForm({ ...form, weeksPerYear: v })}
          />
        </div>
        <Button type="submit" appearance="primary-action-button">
          {t("budget.calculate")}
        </Button>
      </form>
      <ErrorMessage message={result.error} />
      {!data && !result.error && <Loading />}
      {data && (
        <>
          <BudgetChart data={data} />
          <ScrollRegion label={t("budget.caption", { year: data.year })}>
            <Table>
              <TableCaption>{t("budget.caption", { year: data.year })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("budget.team")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("budget.inhabitants")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("budget.model")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("budget.current")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("budget.difference")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("budget.explanation")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.teams.map((team) => (
                  <TableRow key={team.teamId}>
                    <TableHeaderCell scope="row">{team.teamName}</TableHeaderCell>
                    <TableCell>{formatNumber(team.inhabitants)}</TableCell>
                    <TableCell>{formatEuro(team.modelAmount)}</TableCell>
                    <TableCell>{formatEuro(team.currentAmount)}</TableCell>
                    <TableCell>
                      {team.difference > 0 ? "+" : ""}
                      {formatEuro(team.difference)}
                    </TableCell>
                    <TableCell>
                      {team.explanation}
                      {team.notes.map((n) => (
                        <small key={n}>
                          <br />
                          {n}
                        </small>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
          <Paragraph>
            <small>{t("area.source", { tables: "Kerncijfers wijken en buurten", year: data.year })}</small>
          </Paragraph>
        </>
      )}
    </>
  );
}

/** Paired bars per team (model and now); decorative next to the table, which holds the same figures. */
function BudgetChart({ data }: { data: BudgetResult }) {
  const max = Math.max(1, ...data.teams.flatMap((x) => [x.modelAmount, x.currentAmount]));
  const row = 44;
  const width = 640;
  const labelWidth = 180;
  const scale = (v: number) => ((width - labelWidth - 10) * v) / max;
  return (
    <figure>
      <figcaption>
        <strong>{t("budget.chartTitle")}</strong> —{" "}
        <svg width="12" height="12" aria-hidden="true" focusable="false">
          <rect className="ww-bar-model" width="12" height="12" />
        </svg>{" "}
        {t("budget.model")}{" "}
        <svg width="12" height="12" aria-hidden="true" focusable="false">
          <rect className="ww-bar-current" width="12" height="12" />
        </svg>{" "}
        {t("budget.current")}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${row * data.teams.length}`}
        width={width}
        aria-hidden="true"
        focusable="false"
        className="ww-map"
      >
        {data.teams.map((team, i) => (
          <g key={team.teamId} transform={`translate(0 ${i * row})`}>
            <text x="4" y="26" fontSize="13">
              {team.teamName}
            </text>
            <rect className="ww-bar-model" x={labelWidth} y="6" height="14" width={scale(team.modelAmount)} />
            <rect
              className="ww-bar-current"
              x={labelWidth}
              y="22"
              height="14"
              width={scale(team.currentAmount)}
            />
          </g>
        ))}
      </svg>
    </figure>
  );
}
