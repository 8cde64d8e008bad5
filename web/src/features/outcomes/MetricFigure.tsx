import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { formatNumber } from "../../i18n/format.ts";
import { t } from "../../i18n/i18n.ts";
import { ScrollRegion } from "../areaAnalysis/ScrollRegion.tsx";
import { type Cell, groupName, label, type OutcomeMonitor, shownValue } from "./outcomes.types.ts";

interface Row {
  key: string;
  group: string;
  period: string;
  subgroup: string;
  cells: Cell[];
}

function rowsOf(monitor: OutcomeMonitor, cells: Cell[]): Row[] {
  const rows = new Map<string, Row>();
  for (const c of cells) {
    const key = `${c.groupKey}|${c.period}|${c.subgroup}`;
    const row = rows.get(key) ?? {
      key,
      group: groupName(monitor, c.groupKey),
      period: c.period,
      subgroup: c.subgroup,
      cells: [],
    };
    row.cells.push(c);
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.group.localeCompare(b.group) ||
      a.period.localeCompare(b.period) ||
      a.subgroup.localeCompare(b.subgroup),
  );
}

/** One figure: stacked bars (decorative, hidden from assistive technology) and the table that holds every number. */
export function MetricFigure({ monitor, metric }: { monitor: OutcomeMonitor; metric: string }) {
  const title = label("outcomes.metric", metric);
  if (monitor.notAvailable.includes(metric)) {
    return (
      <section aria-label={title}>
        <h2 className="utrecht-heading-2">{title}</h2>
        <p className="utrecht-paragraph">
          {t("outcomes.notAvailable", { dimension: t(`outcomes.dim.${monitor.dimension}`) })}
        </p>
      </section>
    );
  }
  const cells = monitor.cells.filter((c) => c.metric === metric);
  const categories = [...new Set(cells.map((c) => c.category))];
  const rows = rowsOf(monitor, cells);
  const subLabel = (s: string) =>
    s ? (metric === "satisfaction" ? label("outcomes.sub", s) : label("domain", s)) : "";
  const max = Math.max(1, ...rows.map((r) => r.cells.reduce((s, c) => s + (c.value ?? 0), 0)));
  const rowHeight = 22;
  const labelWidth = 260;
  const width = 720;
  return (
    <section aria-label={title}>
      <h2 className="utrecht-heading-2">{title}</h2>
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">{t("outcomes.noData")}</p>
      ) : (
        <>
          <figure className="ww-outcome-figure">
            <figcaption>
              {categories.map((c, i) => (
                <span key={c} className="ww-legend">
                  <svg width="12" height="12" aria-hidden="true" focusable="false">
                    <rect className={`ww-series-${i}`} width="12" height="12" />
                  </svg>{" "}
                  {label("outcomes.cat", c)}{" "}
                </span>
              ))}
            </figcaption>
            <svg
              viewBox={`0 0 ${width} ${rowHeight * rows.length}`}
              width="100%"
              style={{ maxWidth: width }}
              aria-hidden="true"
              focusable="false"
            >
              {rows.map((row, r) => {
                let x = labelWidth;
                return (
                  <g key={row.key} transform={`translate(0 ${r * rowHeight})`}>
                    <text x="0" y="15" fontSize="12">
                      {`${row.group} · ${row.period}${row.subgroup ? ` · ${subLabel(row.subgroup)}` : ""}`.slice(
                        0,
                        44,
                      )}
                    </text>
                    {row.cells.some((c) => c.suppressed) ? (
                      <text x={labelWidth} y="15" fontSize="12">
                        {t("outcomes.hiddenValue")}
                      </text>
                    ) : (
                      categories.map((category, i) => {
                        const value = row.cells.find((c) => c.category === category)?.value ?? 0;
                        const w = ((width - labelWidth - 70) * value) / max;
                        const rect = (
                          <rect
                            key={category}
                            className={`ww-series-${i}`}
                            x={x}
                            y="3"
                            height="15"
                            width={w}
                          />
                        );
                        x += w;
                        return rect;
                      })
                    )}
                    {!row.cells.some((c) => c.suppressed) && (
                      <text x={x + 6} y="15" fontSize="12" data-testid="bar-value">
                        {formatNumber(
                          row.cells.reduce((sum, c) => sum + (c.value ?? 0), 0),
                          1,
                        )}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
          </figure>
          <ScrollRegion label={title}>
            <Table>
              <TableCaption>{title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("outcomes.group")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("outcomes.period")}</TableHeaderCell>
                  {cells.some((c) => c.subgroup) && (
                    <TableHeaderCell scope="col">
                      {metric === "satisfaction" ? t("outcomes.metric.satisfaction") : t("outcomes.domain")}
                    </TableHeaderCell>
                  )}
                  {categories.map((c) => (
                    <TableHeaderCell key={c} scope="col">
                      {label("outcomes.cat", c)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableHeaderCell scope="row">{row.group}</TableHeaderCell>
                    <TableCell>{row.period}</TableCell>
                    {row.subgroup !== "" && <TableCell>{subLabel(row.subgroup)}</TableCell>}
                    {categories.map((c) => (
                      <TableCell key={c}>{shownValue(row.cells.find((x) => x.category === c))}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
