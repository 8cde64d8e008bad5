import {
  Heading2,
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
import { useResource } from "../../api/useResource.ts";
import { hasAnyPermission, useAuthenticatedSession } from "../../app/session.tsx";
import { type MessageKey, t } from "../../i18n/i18n.ts";
import { SelectField } from "../../ui/fields.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import type { AreaAnalysis, AreaRow, Boundaries, Count } from "./areaAnalysis.types.ts";
import { COMPONENTS, formatNumber } from "./areaAnalysis.types.ts";
import { ChoroplethMap } from "./ChoroplethMap.tsx";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { WeightsForm } from "./WeightsForm.tsx";

const INDICATORS = [
  "inhabitants",
  "age65Plus",
  "singlePersonHouseholds",
  "socialAssistanceBenefits",
  "corporationHousingPct",
];

const unknown = () => <em>{t("area.unknown")}</em>;
const show = (value: number | null | undefined, digits = 0) => formatNumber(value, digits) ?? unknown();
const showCount = (count: Count | null) =>
  count == null ? unknown() : count.suppressed ? t("area.suppressed") : show(count.value);

function measureValue(area: AreaRow, measure: string): number | null {
  if (measure === "demandIndex") return area.demandIndex;
  return area.components.find((c) => c.component === measure)?.value ?? null;
}

export function AreaAnalysisPage() {
  const session = useAuthenticatedSession();
  const [year, setYear] = useState("");
  const [level, setLevel] = useState<"district" | "neighbourhood">("district");
  const [measure, setMeasure] = useState("demandIndex");
  const query = `level=${level}${year ? `&year=${year}` : ""}`;
  const analysis = useResource<AreaAnalysis>(`/api/area-analysis?${query}`);
  const boundaries = useResource<Boundaries>(`/api/area-analysis/boundaries?level=${level}`);
  const canManage = hasAnyPermission(session, ["areaAnalysis.manage"]);
  const data = analysis.data;
  const levelLabel = t(`area.level.${level}`).toLowerCase();
  const measureLabel =
    measure === "demandIndex" ? t("area.demandIndex") : t(`area.component.${measure}` as MessageKey);

  return (
    <>
      <PageTitle>{t("area.title")}</PageTitle>
      <Paragraph>{t("area.intro")}</Paragraph>
      <ErrorMessage message={analysis.error} />
      {!data && !analysis.error && <Loading />}
      {data && data.year == null && <Paragraph>{t("area.noData")}</Paragraph>}
      {data && data.year != null && (
        <>
          <div className="ww-inline-fields">
            <SelectField
              id="area-year"
              label={t("area.year")}
              value={String(data.year)}
              options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
              onChange={setYear}
            />
            <SelectField
              id="area-level"
              label={t("area.level")}
              value={level}
              options={(["district", "neighbourhood"] as const).map((l) => ({
                value: l,
                label: t(`area.level.${l}`),
              }))}
              onChange={(value) => setLevel(value === "neighbourhood" ? "neighbourhood" : "district")}
            />
            <SelectField
              id="area-measure"
              label={t("area.show")}
              value={measure}
              options={[
                { value: "demandIndex", label: t("area.demandIndex") },
                ...COMPONENTS.map((c) => ({ value: c, label: t(`area.component.${c}` as MessageKey) })),
              ]}
              onChange={setMeasure}
            />
          </div>
          {boundaries.data && (
            <ChoroplethMap
              title={t("area.mapTitle", { measure: measureLabel, level: levelLabel })}
              boundaries={boundaries.data}
              values={new Map(data.areas.map((a) => [a.code, measureValue(a, measure)]))}
              format={(v) => formatNumber(v, measure === "demandIndex" ? 0 : 1) ?? ""}
              attribution={t("area.source", { tables: data.sources.join(", "), year: data.year })}
            />
          )}
          <Heading2>{t("area.normalisation")}</Heading2>
          <Paragraph>{t("area.normalisation.text")}</Paragraph>
          <ScrollRegion label={t("area.tableCaption", { level: levelLabel, year: data.year })}>
            <Table>
              <TableCaption>{t("area.tableCaption", { level: levelLabel, year: data.year })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("area.name")}</TableHeaderCell>
                  {INDICATORS.map((i) => (
                    <TableHeaderCell scope="col" key={i}>
                      {t(`area.indicator.${i}` as MessageKey)}
                    </TableHeaderCell>
                  ))}
                  <TableHeaderCell scope="col">{t("area.demandIndex")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("area.openCases")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("area.expectedCases")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("area.signals")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.areas.map((area) => (
                  <TableRow key={area.code}>
                    <TableHeaderCell scope="row">{area.name}</TableHeaderCell>
                    {INDICATORS.map((i) => (
                      <TableCell key={i}>
                        {show(area.indicators.find((x) => x.indicator === i)?.value)}
                      </TableCell>
                    ))}
                    <TableCell>
                      {show(area.demandIndex)}
                      {area.demandIndex != null && area.missingComponents.length > 0 && (
                        <>
                          {" "}
                          <small>
                            {t("area.missing", {
                              components: area.missingComponents
                                .map((c) => t(`area.component.${c}` as MessageKey).replace(/ \(.*\)$/, ""))
                                .join(", "),
                            })}
                          </small>
                        </>
                      )}
                    </TableCell>
                    <TableCell>{showCount(area.openCases)}</TableCell>
                    <TableCell>{show(area.expectedCases, 1)}</TableCell>
                    <TableCell>{showCount(area.signals)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
          <Paragraph>
            <small>{t("area.source", { tables: data.sources.join(", "), year: data.year })}</small>
          </Paragraph>
          <WeightsForm
            weights={data.weights}
            isDefault={data.weightsAreDefault}
            canManage={canManage}
            onSaved={analysis.reload}
          />
        </>
      )}
    </>
  );
}
